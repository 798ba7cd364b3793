import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import { tmpdir } from "node:os";
import path from "node:path";
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
 * named: deliveries go through a DNS lookup, never straight to an IP literal. With `tls` (see localhostCertificate)
 * it speaks https, as live-mode endpoints must.
 */
export async function startReceiver(
  secret: () => string | string[],
  respond: (n: number) => number = () => 200,
  { host = "127.0.0.1", tls }: { host?: "127.0.0.1" | "::1"; tls?: { key: string; cert: string } } = {},
) {
  const received: Received[] = [];
  const handle = (request: IncomingMessage, response: ServerResponse) => {
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
  };
  const server: Server = tls ? createTlsServer(tls, handle) : createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? "https" : "http"}://localhost:${port}/hooks`,
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

/**
 * A self-signed certificate for the name "localhost" (made with the openssl command line), for an https
 * receiver. A process trusts it when started with NODE_EXTRA_CA_CERTS=<certFile>, as an operator adds a
 * private CA; nothing in the app's code changes for it.
 */
export function localhostCertificate(): { key: string; cert: string; certFile: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "paylink-tls-"));
  const keyFile = path.join(dir, "key.pem");
  const certFile = path.join(dir, "cert.pem");
  execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost", "-keyout", keyFile, "-out", certFile], { stdio: "ignore" });
  return { key: readFileSync(keyFile, "utf8"), cert: readFileSync(certFile, "utf8"), certFile };
}
