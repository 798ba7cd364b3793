import { getEnv, type Env } from "@/lib/core/env";
import { AppError } from "@/lib/core/errors";
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

/** The connector for a new payment in this mode; refused (409 livemode_unavailable) when there is none. */
export function requireConnector(paymentContext: PaymentContext, livemode: boolean): PaymentConnector {
  const connector = paymentContext.processors.forMode(livemode);
  if (!connector) throw new AppError("livemode_unavailable", "This business is not accepting payments yet: no payment processor is set up for live mode.");
  return connector;
}
