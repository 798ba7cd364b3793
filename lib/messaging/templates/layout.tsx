import { Body, Button, Container, Head, Heading, Hr, Html, Img, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { DEFAULT_LOCALE, textDirection, type Locale } from "@/lib/i18n/locales";

/** Who the email speaks for: a merchant (its name, colour and logo) or Paylink itself. */
export interface Brand {
  name: string;
  /** `#rrggbb`. */
  color: string;
  logoUrl?: string | null;
}

export const PAYLINK_BRAND: Brand = { name: "Paylink", color: "#4f46e5" };

const text = { fontSize: "15px", lineHeight: "24px", color: "#1e293b", margin: "0 0 16px" };
const small = { fontSize: "13px", lineHeight: "20px", color: "#64748b", margin: "0 0 8px" };

/** Black or white text on the brand colour, whichever reads better (WCAG relative luminance). */
export function textOn(color: string): string {
  const channel = (i: number) => {
    const c = parseInt(color.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return luminance > 0.35 ? "#0f172a" : "#ffffff";
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={text}>{children}</Text>;
}

export function SmallPrint({ children }: { children: ReactNode }) {
  return <Text style={small}>{children}</Text>;
}

/** A big button and, under it, the same address written out (some clients strip buttons; people copy links). */
export function Action({ brand, href, label }: { brand: Brand; href: string; label: string }) {
  return (
    <Section style={{ margin: "8px 0 24px" }}>
      <Button href={href} style={{ backgroundColor: brand.color, color: textOn(brand.color), borderRadius: "8px", padding: "12px 20px", fontSize: "15px", fontWeight: 600, textDecoration: "none" }}>
        {label}
      </Button>
      <Text style={{ ...small, marginTop: "12px", wordBreak: "break-all" }}>{href}</Text>
    </Section>
  );
}

/**
 * The frame of every email: the brand's name (or logo) in its colour, the content, and a footer line, in the
 * reader's language and its direction (a buyer's email in theirs; the account emails are English). The
 * direction is stated on the content's table too: some clients drop the `<html>` element's attributes.
 */
export function EmailLayout({
  brand,
  preview,
  heading,
  footer,
  locale = DEFAULT_LOCALE,
  children,
}: {
  brand: Brand;
  preview: string;
  heading: string;
  footer: string;
  locale?: Locale;
  children: ReactNode;
}) {
  const dir = textDirection(locale);
  return (
    <Html lang={locale} dir={dir}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f1f5f9", fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" }}>
        <Container dir={dir} style={{ backgroundColor: "#ffffff", borderRadius: "12px", maxWidth: "560px", overflow: "hidden" }}>
          <Section style={{ backgroundColor: brand.color, padding: "16px 24px" }}>
            {brand.logoUrl ? (
              <Img src={brand.logoUrl} alt={brand.name} height="32" style={{ display: "block" }} />
            ) : (
              <Text style={{ color: textOn(brand.color), fontSize: "18px", fontWeight: 700, margin: 0 }}>{brand.name}</Text>
            )}
          </Section>
          <Section style={{ padding: "24px" }}>
            <Heading as="h1" style={{ fontSize: "20px", lineHeight: "28px", color: "#0f172a", margin: "0 0 16px" }}>
              {heading}
            </Heading>
            {children}
            <Hr style={{ borderColor: "#e2e8f0", margin: "24px 0 16px" }} />
            <SmallPrint>{footer}</SmallPrint>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
