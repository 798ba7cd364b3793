import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { events, orders, paymentLinks } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { newToken } from "@/lib/core/ids";
import { createOrder } from "@/lib/services/create-order";
import { createPaymentLink } from "@/lib/services/create-payment-link";
import { reserveLinkPayment } from "@/lib/services/pay-link";
import { reserveOrderPaymentOrExpire } from "@/lib/services/pay-order";
import { openTestDatabase } from "@/test/db";
import { cardBuyer, newMerchantScope, simulatorContext } from "@/test/payments";
import { oncePerSubmission } from "./once-per-submission";

// One pay-form submission, one outcome, stored for its twins — including a refusal, which rolls back what the
// reservation wrote before it (no savepoint is taken for that: the whole transaction goes).

const { db } = await openTestDatabase();
const paymentContext = simulatorContext(db);

async function setup() {
  const scope = await newMerchantScope(db);
  const ctx = { ...scope, ...paymentContext };
  const link = await createPaymentLink(db, ctx, { item_name: "Tea", amount: 1200, currency: "USD", default_country: "US" });
  const [row] = await db.select().from(paymentLinks).where(eq(paymentLinks.id, link.id));
  return { scope, ctx, link: row! };
}

describe("oncePerSubmission", () => {
  test("a refusal thrown after the order was written leaves no order, and the twin gets the same refusal without running", async () => {
    const { link } = await setup();
    const submission = newToken();
    let runs = 0;
    // Wallets are not among the link's methods: the attempt is refused after its order was inserted.
    const reserve = (tx: typeof db) => {
      runs += 1;
      return reserveLinkPayment(tx, paymentContext, link.token, { ...cardBuyer(), method: "alipay", card: undefined });
    };
    const first = await oncePerSubmission(db, link, submission, `/l/${link.token}/pay`, reserve);
    expect(first).toMatchObject({ replayed: false, refusal: { code: "parameter_invalid", param: "method" } });
    expect("refusal" in first && first.refusal).toBeInstanceOf(AppError);
    expect(await db.select().from(orders).where(eq(orders.paymentLinkId, link.id))).toEqual([]);

    const twin = await oncePerSubmission(db, link, submission, `/l/${link.token}/pay`, reserve);
    expect(twin).toMatchObject({ replayed: true, refusal: { code: "parameter_invalid", param: "method" } });
    expect(runs).toBe(1);
  });

  test("an accepted reservation commits once; its twin gets the same ids", async () => {
    const { link } = await setup();
    const submission = newToken();
    const reserve = async (tx: typeof db) => {
      const written = await reserveLinkPayment(tx, paymentContext, link.token, cardBuyer());
      return { orderId: written.orderId };
    };
    const [a, b] = await Promise.all([
      oncePerSubmission(db, link, submission, `/l/${link.token}/pay`, reserve),
      oncePerSubmission(db, link, submission, `/l/${link.token}/pay`, reserve),
    ]);
    expect("value" in a && "value" in b && a.value).toEqual("value" in b && b.value);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(await db.select({ id: orders.id }).from(orders).where(eq(orders.paymentLinkId, link.id))).toHaveLength(1);
  });

  test("an order found expired is expired, with its event, and the refusal stored beside it", async () => {
    const { scope, ctx } = await setup();
    const order = await createOrder(db, ctx, { amount: 500, currency: "USD", item_name: "Late" });
    await db.update(orders).set({ expiresAt: new Date(Date.now() - 60_000) }).where(eq(orders.id, order.id));
    const token = new URL(order.url).pathname.split("/").pop()!;
    const submission = newToken();
    const run = async (tx: typeof db) => {
      const reserved = await reserveOrderPaymentOrExpire(tx, paymentContext, token, cardBuyer());
      return reserved instanceof AppError ? { refused: reserved.code } : { refused: null };
    };
    const first = await oncePerSubmission(db, scope, submission, `/o/${token}/pay`, run);
    expect(first).toEqual({ value: { refused: "order_not_payable" }, replayed: false });
    const [row] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, order.id));
    expect(row!.status).toBe("expired");
    const expired = await db.select().from(events).where(and(eq(events.objectId, order.id), eq(events.type, "order.expired")));
    expect(expired).toHaveLength(1);
    expect(await oncePerSubmission(db, scope, submission, `/o/${token}/pay`, run)).toEqual({ value: { refused: "order_not_payable" }, replayed: true });
  });

  test("without a submission key the reservation runs on its own, and a refusal comes back as one", async () => {
    const { link } = await setup();
    const outcome = await oncePerSubmission(db, link, null, `/l/${link.token}/pay`, (tx) =>
      reserveLinkPayment(tx, paymentContext, link.token, { ...cardBuyer(), method: "alipay", card: undefined }),
    );
    expect(outcome).toMatchObject({ replayed: false, refusal: { code: "parameter_invalid" } });
    expect(await db.select().from(orders).where(eq(orders.paymentLinkId, link.id))).toEqual([]);
  });
});
