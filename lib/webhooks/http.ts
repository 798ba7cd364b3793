import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";

export interface PostResult {
  statusCode: number | null;
  /** The first 2 KB of the response body. */
  body: string | null;
  latencyMs: number;
  error: string | null;
}

const BODY_LIMIT = 2048;

/**
 * A `lookup` that answers with the addresses the URL guard approved instead of asking DNS again, so the
 * answer cannot change between the check and the connection (DNS rebinding). Node calls it in two shapes:
 * with `{all: true}` when it may try several addresses (`autoSelectFamily`, on by default since Node 20),
 * expecting `(err, [{address, family}])`, and otherwise expecting `(err, address, family)`. Answering the
 * second shape to the first fails every request to a host name with "Invalid IP address: undefined".
 */
export function pinnedLookup(addresses: readonly string[]): LookupFunction {
  const entries = addresses.map((address) => ({ address, family: isIP(address) === 6 ? 6 : 4 }));
  return (_hostname, options, callback) => {
    if (entries.length === 0) {
      callback(Object.assign(new Error("No approved address to connect to."), { code: "ENOTFOUND" }), "", 4);
      return;
    }
    const wanted = typeof options === "object" ? options.family : options;
    const matching = wanted === 4 || wanted === 6 ? entries.filter((entry) => entry.family === wanted) : entries;
    const usable = matching.length > 0 ? matching : entries;
    if (typeof options === "object" && options.all) {
      (callback as unknown as (error: null, addresses: { address: string; family: number }[]) => void)(null, usable);
    } else {
      callback(null, usable[0]!.address, usable[0]!.family);
    }
  };
}

/**
 * POSTs a JSON body to `url`, connecting only to `addresses` (the ones the URL guard approved, tried in
 * order, so DNS cannot change between the check and the connection). Redirects are answers, never followed;
 * no answer within `timeoutMs` is a failure.
 */
export function postJson(url: URL, addresses: readonly string[], headers: Record<string, string>, body: string, timeoutMs: number): Promise<PostResult> {
  const started = performance.now();
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
        lookup: pinnedLookup(addresses),
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
