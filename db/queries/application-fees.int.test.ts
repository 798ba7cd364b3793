import { eq } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import { merchants, orders, type OrderRow } from "@/db/schema";
import { newId, newToken } from "@/lib/core/ids";
import { createPaymentLink } from "@/lib/services/create-payment-link";
import { payLink } from "@/lib/services/pay-link";
import { openTestDatabase } from "@/test/db";
import { cardBuyer, newMerchantScope, withNotificationReceiver } from "@/test/payments";
import { applicationFeeTotals } from "./application-fees";

// The platform's application fees per currency (the Connected merchants page): over its connected merchants'
// captured orders in one mode, nobody else's.

const { db } = await openTestDatabase();
const receiver = await withNotificationReceiver(db);
afterAll(() => receiver.close());

async function platform() {
  const scope = await newMerchantScope(db);
  await db.update(merchants).set({ platform: true }).where(eq(merchants.id, scope.merchantId));
  return scope;
}

async function connected(platformId: string, livemode = false) {
  const scope = await newMerchantScope(db);
  await db.update(merchants).set({ platformId, connectedLivemode: livemode }).where(eq(merchants.id, scope.merchantId));
  return { ...scope, livemode };
}

/** An order row in a given state, as the payment services leave it. */
async function order(merchantId: string, fields: Partial<OrderRow> & Pick<OrderRow, "status" | "amount" | "currency">) {
  const captured = ["paid", "partially_refunded", "refunded"].includes(fields.status);
  await db.insert(orders).values({
    id: newId("order"),
    merchantId,
    livemode: false,
    token: newToken(),
    itemName: "Thing",
    paymentMethods: ["card"],
    expiresAt: new Date(Date.now() + 86_400_000),
    amountCaptured: captured ? fields.amount : null,
    ...fields,
  });
}

describe("applicationFeeTotals", () => {
  test("sums the fees of captured orders per currency; refunds keep the fee; nothing else counts", async () => {
    const p = await platform();
    const a = await connected(p.merchantId);
    const b = await connected(p.merchantId);
    // Paid through a link, end to end.
    const link = await createPaymentLink(db, { ...a, appUrl: receiver.paymentContext.appUrl, actingPlatformId: p.merchantId }, {
      item_name: "Tea",
      amount: 2_500,
      currency: "USD",
      default_country: "US",
      application_fee_amount: 300,
    });
    expect((await payLink(db, receiver.paymentContext, link.url.split("/l/")[1]!, cardBuyer())).kind).toBe("paid");

    await order(a.merchantId, { status: "partially_refunded", amount: 1_000, currency: "USD", applicationFeeAmount: 100, amountRefunded: 400 });
    await order(a.merchantId, { status: "refunded", amount: 1_000, currency: "USD", applicationFeeAmount: 50, amountRefunded: 1_000 });
    await order(b.merchantId, { status: "paid", amount: 9_000, currency: "EUR", applicationFeeAmount: 900 });
    await order(b.merchantId, { status: "paid", amount: 500, currency: "JPY", applicationFeeAmount: 25 });
    // Not captured, or no fee: not counted.
    for (const status of ["open", "processing", "authorized", "voided", "canceled", "expired"] as const) {
      await order(a.merchantId, { status, amount: 1_000, currency: "USD", applicationFeeAmount: 999 });
    }
    await order(a.merchantId, { status: "paid", amount: 1_000, currency: "USD", applicationFeeAmount: null });

    expect(await applicationFeeTotals(db, { platformId: p.merchantId, livemode: false })).toEqual([
      { currency: "EUR", amount: 900, count: 1 },
      { currency: "JPY", amount: 25, count: 1 },
      { currency: "USD", amount: 450, count: 3 },
    ]);
  });

  test("a partial capture below the fee earns what was captured", async () => {
    const p = await platform();
    const a = await connected(p.merchantId);
    await order(a.merchantId, { status: "paid", captureMethod: "manual", amount: 1_000, amountCaptured: 200, currency: "USD", applicationFeeAmount: 300 });
    await order(a.merchantId, { status: "paid", captureMethod: "manual", amount: 1_000, amountCaptured: 600, currency: "USD", applicationFeeAmount: 300 });
    expect(await applicationFeeTotals(db, { platformId: p.merchantId, livemode: false })).toEqual([{ currency: "USD", amount: 500, count: 2 }]);
  });

  test("only this platform's merchants, in this mode: not another platform's, not its own, not an ordinary merchant's", async () => {
    const p = await platform();
    const other = await platform();
    const mine = await connected(p.merchantId);
    const theirs = await connected(other.merchantId);
    const liveOne = await connected(p.merchantId, true);
    const ordinary = await newMerchantScope(db);
    await order(mine.merchantId, { status: "paid", amount: 1_000, currency: "USD", applicationFeeAmount: 10 });
    await order(theirs.merchantId, { status: "paid", amount: 1_000, currency: "USD", applicationFeeAmount: 20 });
    await order(liveOne.merchantId, { status: "paid", livemode: true, amount: 1_000, currency: "USD", applicationFeeAmount: 40 });
    await order(p.merchantId, { status: "paid", amount: 1_000, currency: "USD", applicationFeeAmount: 80 });
    await order(ordinary.merchantId, { status: "paid", amount: 1_000, currency: "USD", applicationFeeAmount: 160 });

    expect(await applicationFeeTotals(db, { platformId: p.merchantId, livemode: false })).toEqual([{ currency: "USD", amount: 10, count: 1 }]);
    expect(await applicationFeeTotals(db, { platformId: p.merchantId, livemode: true })).toEqual([{ currency: "USD", amount: 40, count: 1 }]);
    expect(await applicationFeeTotals(db, { platformId: other.merchantId, livemode: false })).toEqual([{ currency: "USD", amount: 20, count: 1 }]);
    expect(await applicationFeeTotals(db, { platformId: ordinary.merchantId, livemode: false })).toEqual([]);
  });
});
