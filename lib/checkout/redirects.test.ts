import { describe, expect, test } from "vitest";
import { AppError } from "@/lib/core/errors";
import { backWith, outcomeRedirect, refusal } from "./redirects";

const FORM = { method: "card", email: "a@b.co", name: "Zoë", cardNumber: "4242424242424242", cvc: "123", amount: "12" };
const ORDER = { token: "ordtoken0123456789", successUrl: null };

describe("refusal", () => {
  test("an error naming a checkout field is shown by that field; anything else above the form", () => {
    const errors = (error: AppError) => refusal(error, "/l/x", FORM).flash?.value.errors;
    expect(errors(new AppError("parameter_missing", "Enter the amount you want to pay.", { param: "amount" }))).toEqual({ amount: { key: "amount.required" } });
    expect(errors(new AppError("payment_link_inactive", "This payment link is no longer available."))).toEqual({ form: { key: "form.linkUnavailable" } });
    expect(errors(new AppError("parameter_invalid", "Bad.", { param: "metadata" }))).toEqual({ form: { text: "Bad." } });
  });

  test("a link or order that is gone: back to its page, which says so, with no flash", () => {
    expect(refusal(new AppError("resource_missing", "No such order."), "/o/x", FORM)).toEqual({ location: "/o/x" });
  });

  test("the flash keeps what the buyer typed, never the card", () => {
    const flash = backWith("/o/x", { form: "No." }, FORM).flash!;
    expect(flash).toEqual({ path: "/o/x", value: { errors: { form: { text: "No." } }, email: "a@b.co", name: "Zoë", method: "card", amount: "12" } });
  });
});

describe("outcomeRedirect", () => {
  test("a decline goes back to the order's page saying why; a challenge to its step page", () => {
    expect(outcomeRedirect({ kind: "declined", order: ORDER, message: "Card declined." }, FORM)).toMatchObject({
      location: `/o/${ORDER.token}`,
      flash: { path: `/o/${ORDER.token}`, value: { errors: { form: { text: "Card declined." } } } },
    });
    expect(outcomeRedirect({ kind: "requires_action", action: "three_d_secure", order: ORDER }, FORM)).toEqual({ location: `/o/${ORDER.token}/authenticate` });
    expect(outcomeRedirect({ kind: "paid", order: { ...ORDER, successUrl: "https://shop.example/thanks" } }, FORM)).toEqual({ location: "https://shop.example/thanks" });
  });

  test("a decline the checkout knows by its code is worded by the page; another keeps the processor's sentence", () => {
    const declined = (failureCode: string | null, message?: string) =>
      outcomeRedirect({ kind: "declined", order: ORDER, payment: { failureCode }, message }, FORM).flash?.value.errors.form;
    expect(declined("insufficient_funds", "Not enough money, said the bank.")).toEqual({ key: "form.insufficientFunds" });
    expect(declined("account_closed", "The account is closed.")).toEqual({ text: "The account is closed." });
    expect(declined(null)).toEqual({ key: "form.failed" });
  });
});
