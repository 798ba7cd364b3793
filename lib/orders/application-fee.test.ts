import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/core/errors";
import { decideApplicationFee, type FeeRequest } from "./application-fee";

const acting = { actingPlatformId: "mch_platform", currency: "USD" };

function refusal(request: FeeRequest): { code: string; param: string | null; message: string } | null {
  try {
    decideApplicationFee(request);
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, param: error.param, message: error.message };
  }
}

describe("decideApplicationFee", () => {
  it.each([
    ["not sent: no change", { ...acting, requested: undefined, amount: 1000 }, undefined],
    ["up to the fixed amount", { ...acting, requested: 1000, amount: 1000 }, 1000],
    ["a part of it", { ...acting, requested: 150, amount: 1000 }, 150],
    ["0 is no fee", { ...acting, requested: 0, amount: 1000 }, null],
    ["null clears it", { ...acting, requested: null, amount: 1000, current: 150 }, null],
    ["a buyer-chosen amount, up to its minimum", { ...acting, requested: 500, amount: null, customMinimum: 500 }, 500],
    ["someone else's null on an object without a fee changes nothing", { requested: null, amount: 1000, currency: "USD" }, null],
  ] satisfies [string, FeeRequest, number | null | undefined][])("%s", (_, request, expected) => {
    expect(decideApplicationFee(request)).toBe(expected);
  });

  it.each([
    ["a merchant's own key sets one", { requested: 100, amount: 1000, currency: "USD" }],
    ["a merchant's own key sends 0", { requested: 0, amount: 1000, currency: "USD" }],
    ["a merchant's own key clears its platform's", { requested: null, amount: 1000, currency: "USD", current: 100 }],
  ] satisfies [string, FeeRequest][])("403 when %s", (_, request) => {
    expect(refusal(request)).toMatchObject({ code: "forbidden", param: "application_fee_amount" });
  });

  it("refuses a fee above the amount, naming the currency's minor unit", () => {
    expect(refusal({ ...acting, requested: 1001, amount: 1000, currency: "JPY" })).toEqual({
      code: "parameter_invalid",
      param: "application_fee_amount",
      message: "Invalid application_fee_amount: it must not exceed the amount (1000): both are in the minor unit of JPY.",
    });
  });

  it("a buyer-chosen amount needs a minimum that covers the fee", () => {
    expect(refusal({ ...acting, requested: 100, amount: null, customMinimum: null })?.message).toMatch(/set custom_amount\.minimum at or above the fee/);
    expect(refusal({ ...acting, requested: 501, amount: null, customMinimum: 500 })).toMatchObject({ code: "parameter_invalid", param: "application_fee_amount" });
    // No fee needs no minimum.
    expect(decideApplicationFee({ ...acting, requested: 0, amount: null, customMinimum: null })).toBeNull();
  });
});
