import { createHmac } from "node:crypto";
import { getDb } from "@/db";
import { getEnv, type Env } from "@/lib/core/env";
import type { PaymentMethod } from "@/lib/payments/methods";
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
  /**
   * The connector that takes a new payment of this method in this mode (the routing table's choice), or null
   * when none is configured for it.
   */
  forPayment(payment: { livemode: boolean; method: PaymentMethod }): PaymentConnector | null;
  /** Whether this mode takes payments at all: some method has a connector in it. */
  takesPayments(livemode: boolean): boolean;
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
 * Which connector takes a new payment, by mode and then by method: `methods` names a connector for a method,
 * `other` for every method it does not list; null means nobody takes it. A method's own line wins, so a
 * connector that offers only some methods is added beside one that takes the rest.
 */
export interface Route {
  other: string | null;
  methods?: Partial<Record<PaymentMethod, string | null>>;
}
export interface RoutingTable {
  test: Route;
  live: Route;
}

/**
 * Test mode always runs on the simulator, for every method. A live payment never does, unless the operator
 * turned on SIMULATOR_LIVE_MODE for a demonstration: no real connector exists yet, so live mode takes no
 * payment. A real processor is one more PaymentConnector here, with the live methods it offers routed to it.
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
  return routedProcessors([simulator], { test: { other: SIMULATOR }, live: { other: env.SIMULATOR_LIVE_MODE ? SIMULATOR : null } });
}

/** The processors of these connectors, new payments chosen by the table. A table naming no such connector is a setup mistake. */
export function routedProcessors(connectors: PaymentConnector[], table: RoutingTable): Processors {
  const find = (name: string) => connectors.find((c) => c.name === name) ?? null;
  const named = (name: string) => {
    const connector = find(name);
    if (!connector) throw new Error(`No payment connector named "${name}" is configured.`);
    return connector;
  };
  const nameFor = (route: Route, method: PaymentMethod) => {
    const listed = route.methods?.[method];
    return listed === undefined ? route.other : listed;
  };
  const names = (route: Route) => [route.other, ...Object.values(route.methods ?? {})].filter((name): name is string => typeof name === "string");
  // Checked once, here: a table naming a connector that is not set up fails at start, not at a buyer's payment.
  for (const name of [...names(table.test), ...names(table.live)]) named(name);
  const routeOf = (livemode: boolean) => (livemode ? table.live : table.test);
  return {
    forPayment: ({ livemode, method }) => {
      const name = nameFor(routeOf(livemode), method);
      return name === null ? null : named(name);
    },
    takesPayments: (livemode) => names(routeOf(livemode)).length > 0,
    find,
    named,
    all: () => connectors,
  };
}

/**
 * Whether live payments can be taken at all on this installation, and if so whether they are simulated:
 * read from the processors themselves, so the pages that say it cannot disagree with what a payment does.
 * (A real connector would be a third answer here.)
 */
export function liveModeStatus(env: ProcessorEnv = getEnv()): "unavailable" | "simulated" {
  return configuredProcessors(env).takesPayments(true) ? "simulated" : "unavailable";
}

/** One connector for every payment of both modes: the simulator, in tests. */
export function onlyConnector(connector: PaymentConnector): Processors {
  return routedProcessors([connector], { test: { other: connector.name }, live: { other: connector.name } });
}
