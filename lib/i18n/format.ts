import { countryName as regionName, type CountryCode } from "@/lib/geo/countries";
import { isCurrencyCode, type CurrencyCode } from "@/lib/money/currencies";
import { formatMinor, type CurrencyDisplay } from "@/lib/money/money";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";

// The one place amounts, numbers, dates and country names are put into words for a reader: the checkout, the
// buyer's emails and SMS, the PDFs and the dashboard all call it, so a buyer reads "¥1,500" on the page, in the
// email and on the receipt alike. Pure; Intl does the work, with the locale's conventions and the currency's
// ISO 4217 decimals always (formatMinor forces them: JPY 0, KWD 3, whatever CLDR would do).

/**
 * The tag handed to Intl. Arabic keeps Western digits (`nu-latn`): the card number, expiry and security code
 * the buyer types are Western digits, as are the amounts on cards and bank statements across the Gulf and the
 * Maghreb; one page mixing ١٢٣ and 123 reads as two different numbers.
 */
export function intlLocale(locale: Locale): string {
  return locale === "ar" ? "ar-u-nu-latn" : locale;
}

/** "$1,234.56", "1.234,56 €", "￥1,500", "1,500 USD" in Arabic; an unknown currency (never stored) shows the minor units. */
export function formatMoney(minor: number, currency: string, locale: Locale = DEFAULT_LOCALE): string {
  if (!isCurrencyCode(currency)) return `${minor} ${currency}`;
  return formatMinor(minor, currency, intlLocale(locale), locale === "ar" ? arabicCurrencyDisplay(currency) : "symbol");
}

const arabicDisplays = new Map<CurrencyCode, CurrencyDisplay>();

/**
 * Arabic names a currency by its symbol unless the symbol mixes Latin letters with a sign ("US$", "JP¥",
 * "UK£"): in right-to-left text the sign, a neutral character, detaches and lands on the wrong side of the
 * letters ("$US 45.00"). Those are shown by their ISO code ("45.00 USD"), which reads right in either direction;
 * Arabic symbols (د.ك.‏, ر.س.‏) and lone signs (€) stay.
 */
function arabicCurrencyDisplay(currency: CurrencyCode): CurrencyDisplay {
  let display = arabicDisplays.get(currency);
  if (!display) {
    const symbol = new Intl.NumberFormat(intlLocale("ar"), { style: "currency", currency }).formatToParts(1).find((part) => part.type === "currency")?.value ?? "";
    display = /[A-Za-z]/.test(symbol) ? "code" : "symbol";
    arabicDisplays.set(currency, display);
  }
  return display;
}

const DATE_OPTIONS = {
  /** "May 25, 2026" */
  date: { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" },
  /** "May 25, 2026" spelled out in full where there is room: "25 May 2026", "2026年5月25日". */
  longDate: { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" },
  /** "May 25" */
  day: { month: "short", day: "numeric", timeZone: "UTC" },
  /** "May 25, 2026, 10:00 AM UTC": pages are rendered on the server, so the zone is stated, not guessed. */
  dateTime: { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" },
  /** To the second: events and retries come seconds apart, and logs are read against server logs. */
  preciseTime: { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", second: "2-digit", timeZone: "UTC", timeZoneName: "short" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateStyle = keyof typeof DATE_OPTIONS;

// Building an Intl formatter costs far more than using one: keep them (10 locales × a handful of styles).
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/** A date (a Date, or an ISO string or YYYY-MM-DD day as the API and queries hand them out) in UTC. */
export function formatDate(value: Date | string, style: DateStyle, locale: Locale = DEFAULT_LOCALE): string {
  const key = `${locale}|${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), DATE_OPTIONS[style]);
    dateFormats.set(key, format);
  }
  const date = typeof value === "string" ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value) : value;
  return format.format(date);
}

function numberFormat(locale: Locale, kind: "integer" | "percent"): Intl.NumberFormat {
  const key = `${locale}|${kind}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), kind === "percent" ? { style: "percent", maximumFractionDigits: 1 } : { maximumFractionDigits: 0 });
    numberFormats.set(key, format);
  }
  return format;
}

/** A count: "1,234", "1 234", "1.234". */
export function formatCount(n: number, locale: Locale = DEFAULT_LOCALE): string {
  return numberFormat(locale, "integer").format(n);
}

/** "62.5%" of a whole; a share of nothing is no share at all (null). */
export function formatShare(part: number, whole: number, locale: Locale = DEFAULT_LOCALE): string | null {
  return whole > 0 ? numberFormat(locale, "percent").format(part / whole) : null;
}

/** "Germany", "Allemagne", "ドイツ". */
export function formatCountry(code: CountryCode, locale: Locale = DEFAULT_LOCALE): string {
  return regionName(code, intlLocale(locale));
}
