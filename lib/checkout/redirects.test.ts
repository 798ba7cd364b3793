import { describe, expect, test } from "vitest";
import { AppError } from "@/lib/core/errors";
import { backWith, outcomeRedirect, refusal } from "./redirects";

const FORM = { method: "card", email: "a@b.co", name: "Zoë", cardNumber: "4242424242424242", cvc: "123", amount: "12" };
const ORDER = { token: "ordtoken0123456789", successUrl: null };

describe("refusal", () => {
  test("an error naming a checkout field is shown by that field; anything else above the form", () => {
    expect(refusal(new AppError("parameter_missing", "Enter the amount.", { param: "amount" }), "/l/x", FORM).flash?.value.errors).toEqual({ amount: "Enter the amount." });
    expect(refusal(new AppError("payment_link_inactive", "No longer available."), "/l/x", FORM).flash?.value.errors).toEqual({ form: "No longer available." });
    expect(refusal(new AppError("parameter_invalid", "Bad.", { param: "metadata" }), "/l/x", FORM).flash?.value.errors).toEqual({ form: "Bad." });
  });

  test("a link or order that is gone: back to its page, which says so, with no flash", () => {
    expect(refusal(new AppError("resource_missing", "No such order."), "/o/x", FORM)).toEqual({ location: "/o/x" });
  });

  test("the flash keeps what the buyer typed, never the card", () => {
    const flash = backWith("/o/x", { form: "No." }, FORM).flash!;
    expect(flash).toEqual({ path: "/o/x", value: { errors: { form: "No." }, email: "a@b.co", name: "Zoë", method: "card", amount: "12" } });
  });
});

describe("outcomeRedirect", () => {
  test("a decline goes back to the order's page saying why; a challenge to its step page", () => {
    expect(outcomeRedirect({ kind: "declined", order: ORDER, message: "Card declined." }, FORM)).toMatchObject({
      location: `/o/${ORDER.token}`,
      flash: { path: `/o/${ORDER.token}`, value: { errors: { form: "Card declined." } } },
    });
    expect(outcomeRedirect({ kind: "requires_action", action: "three_d_secure", order: ORDER }, FORM)).toEqual({ location: `/o/${ORDER.token}/authenticate` });
    expect(outcomeRedirect({ kind: "paid", order: { ...ORDER, successUrl: "https://shop.example/thanks" } }, FORM)).toEqual({ location: "https://shop.example/thanks" });
  });
});
