import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export interface Received {
  at: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** The payload as the standardwebhooks library verified it, or the verification error. */
  verified: unknown;
  error: string | null;
  status: number;
}

/**
 * A real local webhook receiver that verifies every delivery with the standardwebhooks library, as a merchant
 * would. `respond` decides each answer's status (default 200). It listens on `host` (IPv4 loopback unless
 * told `::1`), and its `url` names it by host name, `http://localhost:<port>/hooks`, as real endpoints are
 * named: deliveries go through a DNS lookup, never straight to an IP literal.
 */
export async function startReceiver(
  secret: () => string | string[],
  respond: (n: number) => number = () => 200,
  { host = "127.0.0.1" }: { host?: "127.0.0.1" | "::1" } = {},
) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = { "webhook-id": String(request.headers["webhook-id"]), "webhook-timestamp": String(request.headers["webhook-timestamp"]), "webhook-signature": String(request.headers["webhook-signature"]) };
      let verified: unknown = null;
      let error: string | null = null;
      const secrets = [secret()].flat();
      for (const s of secrets) {
        try {
          verified = new Webhook(s).verify(body, headers);
          error = null;
        } catch (e) {
          error = (e as Error).message;
        }
        if (error) break;
      }
      const status = respond(received.length + 1);
      received.push({ at: Date.now(), headers: request.headers, body, verified, error, status });
      response.writeHead(status, { "content-type": "text/plain" });
      response.end(status < 300 ? "ok" : "not now");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/hooks`,
    port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 15_000, what = "condition"): Promise<NonNullable<T>> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
