import { LANGUAGE_NAMES, LOCALES } from "@/lib/i18n/locales";

/** The checkout-language picker of links and orders: the buyer's own first, then each language by its name. */
export const LOCALE_OPTIONS: readonly { value: string; label: string }[] = [
  { value: "auto", label: "Buyer's browser language (automatic)" },
  ...LOCALES.map((locale) => ({ value: locale, label: `${LANGUAGE_NAMES[locale]} (${locale})` })),
];

/** How the dashboard names a link's or order's `locale`: "Automatic (buyer's browser)", "日本語 (ja)". */
export function localeSettingLabel(setting: string): string {
  return LOCALE_OPTIONS.find((option) => option.value === setting)?.label ?? setting;
}
