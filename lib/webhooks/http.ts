import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";

export interface PostResult {
  statusCode: number | null;
  /** The first 2 KB of the response body. */
  body: string | null;
  latencyMs: number;
  error: string | null;
}

const BODY_LIMIT = 2048;

/**
 * POSTs a JSON body to `url`, connecting only to `address` (the one the URL guard approved, so DNS cannot
 * change between the check and the connection). Redirects are answers, never followed; no answer within
 * `timeoutMs` is a failure.
 */
export function postJson(url: URL, address: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<PostResult> {
  const started = performance.now();
  const family = isIP(address) === 6 ? 6 : 4;
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<PostResult, "latencyMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, latencyMs: Math.round(performance.now() - started) });
    };
    const request = client.request(
      url,
      {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": "Paylink-Webhooks/1", "content-length": Buffer.byteLength(body), ...headers },
        lookup: (_host, _options, callback) => callback(null, address, family),
        servername: isIP(url.hostname) ? undefined : url.hostname,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          if (size < BODY_LIMIT) chunks.push(chunk.subarray(0, BODY_LIMIT - size));
          size += chunk.length;
          if (size >= BODY_LIMIT) response.destroy();
        });
        const done = () => finish({ statusCode: response.statusCode ?? null, body: Buffer.concat(chunks).toString("utf8"), error: null });
        response.on("end", done);
        response.on("close", done);
        response.on("error", done);
      },
    );
    const timer = setTimeout(() => {
      request.destroy();
      finish({ statusCode: null, body: null, error: `no answer within ${Math.round(timeoutMs / 1000)} s` });
    }, timeoutMs);
    request.on("error", (error) => finish({ statusCode: null, body: null, error: error.message.slice(0, 300) }));
    request.end(body);
  });
}
