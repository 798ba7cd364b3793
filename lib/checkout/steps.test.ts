import { describe, expect, test } from "vitest";
import { afterPaymentPath, isCheckoutToken, orderStep, outcomePath, safeHttpUrl, stepPath, type OrderState } from "./steps";

const NOW = new Date("2026-05-25T10:00:00Z");
const LATER = new Date("2026-05-26T10:00:00Z");
const open: OrderState = { status: "open", expiresAt: LATER };

describe("orderStep", () => {
  test("an open order takes a payment until it expires", () => {
    expect(orderStep(open, null, NOW)).toEqual({ kind: "pay" });
    expect(orderStep({ status: "open", expiresAt: NOW }, null, NOW)).toEqual({ kind: "unavailable", reason: "expired" });
  });

  test("after a decline the order is open again", () => {
    expect(orderStep(open, { status: "failed", nextAction: null }, NOW)).toEqual({ kind: "pay" });
  });

  test.each([
    ["requires_action", "three_d_secure", "authenticate"],
    ["requires_action", "wallet_redirect", "wallet"],
    ["pending", "bank_transfer", "bank-transfer"],
  ] as const)("processing with a %s payment (%s) waits on %s", (status, nextAction, page) => {
    expect(orderStep({ status: "processing", expiresAt: LATER }, { status, nextAction }, NOW)).toEqual({ kind: "action", page });
  });

  test("processing with nothing to do for the buyer", () => {
    expect(orderStep({ status: "processing", expiresAt: LATER }, null, NOW)).toEqual({ kind: "unavailable", reason: "in_progress" });
  });

  test.each([
    ["paid", { kind: "paid" }],
    ["partially_refunded", { kind: "paid" }],
    ["refunded", { kind: "paid" }],
    ["voided", { kind: "unavailable", reason: "voided" }],
    ["canceled", { kind: "unavailable", reason: "canceled" }],
    ["expired", { kind: "unavailable", reason: "expired" }],
  ] as const)("%s", (status, step) => {
    expect(orderStep({ status, expiresAt: LATER }, null, NOW)).toEqual(step);
  });
});

describe("paths", () => {
  const order = { token: "tok", successUrl: null };

  test("each step has its page", () => {
    expect(stepPath("tok", { kind: "pay" })).toBe("/o/tok");
    expect(stepPath("tok", { kind: "action", page: "wallet" })).toBe("/o/tok/wallet");
    expect(stepPath("tok", { kind: "paid" })).toBe("/o/tok/complete");
    expect(stepPath("tok", { kind: "unavailable", reason: "expired" })).toBe("/o/tok");
  });

  test.each([
    [{ kind: "paid" }, "/o/tok/complete"],
    [{ kind: "declined" }, "/o/tok"],
    [{ kind: "requires_action", action: "three_d_secure" }, "/o/tok/authenticate"],
    [{ kind: "requires_action", action: "wallet_redirect" }, "/o/tok/wallet"],
    [{ kind: "pending", action: "bank_transfer" }, "/o/tok/bank-transfer"],
  ] as const)("outcome %j → %s", (outcome, path) => {
    expect(outcomePath(outcome, order)).toBe(path);
  });

  test("a paid order with a success URL goes back to the merchant", () => {
    expect(outcomePath({ kind: "paid" }, { token: "tok", successUrl: "https://shop.example/thanks?o=1" })).toBe("https://shop.example/thanks?o=1");
    expect(afterPaymentPath({ token: "tok", successUrl: "javascript:alert(1)" })).toBe("/o/tok/complete");
  });

  test("only http(s) URLs are followed", () => {
    expect(safeHttpUrl("http://localhost:4000/back")).toBe("http://localhost:4000/back");
    expect(safeHttpUrl("/relative")).toBeNull();
    expect(safeHttpUrl("data:text/html,hi")).toBeNull();
    expect(safeHttpUrl(null)).toBeNull();
  });
});

describe("isCheckoutToken", () => {
  test.each([
    ["nJr9ogC0aSuVwgiG4z2nESVvs7cBTMCm", true],
    ["short", false],
    ["abcdefghijklmnop; Domain=evil.example", false],
    ["abcdefghijklmnop\r\nSet-Cookie: x=1", false],
    ["../../../../etc/passwd0000000000", false],
    ["x".repeat(65), false],
  ])("%j → %s", (token, ok) => {
    expect(isCheckoutToken(token)).toBe(ok);
  });
});
