import { describe, expect, test } from "vitest";
import { PAYMENT_STATUSES, type PaymentStatus } from "@/lib/core/statuses";
import { canChangePayment, isPaymentInFlight, startingStatus, STARTING_STATUSES } from "./attempt-machine";

// Every allowed change; every other pair of statuses must be refused.
const ALLOWED: [PaymentStatus, PaymentStatus][] = [
  ["requires_action", "succeeded"],
  ["requires_action", "failed"],
  ["pending", "succeeded"],
  ["pending", "failed"],
  ["succeeded", "voided"],
];

describe("payment attempt changes", () => {
  test.each(ALLOWED)("%s → %s is allowed", (from, to) => {
    expect(canChangePayment(from, to)).toBe(true);
  });

  const refused = PAYMENT_STATUSES.flatMap((from) => PAYMENT_STATUSES.map((to) => [from, to] as [PaymentStatus, PaymentStatus])).filter(
    ([from, to]) => !ALLOWED.some(([f, t]) => f === from && t === to),
  );
  test.each(refused)("%s → %s is refused", (from, to) => {
    expect(canChangePayment(from, to)).toBe(false);
  });

  test("a failed or voided attempt is final; a late answer cannot revive it", () => {
    for (const to of PAYMENT_STATUSES) {
      expect(canChangePayment("failed", to)).toBe(false);
      expect(canChangePayment("voided", to)).toBe(false);
    }
  });

  test("in flight means waiting for the buyer or the bank", () => {
    expect(PAYMENT_STATUSES.filter(isPaymentInFlight)).toEqual(["requires_action", "pending"]);
  });

  test("a new attempt starts where the connector's answer puts it, never voided", () => {
    expect([startingStatus("succeeded"), startingStatus("declined"), startingStatus("requires_action"), startingStatus("pending")]).toEqual([
      "succeeded",
      "failed",
      "requires_action",
      "pending",
    ]);
    expect(STARTING_STATUSES).not.toContain("voided");
  });
});
