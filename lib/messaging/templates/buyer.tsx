import { Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { Action, EmailLayout, Paragraph, SmallPrint, type Brand } from "./layout";

// The emails and SMS Paylink sends a merchant's buyers: a payment request (a link or an order) and a receipt.
// They speak in the merchant's name, colour and logo, and in the buyer's language (`locale`: the catalogue's
// `email` and `sms` words; the merchant's own text — its name, the item, the description — is theirs, as
// written); each email returns its subject with the element. Amounts and dates come formatted in that locale.

export interface RequestContent {
  merchant: Brand;
  itemName: string;
  description: string | null;
  /** In the currency's own format; null for a link where the buyer chooses the amount. */
  amount: string | null;
  /** The checkout URL with its `src`. */
  url: string;
  /** An order's due date, written out (its expires_at); null for a link. */
  due: string | null;
  reference: string | null;
}

const row = { fontSize: "15px", lineHeight: "24px", color: "#1e293b", margin: "0" };

function Summary({ lines, locale }: { lines: [string, string][]; locale: Locale }) {
  const t = translator(locale, "email");
  return (
    <Section style={{ backgroundColor: "#f8fafc", borderRadius: "8px", padding: "12px 16px", margin: "0 0 16px" }}>
      {lines.map(([label, value]) => (
        <Text key={label} style={row}>
          <span style={{ color: "#64748b" }}>{t("summaryLabel", { label })} </span>
          <strong>{value}</strong>
        </Text>
      ))}
    </Section>
  );
}

const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

export function paymentRequestEmail(content: RequestContent, locale: Locale) {
  const { merchant, itemName, amount, url, due, reference } = content;
  const t = translator(locale, "email");
  const words = { merchant: merchant.name, item: itemName };
  const lines: [string, string][] = [[t("request.item"), itemName]];
  if (amount) lines.push([t("request.amount"), amount]);
  if (reference) lines.push([t("request.reference"), reference]);
  if (due) lines.push([t("request.payBy"), due]);
  return {
    subject: t("request.subject", words),
    element: (
      <EmailLayout
        brand={merchant}
        locale={locale}
        preview={amount ? t("request.preview", { ...words, amount }) : t("request.previewChosenAmount", words)}
        heading={t("request.heading", words)}
        footer={t("request.footer", words)}
      >
        <Paragraph>{amount ? t.rich("request.body", { ...words, amount, strong }) : t.rich("request.bodyChosenAmount", { ...words, strong })}</Paragraph>
        {content.description ? <Paragraph>{content.description}</Paragraph> : null}
        <Summary lines={lines} locale={locale} />
        <Action brand={merchant} href={url} label={amount ? t("request.button", { amount }) : t("request.buttonChosenAmount")} />
        {due ? <SmallPrint>{t("request.invoiceAttached")}</SmallPrint> : null}
      </EmailLayout>
    ),
  };
}

/** One line: the SMS a buyer gets for a payment request. */
export function paymentRequestSms({ merchant, itemName, amount, url }: RequestContent, locale: Locale): string {
  const t = translator(locale, "sms");
  const words = { merchant: merchant.name, item: itemName, url };
  return (amount ? t("request", { ...words, amount }) : t("requestChosenAmount", words)).replace(/\s*[\r\n]+\s*/g, " ");
}

export interface ReceiptContent {
  merchant: Brand;
  itemName: string;
  amount: string;
  paidAt: string;
  /** "Visa •••• 4242", "Alipay"… */
  method: string;
  orderId: string;
  reference: string | null;
}

/** A receipt's subject alone: what its message row shows while the worker has yet to render it. */
export function receiptSubject({ merchant, itemName, amount }: { merchant: string; itemName: string; amount: string }, locale: Locale): string {
  return translator(locale, "email")("receipt.subject", { merchant, item: itemName, amount });
}

export function receiptEmail(content: ReceiptContent, locale: Locale) {
  const { merchant, itemName, amount, paidAt, method, orderId, reference } = content;
  const t = translator(locale, "email");
  const words = { merchant: merchant.name, item: itemName, amount };
  const lines: [string, string][] = [
    [t("receipt.paid"), amount],
    [t("receipt.for"), itemName],
    [t("receipt.on"), paidAt],
    [t("receipt.with"), method],
    [t("receipt.order"), orderId],
  ];
  if (reference) lines.push([t("receipt.reference"), reference]);
  return {
    subject: receiptSubject({ merchant: merchant.name, itemName, amount }, locale),
    element: (
      <EmailLayout brand={merchant} locale={locale} preview={t("receipt.preview", words)} heading={t("receipt.heading")} footer={t("receipt.footer", words)}>
        <Paragraph>{t.rich("receipt.body", { ...words, strong })}</Paragraph>
        <Summary lines={lines} locale={locale} />
        <SmallPrint>{t("receipt.receiptAttached")}</SmallPrint>
      </EmailLayout>
    ),
  };
}
