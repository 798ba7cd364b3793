import { describe, expect, test } from "vitest";
import { ORDER_STATUSES, type OrderStatus } from "@/lib/core/statuses";
import { cancelPlan, nextStatus, orderActions, type OrderTransition } from "./state-machine";

const ALL_TRANSITIONS: OrderTransition[] = ["payment_submitted", "payment_succeeded", "payment_authorized", "capture", "payment_failed", "expire", "cancel", "void", "refund_succeeded"];

// Every allowed transition of the contract; everything else must be refused.
const ALLOWED: [OrderStatus, OrderTransition, OrderStatus][] = [
  ["open", "payment_submitted", "processing"],
  ["open", "payment_succeeded", "paid"],
  ["open", "payment_failed", "open"],
  ["open", "expire", "expired"],
  ["open", "cancel", "canceled"],
  ["processing", "payment_succeeded", "paid"],
  ["processing", "payment_failed", "open"],
  ["processing", "cancel", "canceled"],
  ["open", "payment_authorized", "authorized"],
  ["processing", "payment_authorized", "authorized"],
  ["authorized", "capture", "paid"],
  ["authorized", "void", "voided"],
  ["authorized", "expire", "expired"],
  ["paid", "void", "voided"],
  ["paid", "refund_succeeded", "partially_refunded"],
  ["partially_refunded", "refund_succeeded", "partially_refunded"],
];

describe("nextStatus", () => {
  test.each(ALLOWED)("%s --%s--> %s", (from, transition, to) => {
    expect(nextStatus(from, transition)).toBe(to);
  });

  const refused = ORDER_STATUSES.flatMap((s) => ALL_TRANSITIONS.map((t) => [s, t] as const)).filter(
    ([s, t]) => !ALLOWED.some(([from, tr]) => from === s && tr === t),
  );
  test.each(refused)("%s --%s--> refused", (from, transition) => {
    expect(nextStatus(from, transition)).toBeNull();
  });

  test("a refund that completes the amount ends in refunded", () => {
    expect(nextStatus("paid", "refund_succeeded", { fullyRefunded: true })).toBe("refunded");
    expect(nextStatus("partially_refunded", "refund_succeeded", { fullyRefunded: true })).toBe("refunded");
  });
});

describe("orderActions", () => {
  const base = { amount: 10_000, amountCaptured: null as number | null, amountRefunded: 0, amountRefundPending: 0, settledAt: null as Date | null };
  const settled = new Date("2026-05-25T00:00:00Z");

  test.each([
    ["open", base, { allowed_void: false, allowed_refund: false, refundable_amount: 0, allowed_cancel: true, allowed_capture: false }],
    ["processing", base, { allowed_void: false, allowed_refund: false, refundable_amount: 0, allowed_cancel: true, allowed_capture: false }],
    ["paid", base, { allowed_void: true, allowed_refund: false, refundable_amount: 0, allowed_cancel: true, allowed_capture: false }],
    ["paid", { ...base, settledAt: settled }, { allowed_void: false, allowed_refund: true, refundable_amount: 10_000, allowed_cancel: true, allowed_capture: false }],
    ["paid", { ...base, settledAt: settled, amountRefundPending: 4_000 }, { allowed_void: false, allowed_refund: true, refundable_amount: 6_000, allowed_cancel: true, allowed_capture: false }],
    ["partially_refunded", { ...base, settledAt: settled, amountRefunded: 2_500 }, { allowed_void: false, allowed_refund: true, refundable_amount: 7_500, allowed_cancel: true, allowed_capture: false }],
    ["partially_refunded", { ...base, settledAt: settled, amountRefunded: 2_500, amountRefundPending: 7_500 }, { allowed_void: false, allowed_refund: false, refundable_amount: 0, allowed_cancel: false, allowed_capture: false }],
    ["refunded", { ...base, settledAt: settled, amountRefunded: 10_000 }, { allowed_void: false, allowed_refund: false, refundable_amount: 0, allowed_cancel: false, allowed_capture: false }],
    ["voided", base, { allowed_void: false, allowed_refund: false, refundable_amount: 0, allowed_cancel: false, allowed_capture: false }],
    ["canceled", base, { allowed_void: false, allowed_refund: false, refundable_amount: 0, allowed_cancel: false, allowed_capture: false }],
    ["expired", base, { allowed_void: false, allowed_refund: false, refundable_amount: 0, allowed_cancel: false, allowed_capture: false }],
    ["authorized", base, { allowed_void: true, allowed_refund: false, refundable_amount: 0, allowed_cancel: true, allowed_capture: true }],
    // A partial capture: refunds work on what was captured.
    ["paid", { ...base, amountCaptured: 6_000, settledAt: settled }, { allowed_void: false, allowed_refund: true, refundable_amount: 6_000, allowed_cancel: true, allowed_capture: false }],
    ["partially_refunded", { ...base, amountCaptured: 6_000, settledAt: settled, amountRefunded: 5_000 }, { allowed_void: false, allowed_refund: true, refundable_amount: 1_000, allowed_cancel: true, allowed_capture: false }],
  ] as const)("%s %j", (status, money, expected) => {
    expect(orderActions({ status, ...money })).toEqual(expected);
  });

  test("void is not allowed after settlement, refunds not before it", () => {
    expect(orderActions({ status: "paid", ...base, settledAt: settled }).allowed_void).toBe(false);
    expect(orderActions({ status: "paid", ...base }).allowed_refund).toBe(false);
  });
});

describe("cancelPlan", () => {
  const base = { amount: 500, amountCaptured: null as number | null, amountRefunded: 0, amountRefundPending: 0, settledAt: null as Date | null };
  test.each([
    ["open", base, "cancel"],
    ["processing", base, "cancel"],
    ["paid", base, "void"],
    ["authorized", base, "void"],
    ["paid", { ...base, settledAt: new Date() }, "refund"],
    ["partially_refunded", { ...base, settledAt: new Date(), amountRefunded: 100 }, "refund"],
    ["refunded", { ...base, settledAt: new Date(), amountRefunded: 500 }, null],
    ["expired", base, null],
    ["voided", base, null],
  ] as const)("%s → %s", (status, money, plan) => {
    expect(cancelPlan({ status, ...money })).toBe(plan);
  });
});
