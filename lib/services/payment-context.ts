import { getEnv, type Env } from "@/lib/core/env";
import { AppError } from "@/lib/core/errors";
import { PAYMENT_METHOD_LABELS, type PaymentMethod } from "@/lib/payments/methods";
import { configuredProcessors, type PaymentConnector, type Processors } from "@/lib/processor";

/** What the payment services need besides the database and the scope. */
export interface PaymentContext {
  /** Where the app lives: objects and events carry absolute URLs. */
  appUrl: string;
  /** The connectors that take payments in each mode. */
  processors: Processors;
  /** How long a new order stays payable when its creator sets no expiry (ORDER_DEFAULT_TTL_HOURS). */
  orderTtlHours: number;
  /** How long a buyer's request waits for the processor's answer (CONNECTOR_TIMEOUT_SECONDS). */
  connectorTimeoutSeconds: number;
  /** How long a manual-capture authorization holds before the order expires (AUTHORIZATION_VALIDITY_HOURS). */
  authorizationValidityHours: number;
  /** Messages a business may send within the hour (SEND_MAX_PER_HOUR): test-mode receipts count against it. */
  sendMaxPerHour: number;
}

const contexts = new WeakMap<Env, PaymentContext>();

/**
 * The payment context of this process, from its validated settings: what routes, pages and the worker use.
 * Made once per settings object (the connectors with their keys derived), not on every request.
 */
export function paymentContextFromEnv(env: Env = getEnv()): PaymentContext {
  let context = contexts.get(env);
  if (!context) {
    context = contextOf(env);
    contexts.set(env, context);
  }
  return context;
}

function contextOf(env: Env): PaymentContext {
  return {
    appUrl: env.APP_URL,
    processors: configuredProcessors(env),
    orderTtlHours: env.ORDER_DEFAULT_TTL_HOURS,
    connectorTimeoutSeconds: env.CONNECTOR_TIMEOUT_SECONDS,
    authorizationValidityHours: env.AUTHORIZATION_VALIDITY_HOURS,
    sendMaxPerHour: env.SEND_MAX_PER_HOUR,
  };
}

const NOT_ACCEPTING = "This business is not accepting payments yet: no payment processor is set up for live mode.";

/** Refuses (409 livemode_unavailable) a mode that takes no payment at all: live, until a processor is set up. */
export function requireTakesPayments(processors: Processors, livemode: boolean): void {
  if (!processors.takesPayments(livemode)) throw new AppError("livemode_unavailable", NOT_ACCEPTING);
}

/**
 * The connector for a new payment of this method in this mode, as the routing table chooses it (recorded on
 * the payment; every later step goes to it). Refused with 409 livemode_unavailable — the contract's code for
 * "no processor takes this payment" — when the mode takes nothing, or its connectors do not offer the method.
 */
export function requireConnector(processors: Processors, payment: { livemode: boolean; method: PaymentMethod }): PaymentConnector {
  requireTakesPayments(processors, payment.livemode);
  const connector = processors.forPayment(payment);
  if (!connector) throw methodNotOffered(payment);
  return connector;
}

/**
 * Refuses an order naming a method no connector takes in its mode, before it is made and sent to a buyer
 * whose payment could only be refused (the same 409 as requireConnector, naming `payment_methods`).
 */
export function requireConnectorsFor(processors: Processors, livemode: boolean, methods: readonly PaymentMethod[]): void {
  requireTakesPayments(processors, livemode);
  const missing = methods.find((method) => processors.forPayment({ livemode, method }) === null);
  if (missing) throw methodNotOffered({ livemode, method: missing }, "payment_methods");
}

function methodNotOffered({ livemode, method }: { livemode: boolean; method: PaymentMethod }, param = "method"): AppError {
  const mode = livemode ? "live" : "test";
  return new AppError("livemode_unavailable", `This business is not accepting ${PAYMENT_METHOD_LABELS[method]} payments: no payment processor takes them in ${mode} mode.`, { param });
}
