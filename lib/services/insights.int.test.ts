import { eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import { orders, paymentLinks } from "@/db/schema";
import { openPrivateTestDatabase } from "@/test/db";
import { cardBuyer, newMerchantScope, withNotificationReceiver } from "@/test/payments";
import type { MerchantScope } from "@/lib/core/scope";
import { createOrder } from "./create-order";
import { createPaymentLink } from "./create-payment-link";
import { getInsights, insightDays } from "./insights";
import { payLink } from "./pay-link";
import { payOrder } from "./pay-order";
import { refundOrder } from "./refund-order";
import { settleOrders } from "./settle-orders";
import { submitRefunds } from "./submit-refunds";
import { voidOrder } from "./void-order";

// A database of its own: the refund below goes through the refunds sweep, which takes every pending refund of
// the database, and must not take another file's.
const { db } = await openPrivateTestDatabase("paylink_insights");
const receiver = await withNotificationReceiver(db);
const paymentContext = receiver.paymentContext;
afterAll(() => receiver.close());

const DAY = 86_400_000;

async function link(scope: MerchantScope, input: { name: string; amount: number; currency: string }) {
  const created = await createPaymentLink(db, { ...scope, ...paymentContext }, { name: input.name, item_name: input.name, amount: input.amount, currency: input.currency, default_country: "US", payment_methods: ["card"] });
  const [row] = await db.select().from(paymentLinks).where(eq(paymentLinks.id, created.id));
  return row!;
}

async function pay(token: string) {
  const outcome = await payLink(db, paymentContext, token, cardBuyer());
  expect(outcome.kind).toBe("paid");
  return outcome.order.id;
}

/**
 * Paying stamps paid_at with the clock, and a test cannot wait for tomorrow: the orders are paid for real, then
 * their paid_at is moved to the day the test needs (the days are what is tested, not the payment).
 */
async function paidAt(ids: string[], at: Date) {
  await db.update(orders).set({ paidAt: at }).where(inArray(orders.id, ids));
}

describe("dashboard insights", () => {
  test("payments and volume per UTC day and currency, never across currencies, in the merchant's scope only", async () => {
    const scope = await newMerchantScope(db);
    const live = { ...scope, livemode: true };
    const other = await newMerchantScope(db);
    const coffee = await link(scope, { name: "Coffee", amount: 2_500, currency: "USD" });
    const matcha = await link(scope, { name: "Matcha", amount: 1_500, currency: "JPY" });
    const liveCoffee = await link(live, { name: "Live coffee", amount: 9_900, currency: "USD" });
    const otherCoffee = await link(other, { name: "Other coffee", amount: 7_700, currency: "USD" });

    const usd = [await pay(coffee.token), await pay(coffee.token), await pay(coffee.token), await pay(coffee.token)];
    const jpy = [await pay(matcha.token), await pay(matcha.token)];
    // An order made over the API (no link), paid: in the days' figures, not among the top links.
    const invoice = await createOrder(db, { ...scope, ...paymentContext }, { amount: 1_000, currency: "USD", item_name: "Invoice" });
    expect((await payOrder(db, paymentContext, invoice.url.split("/o/")[1]!, cardBuyer())).kind).toBe("paid");
    // Another mode and another merchant: in none of the figures.
    const liveOrder = await pay(liveCoffee.token);
    const otherOrder = await pay(otherCoffee.token);
    // An order started and never paid: created in the window, not paid.
    await createOrder(db, { ...scope, ...paymentContext }, { amount: 500, currency: "USD", item_name: "Unpaid" });

    const now = new Date();
    const [yesterday, today] = insightDays(now).slice(-2).map((d) => Date.parse(`${d}T00:00:00.000Z`));
    await paidAt([usd[0]!, usd[1]!, jpy[0]!, invoice.id, liveOrder, otherOrder], new Date(today! + 1_000));
    await paidAt([usd[2]!, jpy[1]!], new Date(yesterday! + 23 * 3_600_000 + 59 * 60_000));
    // 30 days before today's start: one day before the window's first day, so outside it.
    await paidAt([usd[3]!], new Date(today! - 30 * DAY + 1_000));

    // One USD payment voided (before settlement), one refunded in part after settling.
    await voidOrder(db, { ...scope, ...paymentContext }, usd[1]!);
    await settleOrders(db, paymentContext, scope);
    await refundOrder(db, { ...scope, ...paymentContext }, usd[0]!, { amount: 1_000 });
    await submitRefunds(db, paymentContext);
    await receiver.sweep();

    const insights = await getInsights(db, scope, { now });
    expect(insights.from).toBe(new Date(today! - 29 * DAY).toISOString().slice(0, 10));
    expect(insights.to).toBe(new Date(today!).toISOString().slice(0, 10));
    expect(insights.currencies.map((c) => c.currency)).toEqual(["JPY", "USD"]);
    const [yen, dollars] = insights.currencies;
    for (const c of insights.currencies) {
      expect(c.days).toHaveLength(30);
      expect(c.days.map((d) => d.date)).toEqual(insightDays(now));
    }
    const last2 = (c: typeof yen) => c!.days.slice(-2).map(({ count, volume }) => ({ count, volume }));
    expect(last2(dollars)).toEqual([
      { count: 1, volume: 2_500 },
      { count: 3, volume: 2 * 2_500 + 1_000 },
    ]);
    expect(last2(yen)).toEqual([
      { count: 1, volume: 1_500 },
      { count: 1, volume: 1_500 },
    ]);
    // Every other day is there, at zero.
    expect(dollars!.days.slice(0, -2).every((d) => d.count === 0 && d.volume === 0)).toBe(true);
    expect(dollars).toMatchObject({ count: 4, volume: 8_500, refunded: 1_000, voided: 2_500 });
    expect(yen).toMatchObject({ count: 2, volume: 3_000, refunded: 0, voided: 0 });

    // Orders created in the window: 4 + 2 + invoice + unpaid = 8 (the one paid 30 days back was created today);
    // paid: all but the unpaid one.
    expect(insights.conversion).toEqual({ created: 8, paid: 7 });

    // Top links by payments in the window, each in its own currency; all-time views beside them.
    expect(insights.topLinks).toEqual([
      { id: coffee.id, name: "Coffee", currency: "USD", count: 3, volume: 7_500, allTimeVisits: 0 },
      { id: matcha.id, name: "Matcha", currency: "JPY", count: 2, volume: 3_000, allTimeVisits: 0 },
    ]);

    // The other mode and the other merchant see their own payment alone.
    expect((await getInsights(db, live, { now })).currencies).toMatchObject([{ currency: "USD", count: 1, volume: 9_900 }]);
    expect((await getInsights(db, other, { now })).topLinks).toMatchObject([{ id: otherCoffee.id, count: 1, volume: 7_700 }]);
  });

  test("a merchant with nothing paid gets the empty window, not an error", async () => {
    const scope = await newMerchantScope(db);
    const insights = await getInsights(db, scope, { now: new Date("2026-03-01T12:00:00Z") });
    expect(insights).toEqual({ from: "2026-01-31", to: "2026-03-01", currencies: [], conversion: { created: 0, paid: 0 }, topLinks: [] });
  });
});

describe("insightDays", () => {
  test("30 UTC days ending with the given day, across a month's end", () => {
    const days = insightDays(new Date("2026-03-01T23:59:59.999Z"));
    expect(days).toHaveLength(30);
    expect([days[0], days[28], days[29]]).toEqual(["2026-01-31", "2026-02-28", "2026-03-01"]);
  });
});
