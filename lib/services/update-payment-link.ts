import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { lockPaymentLink } from "@/db/queries/payment-links";
import { paymentLinks } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { requireMethodsTake } from "./payment-methods";
import { recordEvent } from "@/lib/events/record-event";
import { mergeMetadata } from "@/lib/links/rules";
import { updatePaymentLinkSchema, type UpdatePaymentLinkInput } from "@/lib/links/schemas";
import { toPaymentLinkObject, type PaymentLinkObject } from "@/lib/links/serialize";
import type { ServiceContext } from "@/lib/core/scope";
import { decideApplicationFee } from "@/lib/orders/application-fee";

/** Updates a link's editable fields (and enables or disables it) with its `payment_link.updated` event. */
export async function updatePaymentLink(
  db: Db,
  ctx: ServiceContext,
  id: string,
  input: UpdatePaymentLinkInput,
): Promise<PaymentLinkObject> {
  const data = updatePaymentLinkSchema.parse(input);
  return db.transaction(async (tx) => {
    // Row lock: concurrent metadata merges must not lose each other's keys.
    const current = await lockPaymentLink(tx, { id, scope: ctx });
    if (!current) throw new AppError("resource_missing", `No such payment link: '${id}'.`, { param: "id" });

    const changes: Partial<typeof paymentLinks.$inferInsert> = {};
    if (data.active !== undefined) changes.active = data.active;
    if (data.name !== undefined) changes.name = data.name;
    if (data.description !== undefined) changes.description = data.description;
    if (data.expires_at !== undefined) changes.expiresAt = data.expires_at ? new Date(data.expires_at) : null;
    if (data.max_payments !== undefined) changes.maxPayments = data.max_payments;
    if (data.payment_methods !== undefined) {
      requireMethodsTake(data.payment_methods, current.currency, current.captureMethod, current.amount);
      changes.paymentMethods = data.payment_methods;
    }
    if (data.status_callback_url !== undefined) changes.statusCallbackUrl = data.status_callback_url;
    if (data.locale !== undefined) changes.locale = data.locale;
    if (data.metadata !== undefined) {
      changes.metadata = mergeMetadata(current.metadata, data.metadata, "link");
    }
    // The price and currency are fixed, so the fee is checked against the link as it is.
    const fee = decideApplicationFee({
      requested: data.application_fee_amount,
      actingPlatformId: ctx.actingPlatformId,
      amount: current.amount,
      customMinimum: current.customAmountMinimum,
      currency: current.currency,
      current: current.applicationFeeAmount,
    });
    if (fee !== undefined) changes.applicationFeeAmount = fee;
    if (data.after_completion !== undefined) {
      const after = data.after_completion;
      changes.afterCompletionType = after.type;
      changes.afterCompletionMessage = after.type === "message" ? after.message : null;
      changes.afterCompletionUrl = after.type === "redirect" ? after.url : null;
    }
    if (Object.keys(changes).length === 0) return toPaymentLinkObject(current, ctx.appUrl);

    const [row] = await tx.update(paymentLinks).set({ ...changes, updatedAt: new Date() }).where(eq(paymentLinks.id, current.id)).returning();
    const object = toPaymentLinkObject(row!, ctx.appUrl);
    await recordEvent(tx, ctx, "payment_link.updated", object);
    return object;
  });
}
