import type { CSSProperties, ReactNode } from "react";
import { brandColorOrDefault, readableTextOn } from "@/lib/checkout/contrast";
import type { MerchantBrand } from "@/db/queries/checkout";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { checkoutFormActionPolicy } from "@/lib/http/security-headers";
import { liveModeStatus } from "@/lib/processor";
import { LanguageSwitcher } from "./language-switcher";

/**
 * The frame of every checkout page: the merchant's band in its brand colour (with text that keeps AA
 * contrast on it), the test-mode badge, and a narrow, phone-first column. The brand colour is a CSS custom
 * property, so buttons further down can use it too. `redirectUrl` is where a form on the page may end up
 * after paying (the merchant's page): the page's own policy narrows form-action to that origin and this site.
 */
export function CheckoutPage({
  merchant,
  livemode,
  locale,
  here,
  redirectUrl = null,
  children,
}: {
  merchant: MerchantBrand;
  livemode: boolean;
  locale: Locale;
  /** This page's path (and query) on its checkout, /l/{token}… or /o/{token}…: the language switcher returns here. */
  here: string;
  redirectUrl?: string | null;
  children: ReactNode;
}) {
  const t = translator(locale, "checkout");
  const brand = brandColorOrDefault(merchant.brandColor);
  const style = { "--brand": brand, "--brand-text": readableTextOn(brand) } as CSSProperties;
  return (
    <div style={style} className="flex min-h-dvh flex-col bg-slate-50">
      {/* React places this in <head>: it adds to the header's policy, and the stricter form-action applies. */}
      <meta httpEquiv="Content-Security-Policy" content={checkoutFormActionPolicy(redirectUrl)} />
      <header className="bg-(--brand) text-(--brand-text)">
        <div className="mx-auto flex max-w-md items-center gap-3 px-4 py-4">
          {merchant.logoUrl ? (
            // A plain <img>: merchants' logos live on their own hosts, which next/image would have to allow-list.
            // eslint-disable-next-line @next/next/no-img-element
            <img
              src={merchant.logoUrl}
              alt={t("page.logoAlt", { merchant: merchant.name })}
              width={40}
              height={40}
              referrerPolicy="no-referrer"
              className="size-10 shrink-0 rounded-md bg-white object-contain"
            />
          ) : null}
          <p className="min-w-0 truncate text-lg font-semibold">{merchant.name}</p>
          {livemode ? null : (
            <span className="ms-auto shrink-0 rounded-full bg-amber-100 px-2.5 py-1 text-xs font-semibold text-amber-950 ring-1 ring-amber-300">
              {t("page.testMode")}
            </span>
          )}
        </div>
      </header>
      <main className="mx-auto w-full max-w-md flex-1 space-y-6 px-4 py-6">
        {livemode && liveModeStatus() === "simulated" ? (
          <p className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
            {t("page.simulatedProcessor")}
          </p>
        ) : null}
        {children}
      </main>
      <footer className="space-y-3 px-4 pb-6 text-center text-xs text-slate-600">
        <LanguageSwitcher action={`${checkoutHome(here)}/language`} returnTo={here} locale={locale} />
        <p>{t("page.secureCheckout")}</p>
      </footer>
    </div>
  );
}

/** /l/{token} or /o/{token}: the checkout a page of it belongs to. */
function checkoutHome(here: string): string {
  return /^\/[lo]\/[^/?]+/.exec(here)?.[0] ?? here;
}

/** A 404 or broken page, for when there is no merchant to brand it with. */
export function PlainCheckoutPage({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col bg-slate-50">
      <main className="mx-auto w-full max-w-md flex-1 space-y-6 px-4 py-10">{children}</main>
      <footer className="px-4 pb-6 text-center text-xs text-slate-600">{translator(locale, "checkout")("page.secureCheckout")}</footer>
    </div>
  );
}
