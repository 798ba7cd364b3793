import { formatCountry } from "@/lib/i18n/format";
import { COUNTRY_CODES } from "@/lib/geo/countries";
import { CURRENCIES } from "@/lib/money/currencies";

/** Options for country pickers, sorted by English name. */
export function countryOptions() {
  return COUNTRY_CODES.map((code) => ({ value: code, label: formatCountry(code) })).sort((a, b) =>
    a.label.localeCompare(b.label),
  );
}

/** Options for currency pickers: code first (what merchants scan for), then name and decimals. */
export function currencyOptions() {
  return CURRENCIES.map((c) => ({
    value: c.code,
    label: `${c.code} — ${c.name}${c.exponent === 2 ? "" : ` (${c.exponent} decimals)`}`,
  }));
}
