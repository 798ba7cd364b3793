import { insertReturning } from "@/db/built-once";
import type { Db } from "@/db/client";
import { inTransaction } from "@/db/in-transaction";
import { merchants, paymentLinks } from "@/db/schema";
import { eq } from "drizzle-orm";
import { recordEvent } from "@/lib/events/record-event";
import { newId, newToken } from "@/lib/core/ids";
import { createPaymentLinkSchema, type CreatePaymentLinkInput } from "@/lib/links/schemas";
import { toPaymentLinkObject, type PaymentLinkObject } from "@/lib/links/serialize";
import type { ServiceContext } from "@/lib/core/scope";
import { decideApplicationFee } from "@/lib/orders/application-fee";
import { requireMethodsTake } from "./payment-methods";

import { DEFAULT_AFTER_PAYMENT_MESSAGE as DEFAULT_MESSAGE } from "@/lib/links/rules";

// Built once (db/built-once.ts): every create runs it.
const insertLink = insertReturning("insert_payment_link", paymentLinks, [
  "id", "merchantId", "livemode", "token", "name", "itemName", "description", "amount", "currency",
  "customAmountMinimum", "customAmountMaximum", "customAmountPreset", "defaultCountry", "collectEmail", "collectName",
  "paymentMethods", "captureMethod", "expiresAt", "maxPayments", "afterCompletionType", "afterCompletionMessage",
  "afterCompletionUrl", "statusCallbackUrl", "metadata", "locale", "applicationFeeAmount",
]);

/** Creates a payment link and its `payment_link.created` event in one transaction. */
export async function createPaymentLink(db: Db, ctx: ServiceContext, input: CreatePaymentLinkInput): Promise<PaymentLinkObject> {
  const data = createPaymentLinkSchema.parse(input);
  return inTransaction(db, async (tx) => {
    // No currency given: the merchant's default, as the dashboard pre-selects it.
    const currency: string =
      data.currency ??
      (await tx.select({ c: merchants.defaultCurrency }).from(merchants).where(eq(merchants.id, ctx.merchantId)))[0]!.c;
    requireMethodsTake(data.payment_methods ?? ["card"], currency, data.capture_method, data.amount ?? null);
    const applicationFeeAmount = decideApplicationFee({
      requested: data.application_fee_amount,
      actingPlatformId: ctx.actingPlatformId,
      amount: data.amount ?? null,
      customMinimum: data.custom_amount?.minimum ?? null,
      currency,
    });
    const after = data.after_completion ?? { type: "message" as const, message: DEFAULT_MESSAGE };
    const [row] = await insertLink(tx).execute({
      id: newId("paymentLink"),
      merchantId: ctx.merchantId,
      livemode: ctx.livemode,
      token: newToken(),
      name: data.name ?? data.item_name,
      itemName: data.item_name,
      description: data.description ?? null,
      amount: data.amount ?? null,
      currency,
      customAmountMinimum: data.custom_amount?.minimum ?? null,
      customAmountMaximum: data.custom_amount?.maximum ?? null,
      customAmountPreset: data.custom_amount?.preset ?? null,
      defaultCountry: data.default_country,
      collectEmail: data.collect_email ?? true,
      collectName: data.collect_name ?? true,
      paymentMethods: data.payment_methods ?? ["card"],
      captureMethod: data.capture_method ?? "automatic",
      expiresAt: data.expires_at ? new Date(data.expires_at) : null,
      maxPayments: data.max_payments ?? null,
      afterCompletionType: after.type,
      afterCompletionMessage: after.type === "message" ? after.message : null,
      afterCompletionUrl: after.type === "redirect" ? after.url : null,
      statusCallbackUrl: data.status_callback_url ?? null,
      metadata: data.metadata ?? {},
      locale: data.locale ?? "auto",
      applicationFeeAmount: applicationFeeAmount ?? null,
    });
    const object = toPaymentLinkObject(row!, ctx.appUrl);
    await recordEvent(tx, ctx, "payment_link.created", object);
    return object;
  });
}
