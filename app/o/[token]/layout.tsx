import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { CheckoutDocument } from "@/components/checkout/checkout-document";
import { isCheckoutToken } from "@/lib/checkout/steps";
import { documentLocale } from "@/lib/http/checkout/locale";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import "../../globals.css";

export const metadata: Metadata = { title: { default: "Paylink", template: "%s · Paylink" } };

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// The root layout of /o/{token}/…: a checkout is its own document, so `<html lang dir>` can speak the
// buyer's language (the rest of the site has app/(site)/layout.tsx). Rendered per request (it reads cookies).
export default async function OrderCheckoutLayout({ children, params }: { children: React.ReactNode; params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const locale = isCheckoutToken(token) ? await documentLocale("order", token) : DEFAULT_LOCALE;
  return <CheckoutDocument locale={locale}>{children}</CheckoutDocument>;
}
