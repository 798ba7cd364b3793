import { translator } from "@/lib/i18n/translate";
import { LANGUAGE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";

/**
 * The checkout's language picker: a plain form (a select and a button) posted to /l|o/{token}/language, so it
 * works with JavaScript off and adds none. Each language is named in its own words and marked with its `lang`,
 * so a screen reader says 日本語 in Japanese. `returnTo` is the page (path and query) to come back to.
 */
export function LanguageSwitcher({ action, returnTo, locale }: { action: string; returnTo: string; locale: Locale }) {
  const t = translator(locale, "language");
  return (
    <form method="post" action={action} className="flex items-center justify-center gap-2">
      <input type="hidden" name="return" value={returnTo} />
      <label htmlFor="checkout-language" className="sr-only">
        {t("label")}
      </label>
      <select
        id="checkout-language"
        name="locale"
        defaultValue={locale}
        className="rounded-md border border-slate-300 bg-white py-1.5 ps-2 pe-7 text-sm text-slate-800"
      >
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LANGUAGE_NAMES[option]}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100">
        {t("change")}
      </button>
    </form>
  );
}
