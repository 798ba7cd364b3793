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
}

type ProcessorEnv = Pick<Env, "SIMULATOR_BANK_TRANSFER_SECONDS" | "SIMULATOR_REFUND_SECONDS" | "SIMULATOR_LATENCY_MS" | "SIMULATOR_LIVE_MODE">;

/**
 * Test mode always runs on the simulator. A live payment never does, unless the operator turned on
 * SIMULATOR_LIVE_MODE for a demonstration: no real connector exists yet, so live mode takes no payment.
 * A real processor is one more PaymentConnector here, chosen for live mode and found by its name.
 */
export function configuredProcessors(env: ProcessorEnv = getEnv()): Processors {
  const simulator = createSimulatedProcessor({
    bankTransferSeconds: env.SIMULATOR_BANK_TRANSFER_SECONDS,
    refundSeconds: env.SIMULATOR_REFUND_SECONDS,
    latencyMs: env.SIMULATOR_LATENCY_MS,
    // The simulator keeps its books in the app's database (opened on first use, not here).
    db: getDb,
  });
  return {
    forMode: (livemode) => (!livemode || env.SIMULATOR_LIVE_MODE ? simulator : null),
    named: (name) => {
      if (name === SIMULATOR) return simulator;
      throw new Error(`No payment connector named "${name}" is configured.`);
    },
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
  return {
    forMode: () => connector,
    named: () => connector,
  };
}
