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

/** At most this many requests at once to one endpoint (its origin and approved addresses); the rest wait their turn. */
export const ENDPOINT_CONCURRENCY = 32;

/**
 * An idle kept-alive connection is closed after this long: below the 5 s that Node's and most servers' keep-alive
 * timeouts allow, so we rarely send on a connection the server is closing (and retry once when we do, see postJson).
 */
const IDLE_SOCKET_MS = 4_000;

/** Agents not used for this long are destroyed and forgotten (their connections are closed by then anyway). */
const AGENT_IDLE_MS = 60_000;
const MAX_AGENTS = 1_000;

type AnyAgent = http.Agent | https.Agent;
const agents = new Map<string, { agent: AnyAgent; usedAt: number }>();
let sweptAt = 0;

/**
 * The keep-alive connection pool of one endpoint: one agent per origin and set of approved addresses, so a
 * connection is only reused for the addresses the URL guard approved at this attempt (an answer that changes
 * makes a new pool; the old one's idle connections close). The agent connects through pinnedLookup, never
 * through DNS, and opens at most ENDPOINT_CONCURRENCY connections; further requests queue in it.
 */
function agentFor(url: URL, addresses: readonly string[]): AnyAgent {
  const now = Date.now();
  const key = `${url.protocol}//${url.host}|${addresses.join(",")}`;
  const found = agents.get(key);
  if (found) {
    found.usedAt = now;
    return found.agent;
  }
  if (now - sweptAt > AGENT_IDLE_MS || agents.size >= MAX_AGENTS) {
    sweptAt = now;
    for (const [k, entry] of agents) {
      if (now - entry.usedAt > AGENT_IDLE_MS || agents.size >= MAX_AGENTS) {
        entry.agent.destroy();
        agents.delete(k);
      }
    }
  }
  const options = { keepAlive: true, maxSockets: ENDPOINT_CONCURRENCY, maxFreeSockets: ENDPOINT_CONCURRENCY, timeout: IDLE_SOCKET_MS, scheduling: "lifo" as const, lookup: pinnedLookup(addresses) };
  const agent = url.protocol === "https:" ? new https.Agent(options) : new http.Agent(options);
  agents.set(key, { agent, usedAt: now });
  return agent;
}

/** Closes every kept-alive connection (the worker stopping; tests). */
export function closeConnections(): void {
  for (const { agent } of agents.values()) agent.destroy();
  agents.clear();
}

/**
 * POSTs a JSON body to `url`, connecting only to `addresses` (the ones the URL guard approved, tried in
 * order, so DNS cannot change between the check and the connection), over a kept-alive connection of the
 * endpoint's pool when one is free. Redirects are answers, never followed; no answer within `timeoutMs`
 * (counted from the call, so the wait for a free connection is part of it) is a failure.
 */
export function postJson(url: URL, addresses: readonly string[], headers: Record<string, string>, body: string, timeoutMs: number): Promise<PostResult> {
  const started = performance.now();
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    let retried = false;
    const finish = (result: Omit<PostResult, "latencyMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, latencyMs: Math.round(performance.now() - started) });
    };
    let request: http.ClientRequest;
    // Whether the request went out (written to a connection): one still waiting for the pool when time ran out was never sent.
    let sent = false;
    const send = () => {
      let answered = false;
      request = client.request(
        url,
        {
          method: "POST",
          headers: { "content-type": "application/json", "user-agent": "Paylink-Webhooks/1", "content-length": Buffer.byteLength(body), ...headers },
          lookup: pinnedLookup(addresses),
          servername: isIP(url.hostname) ? undefined : url.hostname,
          agent: agentFor(url, addresses),
        },
        (response) => {
          answered = true;
          const chunks: Buffer[] = [];
          let size = 0;
          response.on("data", (chunk: Buffer) => {
            if (size < BODY_LIMIT) chunks.push(chunk.subarray(0, BODY_LIMIT - size));
            size += chunk.length;
            // Past the limit the rest is not read: the connection is closed rather than drained.
            if (size >= BODY_LIMIT) response.destroy();
          });
          const done = () => finish({ statusCode: response.statusCode ?? null, body: Buffer.concat(chunks).toString("utf8"), error: null });
          response.on("end", done);
          response.on("close", done);
          response.on("error", done);
        },
      );
      request.on("finish", () => {
        sent = true;
      });
      request.on("error", (error: NodeJS.ErrnoException) => {
        // A kept-alive connection the server closed just as we sent on it: nothing was answered, so send
        // again once, on a new connection (what Node's documentation advises for `reusedSocket`).
        if (!answered && !retried && request.reusedSocket && (error.code === "ECONNRESET" || error.code === "EPIPE")) {
          retried = true;
          send();
          return;
        }
        finish({ statusCode: null, body: null, error: error.message.slice(0, 300) });
      });
      request.end(body);
    };
    const timer = setTimeout(() => {
      request.destroy();
      const seconds = Math.round(timeoutMs / 1000);
      finish({ statusCode: null, body: null, error: sent ? `no answer within ${seconds} s` : `not sent: the endpoint's ${ENDPOINT_CONCURRENCY} connections stayed busy for ${seconds} s` });
    }, timeoutMs);
    send();
  });
}
