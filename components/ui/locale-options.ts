import { LANGUAGE_NAMES, LOCALES } from "@/lib/i18n/locales";

/** The checkout-language picker of links and orders: the buyer's own first, then each language by its name. */
export const LOCALE_OPTIONS: readonly { value: string; label: string }[] = [
  { value: "auto", label: "Buyer's browser language (automatic)" },
  ...LOCALES.map((locale) => ({ value: locale, label: `${LANGUAGE_NAMES[locale]} (${locale})` })),
];
