import { secondaryLinkClass } from "./buttons";

/**
 * "Check again now", and an opt-in to keep a waiting page updated. A page that reloads by itself moves a
 * screen reader's place and focus on every reload (WCAG 2.2.1, axe's meta-refresh rule), so it only does
 * while the buyer asked for it (`?auto=1`), with a link to stop — all without JavaScript.
 */
export function AutoRefresh({ path, auto, seconds = 10 }: { path: string; auto: boolean; seconds?: number }) {
  return (
    <div className="space-y-2">
      {auto ? <meta httpEquiv="refresh" content={`${seconds};url=${path}?auto=1`} /> : null}
      <a href={auto ? `${path}?auto=1` : path} className={secondaryLinkClass}>
        Check again now
      </a>
      <p className="text-sm text-slate-600">
        {auto ? (
          <>
            This page checks again every {seconds} seconds. <a href={path} className="underline underline-offset-2">Stop checking automatically</a>
          </>
        ) : (
          <a href={`${path}?auto=1`} className="underline underline-offset-2">
            Check automatically every {seconds} seconds
          </a>
        )}
      </p>
    </div>
  );
}
