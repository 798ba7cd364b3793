import { getEnv, type Env } from "@/lib/env";
import type { PaymentConnector } from "./connector";
import { createSimulatedProcessor } from "./simulated";

export type { PaymentConnector } from "./connector";

/**
 * The connector for a mode. Test mode always uses the simulator; live mode does too until a real connector
 * is configured, and the dashboard says so.
 */
export function connectorFor(livemode: boolean, env: Pick<Env, "SIMULATOR_BANK_TRANSFER_SECONDS" | "SIMULATOR_REFUND_SECONDS"> = getEnv()): PaymentConnector {
  void livemode;
  return createSimulatedProcessor({ bankTransferSeconds: env.SIMULATOR_BANK_TRANSFER_SECONDS, refundSeconds: env.SIMULATOR_REFUND_SECONDS });
}

export const LIVE_MODE_USES_SIMULATOR = true;
