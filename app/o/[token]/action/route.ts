import { getDb } from "@/db";
import { displayPayment, findOrderByToken } from "@/db/queries/orders";
import type { FieldMessage } from "@/lib/checkout/messages";
import { backWith } from "@/lib/checkout/redirects";
import { afterPaymentPath, orderPath } from "@/lib/checkout/steps";
import { AppError } from "@/lib/core/errors";
import { paymentContextFromEnv } from "@/lib/services/payment-context";
import { checkoutPost } from "@/lib/http/checkout/post";
import { readForm } from "@/lib/http/checkout/read-form";
import { completePaymentAction } from "@/lib/services/complete-payment-action";
import { scopeOf } from "@/lib/core/scope";

// POST /o/{token}/action — the buyer's answer on the 3-D Secure challenge, the wallet page, the bank page
// (with the bank they chose) or the pay-later page.
export const POST = checkoutPost("/o/[token]/action", orderPath, async (request, { token }) => {
  const data = await readForm(request);
  const approved = data.get("decision") === "approve";
  const bank = typeof data.get("bank") === "string" ? String(data.get("bank")).slice(0, 100) : undefined;
  const back = orderPath(token);
  const db = await getDb();
  const order = await findOrderByToken(db, token);
  if (!order) return { location: back };
  const payment = await displayPayment(db, scopeOf(order), order);
  try {
    const outcome = await completePaymentAction(db, paymentContextFromEnv(), token, approved, { bank });
    if (outcome.kind === "paid" || outcome.kind === "authorized") return { location: afterPaymentPath(outcome.order) };
    return backWith(back, { form: notApproved(payment) }, { method: payment?.method });
  } catch (error) {
    // Nothing waits for an answer any more (already answered, canceled): the order's page shows where it stands.
    if (error instanceof AppError) return { location: back };
    throw error;
  }
});

/** Why the buyer is back on the form, as a key the order's page words in its language (the method by its name there). */
function notApproved(payment: { method: string; nextAction: string | null } | null): FieldMessage<"form"> {
  if (!payment) return { key: "form.failed" };
  const values = { method: payment.method };
  if (payment.nextAction === "three_d_secure") return { key: "form.authenticationFailed" };
  if (payment.nextAction === "bank_redirect") return { key: "form.bankNotApproved", values };
  if (payment.nextAction === "pay_later") return { key: "form.payLaterNotApproved", values };
  return { key: "form.walletNotApproved", values };
}
