import type { Metadata } from "next";
import { isCheckoutToken } from "@/lib/checkout/steps";
import { documentLocale, type CheckoutKind } from "@/lib/http/checkout/locale";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { translator, type Messages } from "@/lib/i18n/translate";

export type CheckoutTitle = keyof Messages["checkout"]["titles"];

/** A checkout page's generateMetadata: its title in the buyer's language, and no indexing (the token is a secret). */
export function checkoutMetadata(kind: CheckoutKind, title: CheckoutTitle) {
  return async function generateMetadata({ params }: { params: Promise<{ token: string }> }): Promise<Metadata> {
    const { token } = await params;
    const locale = isCheckoutToken(token) ? await documentLocale(kind, token) : DEFAULT_LOCALE;
    return { title: translator(locale, "checkout")(`titles.${title}`), robots: { index: false, follow: false } };
  };
}
