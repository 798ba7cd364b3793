import { createHash, randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { simulatorPayments } from "@/db/schema";
import type { ActionResult, AuthorizeRequest, AuthorizeResult, CaptureResult, PaymentConnector } from "./connector";
import { emvText, pixPayload, promptPayPayload } from "@/lib/payments/emv-qr";
import { makeDueNow, scheduleNotification, sendDueNotifications, verifySimulatorNotification, type NotificationSettings } from "./simulator-notifications";

// The built-in simulated processor: deterministic by test card number, so a fresh install works end to end
// with no processor account (shared/spec/API.md, "Test mode helpers"). It behaves like a remote processor
// where that matters to the payment path: it keeps its own books (simulator_payments), so a repeated
// authorization with the same idempotency key is one authorization and `retrieve` tells what became of one
// after our process died; and it can be made slow (`latencyMs`), answering only after the authorization is
// booked — the "charged, but the answer was lost" case a crash drill needs. What it learns later (a bank
// transfer arriving, a refund settling) it tells us the way a real processor does: a signed notification to
// our inbound route (simulator-notifications.ts), sent by the worker's sweep when due.

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

/** SEPA Direct Debit test accounts (shared/spec/API.md): the first is debited, the second is accepted, then fails. */
export const TEST_IBANS = {
  success: "DE89370400440532013000",
  failsWhileProcessing: "DE35370400440532013002",
} as const;

const SEPA_FAILURE = { code: "sepa_debit_failed", message: "The bank refused the direct debit: the account cannot be debited." };

/** Who the simulated QR payments are paid to: a PromptPay biller id (13 digits) and a PIX key of the simulator's. */
const SIMULATED_PROMPTPAY_BILLER = "0105561234567";
const SIMULATED_PIX_KEY = "pagamentos@simulator.paylink.dev";

export interface SimulatorSettings {
  /** How long a bank transfer takes to arrive. */
  bankTransferSeconds: number;
  /** How long a refund takes to settle. */
  refundSeconds: number;
  /** How long after a QR code is shown (PromptPay, PIX) the simulated bank confirms its payment. */
  qrSeconds?: number;
  /** How long a SEPA debit takes to be collected (or to fail). */
  sepaSeconds?: number;
  /** How long an authorization takes to answer, as a real processor's round trip would (0: at once). */
  latencyMs?: number;
  /** The database holding the simulator's books (the app's own: the simulator runs in its process). */
  db: Db | (() => Promise<Db>);
  /** Where its notifications go (our /api/processors/simulator/notifications) and the secret that signs them. */
  notifications: NotificationSettings;
}

/** The notification id of a payment's outcome, and of a refund's: one each, whatever is retried. */
const paymentNotificationId = (paymentId: string) => `evt_sim_pay_${paymentId}`;
const refundNotificationId = (refundId: string) => `evt_sim_re_${refundId}`;

function reference(prefix: string): string {
  return `sim_${prefix}_${randomBytes(8).toString("hex")}`;
}

/** What the simulator answers an authorization: decided by the test card, or the method's flow. */
export function simulatedAnswer(request: AuthorizeRequest): AuthorizeResult {
  if (request.method === "card") {
    const card = request.card;
    if (!card) return { status: "declined", reference: reference("ch"), code: "card_declined", message: "No card was given." };
    const display = { brand: card.brand, last4: card.last4 };
    const decline = DECLINES[card.number];
    if (decline) return { status: "declined", reference: reference("ch"), ...decline, card: display };
    if (card.number === TEST_CARDS.threeDSecure) return { status: "requires_action", reference: reference("ch"), action: "three_d_secure", card: display };
    return { status: request.capture === "manual" ? "authorized" : "succeeded", reference: reference("ch"), card: display };
  }
  switch (request.method) {
    case "bank_transfer":
      return { status: "pending", reference: reference("bt"), action: "bank_transfer" };
    case "promptpay":
      return { status: "pending", reference: reference("qr"), action: "qr_code", qr: promptPayPayload({ target: SIMULATED_PROMPTPAY_BILLER, amountMinor: request.amount }) };
    case "pix":
      return {
        status: "pending",
        reference: reference("qr"),
        action: "qr_code",
        // A BR Code names the merchant in ASCII: a name with no Latin letters at all is shown as the platform.
        qr: pixPayload({ key: SIMULATED_PIX_KEY, merchantName: emvText(request.descriptor, 25) || "Paylink merchant", merchantCity: "Sao Paulo", amountMinor: request.amount, txid: request.paymentId.replace(/[^0-9A-Za-z]/g, "").slice(-25) }),
      };
    case "sepa_debit":
      return { status: "pending", reference: reference("sd"), action: "sepa_debit" };
    case "ideal":
    case "bancontact":
    case "fpx":
      return { status: "requires_action", reference: reference("bk"), action: "bank_redirect" };
    case "klarna":
      return { status: "requires_action", reference: reference("kl"), action: "pay_later" };
    default:
      // alipay, wechat_pay, apple_pay, google_pay: the buyer approves on the wallet's (simulated) page.
      return { status: "requires_action", reference: reference("wl"), action: "wallet_redirect" };
  }
}

/** When, and how, the simulated bank settles an asynchronous payment: the notification it books with it. */
function asyncOutcome(request: AuthorizeRequest, answer: AuthorizeResult, settings: SimulatorSettings): { type: "payment.succeeded" | "payment.failed"; afterSeconds: number; failure?: typeof SEPA_FAILURE } | null {
  if (answer.status !== "pending") return null;
  switch (answer.action) {
    case "bank_transfer":
      return { type: "payment.succeeded", afterSeconds: settings.bankTransferSeconds };
    case "qr_code":
      return { type: "payment.succeeded", afterSeconds: settings.qrSeconds ?? 30 };
    case "sepa_debit": {
      const fails = request.sepa?.iban === TEST_IBANS.failsWhileProcessing;
      return fails ? { type: "payment.failed", afterSeconds: settings.sepaSeconds ?? 60, failure: SEPA_FAILURE } : { type: "payment.succeeded", afterSeconds: settings.sepaSeconds ?? 60 };
    }
  }
}

const BOOKED_STATE: Record<AuthorizeResult["status"], string> = { succeeded: "charged", authorized: "authorized", declined: "declined", requires_action: "waiting", pending: "waiting" };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createSimulatedProcessor(settings: SimulatorSettings): PaymentConnector {
  const books = async () => (typeof settings.db === "function" ? settings.db() : settings.db);
  return {
    name: SIMULATOR,
    async authorize(request: AuthorizeRequest): Promise<AuthorizeResult> {
      const db = await books();
      const answer = simulatedAnswer(request);
      // A payment that settles later books its notification with it, in one transaction; any other is one
      // statement (a card's answer: the hot path of every checkout).
      const settles = asyncOutcome(request, answer, settings) !== null;
      const book = async (tx: Db) => {
        const [row] = await tx
          .insert(simulatorPayments)
          .values({
            key: request.paymentId,
            reference: answer.reference,
            livemode: request.livemode,
            method: request.method,
            amount: request.amount,
            currency: request.currency,
            answer,
            state: BOOKED_STATE[answer.status],
            capture: request.capture,
          })
          .onConflictDoNothing({ target: simulatorPayments.key })
          .returning({ answer: simulatorPayments.answer });
        // An asynchronous payment settles later: the bank's answer is booked with the payment.
        const later = row ? asyncOutcome(request, answer, settings) : null;
        if (later) {
          const at = new Date(Date.now() + later.afterSeconds * 1000);
          await scheduleNotification(tx, { id: paymentNotificationId(request.paymentId), type: later.type, data: { payment: request.paymentId, reference: answer.reference, ...later.failure } }, at);
        }
        return row;
      };
      const booked = settles ? await db.transaction(book) : await book(db);
      // A repeated key is the same authorization: the first answer again, nothing booked twice.
      const given = (booked?.answer as AuthorizeResult | undefined) ?? (await this.retrieve(request.paymentId));
      if (settings.latencyMs) await sleep(settings.latencyMs);
      if (!given) throw new Error("The simulator lost an authorization it had just booked.");
      return given;
    },
    async retrieve(paymentId: string): Promise<AuthorizeResult | null> {
      const db = await books();
      const [row] = await db.select({ answer: simulatorPayments.answer }).from(simulatorPayments).where(eq(simulatorPayments.key, paymentId));
      return (row?.answer as AuthorizeResult | undefined) ?? null;
    },
    async completeAction(paymentReference: string, approved: boolean): Promise<ActionResult> {
      const db = await books();
      const [book] = await db.select({ capture: simulatorPayments.capture }).from(simulatorPayments).where(eq(simulatorPayments.reference, paymentReference));
      const held = book?.capture === "manual";
      await db
        .update(simulatorPayments)
        .set({ state: approved ? (held ? "authorized" : "charged") : "declined", updatedAt: new Date() })
        .where(eq(simulatorPayments.reference, paymentReference));
      if (!approved) return { status: "declined", code: "authentication_failed", message: "The payment was not approved." };
      return held ? { status: "authorized" } : { status: "succeeded" };
    },
    async capture(paymentReference: string, amount: number): Promise<CaptureResult> {
      const db = await books();
      const [captured] = await db
        .update(simulatorPayments)
        .set({ state: "charged", capturedAmount: amount, updatedAt: new Date() })
        .where(and(eq(simulatorPayments.reference, paymentReference), eq(simulatorPayments.state, "authorized"), sql`${amount} <= ${simulatorPayments.amount}`))
        .returning({ amount: simulatorPayments.capturedAmount });
      if (captured) return { status: "succeeded" };
      // The same capture again (its answer was lost): the first answer again.
      const [book] = await db.select().from(simulatorPayments).where(eq(simulatorPayments.reference, paymentReference));
      if (book?.state === "charged" && book.capturedAmount === amount) return { status: "succeeded" };
      return { status: "failed", code: "capture_failed", message: book?.state === "voided" ? "The authorization was released." : "Nothing to capture." };
    },
    async void(paymentReference: string) {
      const db = await books();
      await db.update(simulatorPayments).set({ state: "voided", updatedAt: new Date() }).where(eq(simulatorPayments.reference, paymentReference));
    },
    async refund(_paymentReference, _amount, refundId) {
      const db = await books();
      // Keyed by our refund id: the same refund sent twice is one refund, with one reference and one outcome.
      const refundReference = `sim_re_${createHash("sha256").update(refundId).digest("hex").slice(0, 16)}`;
      const settles = new Date(Date.now() + settings.refundSeconds * 1000);
      await scheduleNotification(db, { id: refundNotificationId(refundId), type: "refund.succeeded", data: { refund: refundId, reference: refundReference } }, settles);
      return { reference: refundReference };
    },
    verifyNotification(headers, body, now) {
      return verifySimulatorNotification(settings.notifications.secret, headers, body, now);
    },
    async runDue(now) {
      return sendDueNotifications(await books(), settings.notifications, now);
    },
    async completeNow(paymentReference) {
      const db = await books();
      const [waiting] = await db
        .select({ key: simulatorPayments.key })
        .from(simulatorPayments)
        .where(and(eq(simulatorPayments.reference, paymentReference), eq(simulatorPayments.state, "waiting")));
      if (!waiting) return false;
      const id = paymentNotificationId(waiting.key);
      if (!(await makeDueNow(db, id))) return false;
      return (await sendDueNotifications(db, settings.notifications, new Date(), id)) > 0;
    },
  };
}
