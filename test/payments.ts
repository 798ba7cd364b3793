import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { Db } from "@/db/client";
import { toErrorResponse } from "@/lib/http/errors";
import { receiveProcessorNotification } from "@/lib/http/processor-notifications";
import { logger } from "@/lib/logger";
import { validateCard } from "@/lib/payments/card";
import { createSimulatedProcessor, SIMULATOR } from "@/lib/processor/simulated";
import { notificationUrl, onlyConnector } from "@/lib/processor";
import type { BuyerPayment } from "@/lib/orders/checkout-input";
import type { PaymentContext } from "@/lib/services/payment-context";
import { signUp } from "@/lib/services/sign-up";
// No vitest import here: Playwright specs use these helpers too.
import { uniqueEmail } from "./ids";

type SimulatorTiming = { bankTransferSeconds: number; refundSeconds: number; qrSeconds?: number; sepaSeconds?: number; latencyMs?: number };

/** What signs the tests' simulator notifications (the app derives its own from AUTH_SECRET). */
export const TEST_NOTIFICATION_SECRET = "test-simulator-notification-secret";

/**
 * A payment context on the simulator, as the app builds one from its settings, keeping the simulator's books
 * in `db`; timings of 0 make bank transfers and refunds due at once. Its notifications go to `appUrl`'s
 * inbound route: nowhere, unless the test runs a receiver there (withNotificationReceiver).
 */
export function simulatorContext(
  db: Db,
  timing: SimulatorTiming = { bankTransferSeconds: 0, refundSeconds: 0 },
  appUrl = "https://pay.example.com",
  secret = TEST_NOTIFICATION_SECRET,
  /** Where the inbound route is reached, when not at appUrl (a test's local receiver). */
  inboundOrigin = appUrl,
): PaymentContext {
  const notifications = { url: notificationUrl(inboundOrigin, SIMULATOR), secret, timeoutMs: 5_000 };
  return { appUrl, processors: onlyConnector(createSimulatedProcessor({ ...timing, db, notifications })), orderTtlHours: 24, connectorTimeoutSeconds: 30, authorizationValidityHours: 168, sendMaxPerHour: 500 };
}

export async function toRequest(incoming: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === "string") headers.set(name, value);
  return new Request(new URL(incoming.url ?? "/", origin), { method: incoming.method, headers, body: Buffer.concat(chunks) });
}

/**
 * A simulator context (objects' URLs on https://pay.example.com) whose notifications really arrive: a local
 * HTTP server, named by host name
 * (`http://localhost:<port>`), answering /api/processors/{connector}/notifications with the route's own
 * handler on `db`. `sweep()` does what the worker's payments sweep does for the simulator (send what is due).
 */
export async function withNotificationReceiver(db: Db, timing?: SimulatorTiming, secret = TEST_NOTIFICATION_SECRET) {
  let paymentContext: PaymentContext | null = null;
  const log = logger();
  const server = createServer(async (incoming, outgoing) => {
    const request = await toRequest(incoming, "http://localhost");
    const connector = /^\/api\/processors\/([^/]+)\/notifications$/.exec(new URL(request.url).pathname)?.[1];
    const response =
      incoming.method === "POST" && connector && paymentContext
        ? await receiveProcessorNotification(request, connector, { db, paymentContext, log }).catch((error: unknown) => toErrorResponse(error))
        : new Response("not found", { status: 404 });
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://localhost:${port}`;
  paymentContext = simulatorContext(db, timing, undefined, secret, origin);
  const context = paymentContext;
  return {
    /** Where it listens: an app URL whose inbound route this receiver answers. */
    origin,
    paymentContext: context,
    /** The simulator's sends that are due now, as the worker's sweep makes them; how many were delivered. */
    sweep: async () => (await Promise.all(context.processors.all().map((c) => c.runDue?.() ?? 0))).reduce((a, b) => a + b, 0),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function newMerchantScope(db: Db, currency = "USD") {
  const { merchantId } = await signUp(db, { email: uniqueEmail("pay"), password: "a long enough password", businessName: "Pay", country: "US", currency });
  return { merchantId, livemode: false };
}

export function cardBuyer(number = "4242424242424242"): BuyerPayment {
  const checked = validateCard({ number, expiry: "12/40", cvc: "123" });
  if (!checked.ok) throw new Error(`bad test card ${number}`);
  return { method: "card", email: "buyer@example.com", name: "Ana Buyer", card: checked.card };
}
