import { describe, expect, test } from "vitest";
import { AppError } from "@/lib/core/errors";
import { messageText, type CheckoutMessage } from "./messages";
import { backWith, declineMessage, outcomeRedirect, refusal } from "./redirects";

const FORM = { method: "card", email: "a@b.co", name: "Zoë", cardNumber: "4242424242424242", cvc: "123", amount: "12" };
const ORDER = { token: "ordtoken0123456789", successUrl: null };

describe("refusal", () => {
  const errors = (error: AppError) => refusal(error, "/l/x", FORM).flash?.value.errors;

  test("by the service's code (and the field it names), never by its sentence", () => {
    expect(errors(new AppError("parameter_missing", "Enter the amount you want to pay.", { param: "amount" }))).toEqual({ amount: { key: "amount.required" } });
    expect(errors(new AppError("parameter_invalid", "Choose a payment method.", { param: "method" }))).toEqual({ method: { key: "method.required" } });
    expect(errors(new AppError("payment_link_inactive", "This payment link is no longer available."))).toEqual({ form: { key: "form.linkUnavailable" } });
    expect(errors(new AppError("livemode_unavailable", "Whatever it says."))).toEqual({ form: { key: "form.notAccepting" } });
  });

  test("a refusal the checkout has no words for: the payment did not go through, above the form", () => {
    expect(errors(new AppError("parameter_invalid", "Bad.", { param: "metadata" }))).toEqual({ form: { key: "form.failed" } });
    expect(errors(new AppError("parameter_invalid", "Bad.", { param: "email" }))).toEqual({ form: { key: "form.failed" } });
    expect(errors(new AppError("rate_limited", "Slow down."))).toEqual({ form: { key: "form.failed" } });
  });

  test("a link or order that is gone: back to its page, which says so, with no flash", () => {
    expect(refusal(new AppError("resource_missing", "No such order."), "/o/x", FORM)).toEqual({ location: "/o/x" });
  });

  test("an order no longer payable (expired, under way, paid): back to its page, which says where it stands, with no message", () => {
    const redirect = refusal(new AppError("order_not_payable", "This order has expired."), "/o/x", FORM);
    expect(redirect).toMatchObject({ location: "/o/x", flash: { path: "/o/x", value: { errors: {} } } });
  });

  test("the flash keeps what the buyer typed, never the card", () => {
    const flash = backWith("/o/x", { form: { key: "form.failed" } }, FORM).flash!;
    expect(flash).toEqual({ path: "/o/x", value: { errors: { form: { key: "form.failed" } }, email: "a@b.co", name: "Zoë", method: "card", amount: "12" } });
  });
});

describe("outcomeRedirect", () => {
  const payment = (failureCode: string | null, failureMessage: string | null = null) => ({ failureCode, failureMessage });

  test("a decline goes back to the order's page saying why; a challenge to its step page", () => {
    expect(outcomeRedirect({ kind: "declined", order: ORDER, payment: payment("account_closed", "The account is closed.") }, FORM)).toMatchObject({
      location: `/o/${ORDER.token}`,
      flash: { path: `/o/${ORDER.token}`, value: { errors: { form: { text: "The account is closed." } } } },
    });
    expect(outcomeRedirect({ kind: "requires_action", action: "three_d_secure", order: ORDER }, FORM)).toEqual({ location: `/o/${ORDER.token}/authenticate` });
    expect(outcomeRedirect({ kind: "paid", order: { ...ORDER, successUrl: "https://shop.example/thanks" } }, FORM)).toEqual({ location: "https://shop.example/thanks" });
  });

  test("a decline the checkout knows by its code is worded by the page; another keeps the processor's sentence", () => {
    const declined = (failureCode: string | null, message: string | null = null) =>
      outcomeRedirect({ kind: "declined", order: ORDER, payment: payment(failureCode, message) }, FORM).flash?.value.errors.form;
    expect(declined("insufficient_funds", "Not enough money, said the bank.")).toEqual({ key: "form.insufficientFunds" });
    expect(declined("account_closed", "The account is closed.")).toEqual({ text: "The account is closed." });
    expect(declined("constructor")).toEqual({ key: "form.failed" });
    expect(declined(null)).toEqual({ key: "form.failed" });
  });
});

describe("what a post writes reads as it always has in English", () => {
  // The key each decider writes, with the sentence the checkout showed before its messages had keys: the
  // processor's declines (lib/processor/simulated.ts, the sweeps' action_timeout and processor_unavailable),
  // the services' refusals, the form posts' own (lib/http/checkout/post.ts) and the action page's.
  const cases: [CheckoutMessage | undefined, string][] = [
    [declineMessage(payment("card_declined")), "Your card was declined."],
    [declineMessage(payment("insufficient_funds")), "Your card has insufficient funds."],
    [declineMessage(payment("sepa_debit_failed")), "The bank refused the direct debit: the account cannot be debited."],
    [declineMessage(payment("action_timeout")), "The payment was not completed in time: the 3-D Secure, wallet, bank, pay-later or QR step was never finished."],
    [declineMessage(payment("processor_unavailable")), "The payment could not be completed: the payment processor did not receive it. No money was taken; please try again."],
    [declineMessage(null), "The payment did not go through."],
    [refusal(new AppError("payment_link_inactive", ""), "/l/x", {}).flash?.value.errors.form, "This payment link is no longer available."],
    [refusal(new AppError("livemode_unavailable", ""), "/l/x", {}).flash?.value.errors.form, "This business is not accepting payments yet: no payment processor is set up for live mode."],
    [refusal(new AppError("parameter_missing", "", { param: "amount" }), "/l/x", {}).flash?.value.errors.amount, "Enter the amount you want to pay."],
    [refusal(new AppError("parameter_invalid", "", { param: "method" }), "/l/x", {}).flash?.value.errors.method, "Choose a payment method."],
    [{ key: "form.tooManyAttempts" }, "Too many attempts from your network on this checkout. Wait a few minutes, then try again."],
    [{ key: "form.unexpected", values: { reference: "req-1" } }, "Something went wrong on our side. Please try again in a moment (reference req-1)."],
    [{ key: "form.authenticationFailed" }, "Authentication failed. Try again or use another card."],
    [{ key: "form.bankNotApproved", values: { method: "ideal" } }, "The payment was not approved at your bank (iDEAL). Try again or choose another payment method."],
    [{ key: "form.payLaterNotApproved", values: { method: "klarna" } }, "Klarna did not approve this purchase. Choose another payment method."],
    [{ key: "form.walletNotApproved", values: { method: "wechat_pay" } }, "The payment was not approved in WeChat Pay. Try again or choose another payment method."],
  ];

  test.each(cases)("%j → “%s”", (message, english) => {
    expect(message).toHaveProperty("key");
    expect(messageText(message!, "en")).toBe(english);
  });

  function payment(failureCode: string) {
    return { failureCode, failureMessage: "the processor's own words, not shown" };
  }
});
