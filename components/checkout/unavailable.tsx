import { cookies, headers } from "next/headers";
import type { ReactNode } from "react";
import { LOCALE_COOKIE, type CheckoutKind } from "@/lib/http/checkout/locale";
import { resolveLocale, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { PlainCheckoutPage } from "./checkout-page";

/** The friendly dead end: an inactive, expired, used-up or unknown link or order. */
export function Unavailable({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <section aria-labelledby="unavailable-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-6 text-center">
      <h1 id="unavailable-title" className="text-xl font-semibold text-slate-900">
        {title}
      </h1>
      <div className="space-y-2 text-slate-700">{children}</div>
    </section>
  );
}

/**
 * An unknown link or order token (404): the same words as a link or order that takes no payment, without
 * saying whether it ever existed. A not-found page is given no token, so its language is the buyer's choice on
 * this checkout (the cookie is scoped to its path) or their browser's.
 */
export async function CheckoutNotFound({ kind }: { kind: CheckoutKind }) {
  const [store, head] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale({ chosen: store.get(LOCALE_COOKIE)?.value, acceptLanguage: head.get("accept-language") });
  const t = translator(locale, "checkout");
  return (
    <PlainCheckoutPage locale={locale}>
      <Unavailable title={t(`unavailable.${kind}.title`)}>
        <p>{t(`unavailable.${kind}.notFound`)}</p>
      </Unavailable>
    </PlainCheckoutPage>
  );
}

/**
 * Nothing to pay here, and nothing charged: a link that takes no payment any more (inactive, expired, used up),
 * or a live checkout on an installation with no processor for live mode (the business takes none yet). Says why,
 * and what the buyer can do instead.
 */
export function NotTakingPayments({ cause, merchantName, locale }: { cause: "link" | "business"; merchantName: string; locale: Locale }) {
  const t = translator(locale, "checkout");
  const words = { merchant: merchantName };
  return (
    <Unavailable title={t(`unavailable.${cause}.title`)}>
      <p>{t(`unavailable.${cause}.reason`, words)}</p>
      <p>{t(`unavailable.${cause}.nextStep`, words)}</p>
    </Unavailable>
  );
}
