import { describe, expect, test } from "vitest";
import { PAYMENT_STATUSES, type PaymentStatus } from "@/lib/core/statuses";
import { answeredStatus, canChangePayment, isPaymentInFlight, STARTING_STATUS } from "./attempt-machine";

// Every allowed change; every other pair of statuses must be refused.
const ALLOWED: [PaymentStatus, PaymentStatus][] = [
  ["authorizing", "succeeded"],
  ["authorizing", "failed"],
  ["authorizing", "requires_action"],
  ["authorizing", "pending"],
  ["authorizing", "authorized"],
  ["requires_action", "succeeded"],
  ["requires_action", "authorized"],
  ["requires_action", "failed"],
  // Manual capture: captured, or released (void, cancel, lapse).
  ["authorized", "succeeded"],
  ["authorized", "voided"],
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

  test("in flight means waiting for the processor, the buyer or the bank", () => {
    expect(PAYMENT_STATUSES.filter(isPaymentInFlight)).toEqual(["authorizing", "requires_action", "pending"]);
  });

  test("an attempt starts authorizing, and nothing leads back to it", () => {
    expect(STARTING_STATUS).toBe("authorizing");
    for (const from of PAYMENT_STATUSES) expect(canChangePayment(from, "authorizing")).toBe(false);
  });

  test("the connector's answer moves an authorizing attempt to a status the table allows", () => {
    const answers = ["succeeded", "authorized", "declined", "requires_action", "pending"] as const;
    expect(answers.map(answeredStatus)).toEqual(["succeeded", "authorized", "failed", "requires_action", "pending"]);
    for (const answer of answers) expect(canChangePayment(STARTING_STATUS, answeredStatus(answer))).toBe(true);
  });
});
