import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export interface Delivery {
  /** When the whole request had arrived (Date.now()): the receiver has the event from here on. */
  at: number;
  /** When the answer was sent (after the configured delay); null while the request is still held. */
  answeredAt: number | null;
  webhookId: string;
  type: string | null;
  objectId: string | null;
  /** The standardwebhooks verification error, or null when the signature verified. */
  error: string | null;
}

/**
 * A real webhook receiver for the drills: every request is verified with the standardwebhooks library (as a
 * merchant would), recorded as soon as it has arrived, and answered 200 after `delayMs()` — a slow receiver
 * keeps deliveries in flight, so a worker killed at any moment has some sent but not yet acknowledged.
 */
export async function startDrillReceiver(secret: () => string, options: { delayMs?: () => number } = {}) {
  const deliveries: Delivery[] = [];
  const sockets = new Set<import("node:net").Socket>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = {
        "webhook-id": String(request.headers["webhook-id"]),
        "webhook-timestamp": String(request.headers["webhook-timestamp"]),
        "webhook-signature": String(request.headers["webhook-signature"]),
      };
      let error: string | null = null;
      type Payload = { type?: string; data?: { object?: { id?: string } } };
      let payload: Payload | null = null as Payload | null;
      try {
        payload = new Webhook(secret()).verify(body, headers) as Payload;
      } catch (e) {
        error = (e as Error).message;
      }
      const delivery: Delivery = {
        at: Date.now(),
        answeredAt: null,
        webhookId: headers["webhook-id"],
        type: payload?.type ?? null,
        objectId: payload?.data?.object?.id ?? null,
        error,
      };
      deliveries.push(delivery);
      const answer = () => {
        delivery.answeredAt = Date.now();
        response.writeHead(200, { "content-type": "text/plain" });
        response.end("ok");
      };
      const delay = options.delayMs?.() ?? 0;
      if (delay > 0) setTimeout(answer, delay);
      else answer();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    // A host name, as real endpoints have: every delivery goes through a DNS lookup.
    url: `http://localhost:${port}/hooks`,
    deliveries,
    /** Distinct webhook ids (event ids) received so far. */
    uniqueIds: () => new Set(deliveries.map((d) => d.webhookId)),
    /** webhook-id → how many times it arrived, for those that arrived more than once. */
    duplicates: () => {
      const counts = new Map<string, number>();
      for (const d of deliveries) counts.set(d.webhookId, (counts.get(d.webhookId) ?? 0) + 1);
      return new Map([...counts].filter(([, n]) => n > 1));
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export type DrillReceiver = Awaited<ReturnType<typeof startDrillReceiver>>;
