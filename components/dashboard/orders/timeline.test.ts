import { describe, expect, test } from "vitest";
import { orderTimeline, type TimelineEvent } from "./timeline";

const t0 = new Date("2026-05-25T10:00:00.000Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

const order = (extra: Record<string, unknown> = {}) => ({ id: "ord_1", amount: 2500, currency: "EUR", amount_refunded: 0, status: "open", payment: null, ...extra });
const card = { id: "pay_2", method: "card", card: { brand: "visa", last4: "4242" } };
const refund = (extra: Record<string, unknown> = {}) => ({ id: "re_1", amount: 1000, currency: "EUR", status: "pending", reason: null, failure_reason: null, ...extra });

function event(id: string, type: string, createdAt: Date, object: Record<string, unknown>): TimelineEvent {
  return { id, type, createdAt, data: { object } };
}

describe("order timeline", () => {
  test("every event type reads as a sentence, with the failure message of the attempt", () => {
    const events = [
      event("evt_1", "order.created", at(0), order()),
      event("evt_2", "order.payment_failed", at(1), order({ payment: { id: "pay_1", method: "card", card: { brand: "visa", last4: "0002" } } })),
      event("evt_3", "order.processing", at(2), order({ status: "processing", payment: { id: "pay_3", method: "bank_transfer", card: null } })),
      event("evt_4", "order.paid", at(3), order({ status: "paid", payment: card })),
      event("evt_5", "order.settled", at(4), order({ status: "paid", payment: card })),
      event("evt_6", "refund.created", at(5), refund({ reason: "Damaged" })),
      event("evt_7", "order.refunded", at(6), order({ status: "partially_refunded", amount_refunded: 1000 })),
      event("evt_8", "refund.succeeded", at(6), refund({ status: "succeeded" })),
      event("evt_9", "refund.failed", at(7), refund({ status: "failed", failure_reason: "The processor could not refund this payment." })),
      event("evt_a", "order.refunded", at(8), order({ status: "refunded", amount_refunded: 2500 })),
      event("evt_b", "order.voided", at(9), order({ status: "voided" })),
      event("evt_c", "order.canceled", at(10), order({ status: "canceled" })),
      event("evt_d", "order.expired", at(11), order({ status: "expired" })),
      event("evt_e", "order.something_new", at(12), order()),
    ];
    const payments = [
      { id: "pay_1", failureMessage: "Your card was declined.", nextAction: null },
      { id: "pay_3", failureMessage: null, nextAction: "bank_transfer" },
    ];
    expect(orderTimeline(events, payments).map((e) => e.text)).toEqual([
      "Order created — €25.00.",
      "Payment failed — Your card was declined.",
      "Payment started — Bank transfer, waiting for the bank transfer to arrive.",
      "Payment succeeded — €25.00 by Visa •••• 4242.",
      "Payment settled — from now on it can be refunded, no longer voided.",
      "Refund of €10.00 requested — reason: Damaged.",
      "Partially refunded — €10.00 of €25.00 refunded in total.",
      "Refund of €10.00 succeeded.",
      "Refund of €10.00 failed — The processor could not refund this payment.",
      "Fully refunded — €25.00 of €25.00 refunded in total.",
      "Payment voided — the buyer is not charged.",
      "Order canceled — it can no longer be paid.",
      "Order expired — the buyer did not pay in time.",
      "order.something_new",
    ]);
  });

  test("manual capture: authorized, captured in part, or lapsed", () => {
    const manual = { capture_method: "manual" };
    const events = [
      event("evt_1", "order.authorized", at(0), order({ ...manual, status: "authorized", payment: { ...card, status: "authorized" } })),
      event("evt_2", "order.paid", at(1), order({ ...manual, status: "paid", amount_captured: 1500, payment: { ...card, status: "succeeded" } })),
      event("evt_3", "order.expired", at(2), order({ ...manual, status: "expired", payment: { ...card, status: "voided" } })),
    ];
    expect(orderTimeline(events, []).map((e) => e.text)).toEqual([
      "Payment authorized — €25.00 by Visa •••• 4242, waiting for you to capture it.",
      "Payment captured — €15.00 by Visa •••• 4242.",
      "Authorization lapsed — it was not captured in time and has been released.",
    ]);
  });

  test("oldest first; the order's creation leads the events of its own transaction", () => {
    const events = [
      event("evt_0paid", "order.paid", at(0), order({ status: "paid", payment: card })),
      event("evt_9void", "order.voided", at(5), order({ status: "voided" })),
      event("evt_1created", "order.created", at(0), order()),
    ];
    const timeline = orderTimeline(events, []);
    expect(timeline.map((e) => e.type)).toEqual(["order.created", "order.paid", "order.voided"]);
    expect(timeline[0]!.at).toBe("2026-05-25T10:00:00.000Z");
  });

  test("a failed attempt whose payment is unknown still says how the buyer tried to pay", () => {
    const events = [event("evt_1", "order.payment_failed", at(0), order({ payment: { id: "pay_x", method: "card", card: { brand: "mastercard", last4: "4444" } } }))];
    expect(orderTimeline(events, [])[0]!.text).toBe("Payment failed — Mastercard •••• 4444.");
  });
});
