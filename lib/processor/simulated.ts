import { randomBytes } from "node:crypto";
import type { ActionResult, AuthorizeRequest, AuthorizeResult, PaymentConnector } from "./connector";

// The built-in simulated processor: deterministic by test card number, so a fresh install works end to end
// with no processor account (shared/spec/API.md, "Test mode helpers").

/** The name recorded on every payment the simulator handles (`payment.processor`). */
export const SIMULATOR = "simulator";

export const TEST_CARDS = {
  success: "4242424242424242",
  successMastercard: "5555555555554444",
  declined: "4000000000000002",
  insufficientFunds: "4000000000009995",
  threeDSecure: "4000000000003220",
} as const;

const DECLINES: Record<string, { code: string; message: string }> = {
  [TEST_CARDS.declined]: { code: "card_declined", message: "Your card was declined." },
  [TEST_CARDS.insufficientFunds]: { code: "insufficient_funds", message: "Your card has insufficient funds." },
};

export interface SimulatorTiming {
  /** How long a bank transfer takes to arrive. */
  bankTransferSeconds: number;
  /** How long a refund takes to settle. */
  refundSeconds: number;
}

function reference(prefix: string): string {
  return `sim_${prefix}_${randomBytes(8).toString("hex")}`;
}

export function createSimulatedProcessor(timing: SimulatorTiming): PaymentConnector {
  return {
    name: SIMULATOR,
    async authorize(request: AuthorizeRequest): Promise<AuthorizeResult> {
      if (request.method === "card") {
        const card = request.card;
        if (!card) return { status: "declined", reference: reference("ch"), code: "card_declined", message: "No card was given." };
        const display = { brand: card.brand, last4: card.last4 };
        const decline = DECLINES[card.number];
        if (decline) return { status: "declined", reference: reference("ch"), ...decline, card: display };
        if (card.number === TEST_CARDS.threeDSecure) return { status: "requires_action", reference: reference("ch"), action: "three_d_secure", card: display };
        return { status: "succeeded", reference: reference("ch"), card: display };
      }
      if (request.method === "bank_transfer") return { status: "pending", reference: reference("bt"), action: "bank_transfer" };
      // alipay, wechat_pay, apple_pay, google_pay: the buyer approves on the wallet's (simulated) page.
      return { status: "requires_action", reference: reference("wl"), action: "wallet_redirect" };
    },
    async completeAction(_reference: string, approved: boolean): Promise<ActionResult> {
      return approved ? { status: "succeeded" } : { status: "declined", code: "authentication_failed", message: "The payment was not approved." };
    },
    async asyncPaymentArrived(_reference, pendingSince, now) {
      return now.getTime() - pendingSince.getTime() >= timing.bankTransferSeconds * 1000;
    },
    async void() {},
    async refund() {
      return { reference: reference("re") };
    },
    async refundOutcome(_reference, pendingSince, now) {
      return now.getTime() - pendingSince.getTime() >= timing.refundSeconds * 1000 ? "succeeded" : "pending";
    },
  };
}
