import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { secondaryLinkClass } from "./buttons";

/**
 * "Check again now", and an opt-in to keep a waiting page updated. A page that reloads by itself moves a
 * screen reader's place and focus on every reload (WCAG 2.2.1, axe's meta-refresh rule), so it only does
 * while the buyer asked for it (`?auto=1`), with a link to stop — all without JavaScript.
 */
export function AutoRefresh({ path, auto, locale, seconds = 10 }: { path: string; auto: boolean; locale: Locale; seconds?: number }) {
  const t = translator(locale, "checkout");
  return (
    <div className="space-y-2">
      {auto ? <meta httpEquiv="refresh" content={`${seconds};url=${path}?auto=1`} /> : null}
      <a href={auto ? `${path}?auto=1` : path} className={secondaryLinkClass}>
        {t("autoRefresh.checkNow")}
      </a>
      <p className="text-sm text-slate-600">
        {auto ? (
          <>
            {t("autoRefresh.checking", { seconds })}{" "}
            <a href={path} className="underline underline-offset-2">
              {t("autoRefresh.stop")}
            </a>
          </>
        ) : (
          <a href={`${path}?auto=1`} className="underline underline-offset-2">
            {t("autoRefresh.start", { seconds })}
          </a>
        )}
      </p>
    </div>
  );
}
