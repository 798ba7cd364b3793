import { eq, sql } from "drizzle-orm";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getDb } from "@/db";
import { builtOnce } from "@/db/built-once";
import { orders, paymentLinks } from "@/db/schema";
import { configuredLocale, resolveLocale, type Locale } from "@/lib/i18n/locales";

// Which language a checkout page speaks (lib/i18n/locales.ts decides; this reads the request for it). The
// buyer's pick from the switcher lives in a cookie scoped to that one checkout's path, so choosing Japanese on
// one merchant's link does not change another's.

export const LOCALE_COOKIE = "paylink_locale";
/** A buyer may come back to a link or an order for days (an invoice's due date): a year, like a preference. */
const LOCALE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

export type CheckoutKind = "link" | "order";

export function checkoutPath(kind: CheckoutKind, token: string): string {
  return `/${kind === "link" ? "l" : "o"}/${token}`;
}

/** The Set-Cookie value that remembers `locale` for the checkout at `path`. */
export function setLocaleCookie(path: string, locale: Locale, secure: boolean): string {
  return `${LOCALE_COOKIE}=${locale}; Path=${path}; Max-Age=${LOCALE_MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

// Built once (db/built-once.ts): every checkout view asks, and building a SELECT costs more
// of the app's time than the database takes to answer it.
const linkLocale = builtOnce((db) =>
  db.select({ locale: paymentLinks.locale }).from(paymentLinks).where(eq(paymentLinks.token, sql.placeholder("token"))).limit(1).prepare("link_locale"),
);
const orderLocale = builtOnce((db) =>
  db
    .select({ locale: orders.locale, buyerLocale: orders.buyerLocale })
    .from(orders)
    .where(eq(orders.token, sql.placeholder("token")))
    .limit(1)
    .prepare("order_locale"),
);

async function storedLocale(kind: CheckoutKind, token: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await (kind === "link" ? linkLocale(db) : orderLocale(db)).execute({ token });
  return row ? configuredLocale(row) : null;
}

async function localeOf(configured: string | null): Promise<Locale> {
  const [store, head] = await Promise.all([cookies(), headers()]);
  return resolveLocale({ chosen: store.get(LOCALE_COOKIE)?.value, configured, acceptLanguage: head.get("accept-language") });
}

/**
 * The buyer's language in a route handler (the pay post, a PDF) for a link or order it has already loaded: the
 * same rule as checkoutLocale, read from the request itself, without asking the database again.
 */
export function requestLocale(request: Request, configured: string | null): Locale {
  const chosen = /(?:^|;\s*)paylink_locale=([^;]*)/.exec(request.headers.get("cookie") ?? "")?.[1];
  return resolveLocale({ chosen, configured, acceptLanguage: request.headers.get("accept-language") });
}

/**
 * The language of the checkout at /l/{token} or /o/{token} for this request (a page, or a route handler: the pay
 * post, a PDF). Cached per render, so the root layout (`<html lang dir>`) and the page ask the database once.
 */
export const checkoutLocale = cache(async (kind: CheckoutKind, token: string): Promise<Locale> => localeOf(await storedLocale(kind, token)));

/**
 * For the root layout and the page's metadata, which no error boundary of the checkout covers: never throws.
 * When the database cannot answer (restarting), the buyer's pick and browser decide, and the page's own call
 * fails into its error boundary (error.tsx), which then speaks that language.
 */
export async function documentLocale(kind: CheckoutKind, token: string): Promise<Locale> {
  return checkoutLocale(kind, token).catch(() => localeOf(null));
}
