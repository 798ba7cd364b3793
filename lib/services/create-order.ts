import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { inTransaction } from "@/db/in-transaction";
import { merchants, orders } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { recordEvent } from "@/lib/events/record-event";
import { newId, newToken } from "@/lib/core/ids";
import { createOrderSchema, type CreateOrderInput } from "@/lib/orders/schemas";
import { toOrderObject, type OrderObject } from "@/lib/orders/serialize";
import { isUniqueViolation } from "@/lib/core/pg-errors";
import { requireConnectorsFor, type PaymentContext } from "./payment-context";
import type { ServiceContext } from "@/lib/core/scope";
import { decideApplicationFee } from "@/lib/orders/application-fee";
import { requireMethodsTake } from "./payment-methods";

/**
 * A one-off order created over the API, payable at its own checkout URL; writes `order.created`. In a mode
 * with no processor to take its payment (live, until one is configured), or none for one of its methods, nothing
 * is made: 409 livemode_unavailable.
 */
export async function createOrder(db: Db, ctx: ServiceContext & PaymentContext, input: CreateOrderInput): Promise<OrderObject> {
  const data = createOrderSchema.parse(input);
  const methods = data.payment_methods ?? ["card"];
  requireMethodsTake(methods, data.currency, data.capture_method, data.amount);
  const applicationFeeAmount = decideApplicationFee({
    requested: data.application_fee_amount,
    actingPlatformId: ctx.actingPlatformId,
    amount: data.amount,
    currency: data.currency,
  });
  requireConnectorsFor(ctx.processors, ctx.livemode, methods);
  try {
    return await inTransaction(db, async (tx) => {
      const [row] = await tx
        .insert(orders)
        .values({
          id: newId("order"),
          merchantId: ctx.merchantId,
          livemode: ctx.livemode,
          token: newToken(),
          reference: data.reference ?? null,
          amount: data.amount,
          currency: data.currency,
          itemName: data.item_name,
          description: data.description ?? null,
          customerEmail: data.customer?.email ?? null,
          customerName: data.customer?.name ?? null,
          // Omitted: the merchant's country pre-fills the checkout (read in the insert itself, not a round trip of
          // its own). Sent as null: the client says it is unknown.
          customerCountry:
            data.customer?.country === undefined ? sql`(select ${merchants.country} from ${merchants} where ${merchants.id} = ${ctx.merchantId})` : data.customer.country,
          paymentMethods: methods,
          captureMethod: data.capture_method ?? "automatic",
          successUrl: data.success_url ?? null,
          cancelUrl: data.cancel_url ?? null,
          statusCallbackUrl: data.status_callback_url ?? null,
          metadata: data.metadata ?? {},
          locale: data.locale ?? "auto",
          applicationFeeAmount: applicationFeeAmount ?? null,
          expiresAt: data.expires_at ? new Date(data.expires_at) : new Date(Date.now() + ctx.orderTtlHours * 3_600_000),
        })
        .returning();
      const object = toOrderObject(row!, null, ctx.appUrl);
      await recordEvent(tx, ctx, "order.created", object);
      return object;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("resource_conflict", `An order with reference '${data.reference}' already exists.`, { param: "reference" });
    }
    throw error;
  }
}
