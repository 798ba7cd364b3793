/**
 * Amounts are integers in ISO minor units everywhere in the app. This module is
 * the only bridge between those integers and the decimal text humans read and
 * type, and it never goes through binary floating point: 0.1 + 0.2 style errors
 * in a payment amount are bugs that charge the wrong price.
 */

import { currencyExponent, type CurrencyCode } from "./currencies";

/**
 * Product ceiling, not a technical one: 999,999,999.99 in a 2-decimal currency.
 * It is well below Number.MAX_SAFE_INTEGER, so any amount that passes it is also
 * exact as a JS number and fits a Postgres bigint.
 */
export const MAX_AMOUNT_MINOR = 99_999_999_999;

export type ParseAmountError = "empty" | "invalid" | "too_precise" | "not_positive" | "too_large";

export type ParseAmountResult =
  | { ok: true; minor: number }
  | { ok: false; reason: ParseAmountError };

// Integer part: plain digits, or comma-grouped thousands where every group after
// the first has exactly three digits ("1,234,567"; not "1,23,4567" nor "1,2345").
// The integer part may be omitted (".5"), but a trailing dot ("5.") is treated as
// an unfinished entry. Only ASCII digits: `\d` without the `u` flag excludes
// other scripts' digits, which we would otherwise have to normalise.
const AMOUNT_PATTERN = /^(\d+|[1-9]\d{0,2}(?:,\d{3})+)?(?:\.(\d+))?$/;

// Both the ASCII hyphen and U+2212, which some keyboards and OS locales produce.
const MINUS_SIGNS = /^[-\u2212]/;

// More significant digits than this cannot be <= MAX_AMOUNT_MINOR; checking the
// length first keeps BigInt from ever parsing a pathological megabyte of digits.
const MAX_SIGNIFICANT_DIGITS = String(MAX_AMOUNT_MINOR).length;

/**
 * Parses an amount as a merchant types it ("12", "12.5", "1,234.56") into
 * integer minor units of `currency`.
 *
 * Precision rule: the number of decimals typed may not exceed the currency's
 * exponent, even when the extra digits are zeros ("12.0" in JPY, "12.500" in
 * USD are too_precise). Judging by digit count keeps the rule simple to explain
 * in the UI ("JPY has no decimals") and avoids accepting input that suggests the
 * merchant has the wrong currency selected. Nothing is ever rounded.
 *
 * Rejected as invalid: signs other than a leading minus, exponents ("1e3"),
 * "NaN", "Infinity", hex, inner spaces, misplaced commas and decimal commas.
 */
export function parseAmount(input: string, currency: CurrencyCode): ParseAmountResult {
  const trimmed = input.trim();
  if (trimmed === "") return { ok: false, reason: "empty" };

  // A negative amount is a meaningful but forbidden value; say so instead of
  // calling it unparseable. "-abc" is still invalid.
  const negative = MINUS_SIGNS.test(trimmed);
  const unsigned = negative ? trimmed.slice(1) : trimmed;

  const match = AMOUNT_PATTERN.exec(unsigned);
  if (match === null) return { ok: false, reason: "invalid" };
  const integerPart = (match[1] ?? "").replaceAll(",", "");
  const fractionPart = match[2] ?? "";
  if (integerPart === "" && fractionPart === "") return { ok: false, reason: "invalid" };

  if (negative) return { ok: false, reason: "not_positive" };

  const exponent = currencyExponent(currency);
  if (fractionPart.length > exponent) return { ok: false, reason: "too_precise" };

  const digits = (integerPart + fractionPart.padEnd(exponent, "0")).replace(/^0+/, "");
  if (digits === "") return { ok: false, reason: "not_positive" };
  if (digits.length > MAX_SIGNIFICANT_DIGITS) return { ok: false, reason: "too_large" };

  const minor = BigInt(digits);
  if (minor > BigInt(Number.MAX_SAFE_INTEGER) || minor > BigInt(MAX_AMOUNT_MINOR)) {
    return { ok: false, reason: "too_large" };
  }
  return { ok: true, minor: Number(minor) };
}

/** A storable amount: positive, an exact integer, within the product ceiling. */
export function isValidMinorAmount(n: unknown): n is number {
  return typeof n === "number" && Number.isSafeInteger(n) && n > 0 && n <= MAX_AMOUNT_MINOR;
}

/**
 * 1234 USD -> "12.34", 5 KWD -> "0.005", 100 JPY -> "100". Machine format (dot,
 * no grouping), meant for pre-filling inputs that parseAmount reads back.
 * Zero and negatives are allowed so balances and refunds can be shown too.
 */
export function minorToDecimalString(minor: number, currency: CurrencyCode): string {
  if (!Number.isSafeInteger(minor)) {
    throw new RangeError(`Minor amount must be a safe integer, got ${String(minor)}`);
  }
  const exponent = currencyExponent(currency);
  const sign = minor < 0 ? "-" : "";
  // Number#toString of a safe integer is exact and never uses exponent notation.
  const digits = String(Math.abs(minor));
  if (exponent === 0) return sign + digits;
  const padded = digits.padStart(exponent + 1, "0");
  return `${sign}${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
}

// ES2023's Intl typings accept a decimal string in format(); declared locally so
// this module also type-checks against older `lib` settings. The runtime support
// (Intl.NumberFormat v3) is in every Node >= 19, so >= 20 is covered.
interface DecimalStringFormatter {
  format(value: string): string;
}

/** How the currency is named: its locale's symbol ("US$", "€"), or its ISO code ("USD"). */
export type CurrencyDisplay = "symbol" | "code";

// Building an Intl.NumberFormat costs far more than using one (it loads locale data): keep them. The locale
// may come from a request header, so the cache is bounded; clearing it is cheap.
const formatters = new Map<string, DecimalStringFormatter>();
const MAX_FORMATTERS = 200;

function currencyFormatter(locale: string, currency: CurrencyCode, exponent: number, display: CurrencyDisplay): DecimalStringFormatter {
  const key = `${locale}|${currency}|${exponent}|${display}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatter = newCurrencyFormatter(locale, currency, exponent, display);
    formatters.set(key, formatter);
  }
  return formatter;
}

function newCurrencyFormatter(locale: string, currency: CurrencyCode, exponent: number, display: CurrencyDisplay) {
  const options: Intl.NumberFormatOptions = {
    style: "currency",
    currency,
    currencyDisplay: display,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  };
  try {
    return new Intl.NumberFormat(locale, options) as unknown as DecimalStringFormatter;
  } catch (error) {
    // The locale often comes from a request header; a malformed tag should not
    // take down a payment page. Every CurrencyCode is well-formed, so a RangeError
    // here can only be about the locale.
    if (!(error instanceof RangeError)) throw error;
    return new Intl.NumberFormat("en-US", options) as unknown as DecimalStringFormatter;
  }
}

/**
 * Display string for an amount, e.g. 123456 USD -> "$1,234.56".
 *
 * Fraction digits are forced to the ISO exponent because Intl's (CLDR) defaults
 * differ for some currencies, and the value is handed to Intl as an exact decimal
 * string, so there is no float division and no rounding: exactly `exponent`
 * digits go in and exactly `exponent` digits come out.
 */
export function formatMinor(minor: number, currency: CurrencyCode, locale = "en-US", display: CurrencyDisplay = "symbol"): string {
  const decimal = minorToDecimalString(minor, currency);
  return currencyFormatter(locale, currency, currencyExponent(currency), display).format(decimal);
}
