import { describe, expect, test } from "vitest";
import type { PaymentConnector } from "./connector";
import { routedProcessors } from "./index";

// The routing table alone: which connector a new payment goes to, by mode and method. (That the choice is
// recorded and kept by later steps is lib/services/connector-routing.int.test.ts.)

/** Connectors are only told apart by name here: the table never calls them. */
const connector = (name: string) => ({ name }) as PaymentConnector;
const [simulator, acquirer] = [connector("simulator"), connector("acquirer")];

describe("routedProcessors", () => {
  const processors = routedProcessors([simulator, acquirer], {
    test: { other: "simulator", methods: { card: "acquirer" } },
    live: { other: null, methods: { card: "acquirer", klarna: null } },
  });

  test.each([
    [false, "card", "acquirer"],
    [false, "klarna", "simulator"],
    [false, "pix", "simulator"],
    [true, "card", "acquirer"],
    [true, "klarna", null],
    [true, "pix", null],
  ] as const)("livemode %s, %s → %s", (livemode, method, name) => {
    expect(processors.forPayment({ livemode, method })?.name ?? null).toBe(name);
  });

  test("a mode takes payments while any method has a connector in it", () => {
    expect([processors.takesPayments(false), processors.takesPayments(true)]).toEqual([true, true]);
    const testOnly = routedProcessors([simulator], { test: { other: "simulator" }, live: { other: null, methods: { card: null } } });
    expect([testOnly.takesPayments(false), testOnly.takesPayments(true)]).toEqual([true, false]);
  });

  test("a connector is found by the name recorded on a payment, whatever the table routes to it", () => {
    const moved = routedProcessors([simulator, acquirer], { test: { other: "simulator" }, live: { other: null } });
    expect(moved.named("acquirer")).toBe(acquirer);
    expect(moved.find("nobody")).toBeNull();
    expect(() => moved.named("nobody")).toThrow(/nobody/);
  });

  test("a table naming a connector that is not set up is refused when the processors are made", () => {
    expect(() => routedProcessors([simulator], { test: { other: "simulator" }, live: { other: "stripe" } })).toThrow(/stripe/);
  });
});
