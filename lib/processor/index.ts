import { createHmac } from "node:crypto";
import { getDb } from "@/db";
import { getEnv, type Env } from "@/lib/core/env";
import type { PaymentConnector } from "./connector";
import { createSimulatedProcessor, SIMULATOR } from "./simulated";

export type { PaymentConnector } from "./connector";

/**
 * The payment processors this installation has, as the payment services see them. The connector is chosen
 * per payment and its name recorded on the payment (`payment.processor`); what happens to a payment later
 * (a 3-D Secure answer, a void, a refund, a bank transfer arriving) goes to the connector that took it, never
 * to whatever this process would pick today.
 */
export interface Processors {
  /** The connector that takes a new payment in this mode, or null while none is configured for it. */
  forMode(livemode: boolean): PaymentConnector | null;
  /** The connector that handled a payment, by the name recorded on it. */
  named(name: string): PaymentConnector;
  /** Every configured connector, by name: for the inbound notification route and the worker's sweep. */
  find(name: string): PaymentConnector | null;
  all(): PaymentConnector[];
}

type ProcessorEnv = Pick<
  Env,
  | "SIMULATOR_BANK_TRANSFER_SECONDS"
  | "SIMULATOR_REFUND_SECONDS"
  | "SIMULATOR_QR_SECONDS"
  | "SIMULATOR_SEPA_SECONDS"
  | "SIMULATOR_LATENCY_MS"
  | "SIMULATOR_LIVE_MODE"
  | "APP_URL"
  | "AUTH_SECRET"
>;

/** Where a connector's notifications reach us. */
export function notificationUrl(appUrl: string, connector: string): string {
  return new URL(`/api/processors/${connector}/notifications`, appUrl).toString();
}

/**
 * The key the simulator signs its notifications with: derived from AUTH_SECRET, so there is nothing more to
 * configure and nobody without the app's secret can forge a bank's confirmation.
 */
export function simulatorNotificationSecret(authSecret: string): string {
  return createHmac("sha256", authSecret).update("paylink simulator notifications").digest("hex");
}

/**
 * Test mode always runs on the simulator. A live payment never does, unless the operator turned on
 * SIMULATOR_LIVE_MODE for a demonstration: no real connector exists yet, so live mode takes no payment.
 * A real processor is one more PaymentConnector here, chosen for live mode and found by its name.
 */
export function configuredProcessors(env: ProcessorEnv = getEnv()): Processors {
  const simulator = createSimulatedProcessor({
    bankTransferSeconds: env.SIMULATOR_BANK_TRANSFER_SECONDS,
    refundSeconds: env.SIMULATOR_REFUND_SECONDS,
    qrSeconds: env.SIMULATOR_QR_SECONDS,
    sepaSeconds: env.SIMULATOR_SEPA_SECONDS,
    latencyMs: env.SIMULATOR_LATENCY_MS,
    // The simulator keeps its books in the app's database (opened on first use, not here).
    db: getDb,
    notifications: { url: notificationUrl(env.APP_URL, SIMULATOR), secret: simulatorNotificationSecret(env.AUTH_SECRET) },
  });
  return byName([simulator], (livemode) => (!livemode || env.SIMULATOR_LIVE_MODE ? simulator : null));
}

function byName(connectors: PaymentConnector[], forMode: Processors["forMode"]): Processors {
  const find = (name: string) => connectors.find((c) => c.name === name) ?? null;
  return {
    forMode,
    find,
    named: (name) => {
      const connector = find(name);
      if (!connector) throw new Error(`No payment connector named "${name}" is configured.`);
      return connector;
    },
    all: () => connectors,
  };
}

/**
 * Whether live payments can be taken at all on this installation, and if so whether they are simulated:
 * read from the processors themselves, so the pages that say it cannot disagree with what a payment does.
 * (A real connector would be a third answer here.)
 */
export function liveModeStatus(env: ProcessorEnv = getEnv()): "unavailable" | "simulated" {
  const live = configuredProcessors(env).forMode(true);
  return live === null ? "unavailable" : "simulated";
}

/** One connector for every payment of both modes: the simulator, in tests. */
export function onlyConnector(connector: PaymentConnector): Processors {
  return byName([connector], () => connector);
}
