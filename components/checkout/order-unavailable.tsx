import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { AutoRefresh } from "./auto-refresh";
import { Unavailable } from "./unavailable";

export type OrderUnavailableReason = "expired" | "canceled" | "voided" | "in_progress" | "link_unavailable";

const DETAILS = {
  expired: "expired",
  canceled: "canceled",
  voided: "voided",
  in_progress: "inProgress",
  link_unavailable: "linkUnavailable",
} as const satisfies Record<OrderUnavailableReason, string>;

/**
 * Why an order takes no payment, in the buyer's words. While a payment is being processed, the order's page
 * (`path`) offers to check again — by hand, or automatically when the buyer asks (`auto`; AutoRefresh).
 */
export function OrderUnavailable({
  reason,
  merchantName,
  locale,
  path,
  auto = false,
}: {
  reason: OrderUnavailableReason;
  merchantName: string;
  locale: Locale;
  path?: string;
  auto?: boolean;
}) {
  const t = translator(locale, "checkout");
  return (
    <Unavailable title={reason === "in_progress" ? t("unavailable.order.inProgressTitle") : t("unavailable.order.title")}>
      <p>{t(`unavailable.order.${DETAILS[reason]}`, { merchant: merchantName })}</p>
      {reason === "in_progress" && path ? <AutoRefresh path={path} auto={auto} seconds={5} locale={locale} /> : null}
    </Unavailable>
  );
}
