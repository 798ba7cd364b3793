import type { ReactNode } from "react";
import { textDirection, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";

/**
 * The document of a checkout page: `<html lang dir>` in the buyer's language (right to left for Arabic), and
 * the system's own fonts — a phone already has fonts for its reader's script, and a web font would be one more
 * download on the page buyers wait for (and none of ours covers Japanese, Chinese, Thai and Arabic).
 */
export function CheckoutDocument({ locale, children }: { locale: Locale; children: ReactNode }) {
  // The error page's words (components/ui/error-page.tsx reads them): a page that failed has no other source.
  const t = translator(locale, "checkout");
  return (
    <html lang={locale} dir={textDirection(locale)}>
      <body
        className="min-h-dvh font-sans"
        data-error-title={t("unavailableError.title")}
        data-error-body={t("unavailableError.body")}
        data-error-retry={t("unavailableError.retry")}
        data-error-reference={t("unavailableError.reference")}
      >
        {children}
      </body>
    </html>
  );
}
