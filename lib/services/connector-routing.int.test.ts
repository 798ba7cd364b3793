import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { orders, paymentLinks, payments } from "@/db/schema";
import { routedProcessors, type RoutingTable } from "@/lib/processor";
import type { PaymentConnector } from "@/lib/processor/connector";
import { SIMULATOR } from "@/lib/processor/simulated";
import { openPrivateTestDatabase } from "@/test/db";
import { cardBuyer, newMerchantScope, simulatorContext } from "@/test/payments";
import { captureOrder } from "./capture-order";
import { createOrder } from "./create-order";
import { createPaymentLink } from "./create-payment-link";
import { payLink } from "./pay-link";
import { payOrder } from "./pay-order";
import type { PaymentContext } from "./payment-context";
import { refundOrder } from "./refund-order";
import { sendProcessorVoid } from "./send-processor-void";
import { settleOrders } from "./settle-orders";
import { submitRefunds } from "./submit-refunds";
import { voidOrder } from "./void-order";

// The connector is chosen for each payment by its mode AND its method, through the routing table, and recorded
// on the attempt (`payment.processor`); capture, void and refund go to the recorded one, whatever the table
// says by then. On a database of its own: submitRefunds sends every pending refund of the database.

const database = await openPrivateTestDatabase("paylink_routing");
const db = database.db;
const simulator = simulatorContext(db).processors.named(SIMULATOR);

/** A second processor: the simulator's books and answers under another name, counting what reaches it. */
const calls: Record<"authorize" | "capture" | "void" | "refund", string[]> = { authorize: [], capture: [], void: [], refund: [] };
const acquirer: PaymentConnector = {
  ...simulator,
  name: "acquirer",
  authorize: (request) => (calls.authorize.push(request.paymentId), simulator.authorize(request)),
  capture: (reference, amount, paymentId) => (calls.capture.push(paymentId), simulator.capture(reference, amount, paymentId)),
  void: (reference) => (calls.void.push(reference), simulator.void(reference)),
  refund: (reference, amount, refundId) => (calls.refund.push(refundId), simulator.refund(reference, amount, refundId)),
};

function contextWith(table: RoutingTable): PaymentContext {
  return { ...simulatorContext(db), processors: routedProcessors([simulator, acquirer], table) };
}

// Test mode: cards go to the acquirer, every other method to the simulator. Live mode: only Alipay, on the simulator.
const routing = contextWith({ test: { other: SIMULATOR, methods: { card: "acquirer" } }, live: { other: null, methods: { alipay: SIMULATOR } } });
// The table changed later (cards moved back to the simulator): payments already made keep their connector.
const rerouted = contextWith({ test: { other: SIMULATOR }, live: { other: null } });

async function paymentOf(id: string) {
  const [row] = await db.select().from(payments).where(eq(payments.id, id));
  return row!;
}

async function orderFor(ctx: Awaited<ReturnType<typeof newMerchantScope>> & PaymentContext, input: { capture_method?: "manual"; payment_methods?: ("card" | "bank_transfer" | "alipay")[] } = {}) {
  const created = await createOrder(db, ctx, { amount: 5_000, currency: "USD", item_name: "Room", ...input });
  return { id: created.id, token: created.url.split("/o/")[1]! };
}

describe("the routing table chooses by mode and method", () => {
  test("a card payment goes to the connector routed for cards and is recorded on it; a bank transfer of the same mode does not", async () => {
    const scope = await newMerchantScope(db);
    const ctx = { ...scope, ...routing };
    const byCard = await orderFor(ctx, { payment_methods: ["card", "bank_transfer"] });
    const paid = await payOrder(db, routing, byCard.token, cardBuyer());
    expect(paid.kind).toBe("paid");
    expect(await paymentOf(paid.payment.id)).toMatchObject({ method: "card", processor: "acquirer" });
    expect(calls.authorize).toContain(paid.payment.id);

    const byTransfer = await orderFor(ctx, { payment_methods: ["card", "bank_transfer"] });
    const pending = await payOrder(db, routing, byTransfer.token, { method: "bank_transfer", email: "buyer@example.com", name: "Ana Buyer" });
    expect(pending.kind).toBe("pending");
    expect(await paymentOf(pending.payment.id)).toMatchObject({ method: "bank_transfer", processor: SIMULATOR });
    expect(calls.authorize).not.toContain(pending.payment.id);
  });

  test("capture, void and refund go to the connector recorded on the payment, not to today's choice", async () => {
    const scope = await newMerchantScope(db);
    const ctx = { ...scope, ...rerouted };
    // Authorized while cards went to the acquirer; captured after they were moved back to the simulator.
    const held = await orderFor({ ...scope, ...routing }, { capture_method: "manual" });
    const authorized = await payOrder(db, routing, held.token, cardBuyer());
    expect(authorized.kind).toBe("authorized");
    expect(await captureOrder(db, ctx, held.id, {})).toMatchObject({ status: "paid", amount_captured: 5_000 });
    expect(calls.capture).toEqual([authorized.payment.id]);

    await settleOrders(db, rerouted, scope);
    const refund = await refundOrder(db, ctx, held.id, { amount: 1_000 });
    expect(await submitRefunds(db, rerouted)).toBe(1);
    expect(calls.refund).toEqual([refund.id]);

    const voided = await orderFor({ ...scope, ...routing });
    const paid = await payOrder(db, routing, voided.token, cardBuyer());
    await voidOrder(db, ctx, voided.id);
    expect(await sendProcessorVoid(db, rerouted, scope, paid.payment.id)).toBe(true);
    expect(calls.void).toEqual([(await paymentOf(paid.payment.id)).processorReference]);

    // And a new card payment now goes to the simulator.
    const later = await orderFor(ctx);
    const now = await payOrder(db, rerouted, later.token, cardBuyer());
    expect(await paymentOf(now.payment.id)).toMatchObject({ processor: SIMULATOR });
  });

  test("a live payment of a method no live connector offers is refused with livemode_unavailable; one it offers is taken", async () => {
    const scope = { ...(await newMerchantScope(db)), livemode: true };
    const ctx = { ...scope, ...routing };
    await expect(orderFor(ctx, { payment_methods: ["alipay", "card"] })).rejects.toMatchObject({ code: "livemode_unavailable", status: 409, param: "payment_methods" });
    const alipay = await orderFor(ctx, { payment_methods: ["alipay"] });
    const outcome = await payOrder(db, routing, alipay.token, { method: "alipay", email: "buyer@example.com", name: "Ana Buyer" });
    expect(outcome.kind).toBe("requires_action");
    expect(await paymentOf(outcome.payment.id)).toMatchObject({ livemode: true, processor: SIMULATOR });

    // A live link offering cards: a card payment is refused before any order is made.
    const link = await createPaymentLink(db, ctx, { item_name: "Tea", amount: 1_200, currency: "USD", default_country: "US", payment_methods: ["card", "alipay"] });
    const [row] = await db.select().from(paymentLinks).where(eq(paymentLinks.id, link.id));
    await expect(payLink(db, routing, row!.token, cardBuyer())).rejects.toMatchObject({ code: "livemode_unavailable", param: "method", message: expect.stringContaining("Card") });
    expect(await db.select().from(orders).where(eq(orders.paymentLinkId, link.id))).toEqual([]);
    expect((await payLink(db, routing, row!.token, { method: "alipay", email: "buyer@example.com", name: "Ana Buyer" })).kind).toBe("requires_action");
  });

  test("a mode with no connector at all keeps its old refusal", async () => {
    const scope = { ...(await newMerchantScope(db)), livemode: true };
    await expect(orderFor({ ...scope, ...rerouted })).rejects.toMatchObject({ code: "livemode_unavailable", param: null, message: expect.stringContaining("not accepting payments yet") });
  });
});
