import { localeSetting } from "@/lib/i18n/locales";
import type { PaymentLinkRow } from "@/db/schema";

/** The payment link as the API contract shows it. */
export function toPaymentLinkObject(row: PaymentLinkRow, appUrl: string) {
  const custom =
    row.amount === null
      ? { minimum: row.customAmountMinimum, maximum: row.customAmountMaximum, preset: row.customAmountPreset }
      : null;
  return {
    id: row.id,
    object: "payment_link" as const,
    livemode: row.livemode,
    merchant: row.merchantId,
    url: checkoutUrl(appUrl, row.token),
    active: row.active,
    name: row.name,
    item_name: row.itemName,
    description: row.description,
    amount: row.amount,
    currency: row.currency,
    custom_amount: custom,
    default_country: row.defaultCountry,
    collect_email: row.collectEmail,
    collect_name: row.collectName,
    payment_methods: row.paymentMethods,
    capture_method: row.captureMethod,
    expires_at: row.expiresAt?.toISOString() ?? null,
    max_payments: row.maxPayments,
    after_completion:
      row.afterCompletionType === "redirect"
        ? { type: "redirect" as const, url: row.afterCompletionUrl ?? "" }
        : { type: "message" as const, message: row.afterCompletionMessage ?? "" },
    status_callback_url: row.statusCallbackUrl,
    locale: localeSetting(row.locale),
    metadata: row.metadata,
    application_fee_amount: row.applicationFeeAmount,
    onerway_id: String(row.onerwayId),
    stats: { visit_count: row.visitCount, pay_count: row.payCount, success_amount: row.successAmount },
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export type PaymentLinkObject = ReturnType<typeof toPaymentLinkObject>;

export function checkoutUrl(appUrl: string, token: string): string {
  return `${appUrl.replace(/\/+$/, "")}/l/${token}`;
}
