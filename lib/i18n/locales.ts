// The languages the checkout, the buyer's emails and SMS, and the PDFs speak (API.md, "Languages"), and how a
// buyer's language is chosen. Pure: the checkout's Next-aware glue is lib/http/checkout/locale.ts.

export const LOCALES = ["en", "de", "fr", "es", "pt-BR", "sv", "ja", "zh-CN", "th", "ar"] as const;
export type Locale = (typeof LOCALES)[number];

/** What a link or order stores: a language, or "auto" for the buyer's own (their browser's Accept-Language). */
export const LOCALE_SETTINGS = ["auto", ...LOCALES] as const;
export type LocaleSetting = (typeof LOCALE_SETTINGS)[number];

export const DEFAULT_LOCALE: Locale = "en";

const LOCALE_SET: ReadonlySet<string> = new Set(LOCALES);

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && LOCALE_SET.has(value);
}

export function isLocaleSetting(value: unknown): value is LocaleSetting {
  return value === "auto" || isLocale(value);
}

/** Each language in its own words, for the switcher: a buyer looks for the name they can read. */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = {
  en: "English",
  de: "Deutsch",
  fr: "Français",
  es: "Español",
  "pt-BR": "Português (Brasil)",
  sv: "Svenska",
  ja: "日本語",
  "zh-CN": "简体中文",
  th: "ไทย",
  ar: "العربية",
};

export function textDirection(locale: Locale): "ltr" | "rtl" {
  return locale === "ar" ? "rtl" : "ltr";
}

// The language subtag each locale answers for when the browser names no exact match: a Portuguese reader gets
// Brazilian Portuguese, any Chinese reader Simplified Chinese (closer to Traditional than English is).
const BY_LANGUAGE: Readonly<Record<string, Locale>> = {
  en: "en",
  de: "de",
  fr: "fr",
  es: "es",
  pt: "pt-BR",
  sv: "sv",
  ja: "ja",
  zh: "zh-CN",
  th: "th",
  ar: "ar",
};

const MAX_HEADER = 1024;
const MAX_RANGES = 32;

/**
 * The best of our locales for an Accept-Language header (RFC 9110 §12.5.4): ranges by weight, ties in the
 * order given; an exact tag first ("pt-BR"), then its language ("de-AT" → de, "zh-TW" → zh-CN). `*` and
 * anything unknown fall through to the next range; nothing matched → English. Bounded work for a hostile
 * header.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranges = acceptLanguage
    .slice(0, MAX_HEADER)
    .split(",", MAX_RANGES)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((range) => range.tag && range.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranges) {
    const exact = LOCALES.find((locale) => locale.toLowerCase() === tag);
    if (exact) return exact;
    const language = BY_LANGUAGE[tag.split("-")[0] ?? ""];
    if (language) return language;
  }
  return DEFAULT_LOCALE;
}

/** A stored setting as the API states it; anything that is not one (never written) reads as "auto". */
export function localeSetting(value: string): LocaleSetting {
  return isLocaleSetting(value) ? value : "auto";
}

/**
 * The language a buyer sees: the one they picked on this checkout, else the one the merchant set on the link
 * or order, else their browser's. A stored choice that is no longer a locale is ignored, not trusted.
 */
export function resolveLocale(input: { chosen?: string | null; configured?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(input.chosen)) return input.chosen;
  if (isLocale(input.configured)) return input.configured;
  return negotiateLocale(input.acceptLanguage);
}

/** What a link or order asks for: for an order the language its buyer already paid in, else its `locale`. */
export function configuredLocale(row: { locale: string; buyerLocale?: string | null }): string {
  return isLocale(row.buyerLocale) ? row.buyerLocale : row.locale;
}

/**
 * The language for what reaches a buyer outside the checkout (emails, SMS, PDFs): what the order asks for
 * (configuredLocale), else English — there is no browser to ask.
 */
export function buyerLocale(order: { locale: string; buyerLocale?: string | null }): Locale {
  const configured = configuredLocale(order);
  return isLocale(configured) ? configured : DEFAULT_LOCALE;
}
