// One load scenario with autocannon: a fixed time (or number of requests), N keep-alive connections, optionally
// a fixed overall rate, and a per-request hook for bodies that must differ. Returns what the report needs: the
// rate of answers with the expected status, latency percentiles, and everything that went wrong.
import autocannon from "autocannon";

export interface LoadOptions {
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** Headers that must differ per request (an Idempotency-Key), added to `headers`. */
  headersPerRequest?: () => Record<string, string>;
  /** A fixed body, or one built per request (unique submission tokens, rotating links, keywords). */
  body?: string | (() => string);
  /** A path per request (rotating links or queries); `url` gives the origin. */
  path?: () => string;
  connections: number;
  durationSeconds?: number;
  /** Stop after this many requests instead of after a time. */
  amount?: number;
  /** Requests per second over all connections; unset = as fast as the server answers. */
  overallRate?: number;
  /** Statuses that count as success (default: 2xx). */
  expect?: (status: number) => boolean;
}

export interface LoadResult {
  /** Answers with an expected status per second of the run. */
  rate: number;
  ok: number;
  unexpected: Record<string, number>;
  /** Connection errors and timeouts. */
  errors: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  durationSeconds: number;
}

/**
 * The app instances the load is spread over (`npm run bench -- --instances=2`): their origins, the first being
 * the one the scenarios name. Empty or one: every request goes where the scenario says.
 */
let instances: string[] = [];
export function spreadOver(origins: string[]): void {
  instances = origins;
}

/** The origin a scenario's URL names, replaced by instance `i` when the load is spread. */
function onInstance(url: string, i: number): string {
  if (instances.length < 2) return url;
  const parsed = new URL(url);
  const first = new URL(instances[0]!);
  if (parsed.host !== first.host) return url;
  const target = new URL(instances[i % instances.length]!);
  parsed.host = target.host;
  return parsed.toString();
}

/** Several instances' results as one: counts and rates add up; each percentile is the worst instance's. */
function combine(results: LoadResult[]): LoadResult {
  if (results.length === 1) return results[0]!;
  const unexpected: Record<string, number> = {};
  for (const r of results) for (const [status, n] of Object.entries(r.unexpected)) unexpected[status] = (unexpected[status] ?? 0) + n;
  const worst = (key: keyof LoadResult["latencyMs"]) => Math.max(...results.map((r) => r.latencyMs[key]));
  const ok = results.reduce((a, r) => a + r.ok, 0);
  return {
    rate: results.reduce((a, r) => a + r.rate, 0),
    ok,
    unexpected,
    errors: results.reduce((a, r) => a + r.errors, 0),
    latencyMs: { p50: worst("p50"), p90: worst("p90"), p99: worst("p99"), max: worst("max"), mean: Math.round((results.reduce((a, r) => a + r.latencyMs.mean * r.ok, 0) / Math.max(1, ok)) * 10) / 10 },
    durationSeconds: Math.max(...results.map((r) => r.durationSeconds)),
  };
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  if (instances.length < 2 || onInstance(options.url, 1) === options.url) return runLoadOn(options);
  // One autocannon per instance, the connections (and any fixed amount) shared out, all at once.
  const n = instances.length;
  const share = (total: number, i: number) => Math.floor(total / n) + (i < total % n ? 1 : 0);
  return combine(
    await Promise.all(
      instances.map((_, i) =>
        runLoadOn({ ...options, url: onInstance(options.url, i), connections: Math.max(1, share(options.connections, i)), ...(options.amount !== undefined ? { amount: share(options.amount, i) } : {}) }),
      ),
    ),
  );
}

async function runLoadOn(options: LoadOptions): Promise<LoadResult> {
  const expectStatus = options.expect ?? ((status: number) => status >= 200 && status < 300);
  const { body, path } = options;
  const result = await autocannon({
    url: options.url,
    method: options.method ?? "GET",
    headers: options.headers,
    connections: options.connections,
    // autocannon rejects keys that are present but undefined.
    ...(options.amount !== undefined ? { amount: options.amount } : { duration: options.durationSeconds ?? 10 }),
    ...(options.overallRate !== undefined ? { overallRate: options.overallRate } : {}),
    timeout: 10,
    requests: [
      {
        setupRequest: (request) => {
          const next = { ...request };
          if (typeof body === "function") next.body = body();
          else if (body !== undefined) next.body = body;
          if (path) next.path = path();
          if (options.headersPerRequest) next.headers = { ...next.headers, ...options.headersPerRequest() };
          return next;
        },
      },
    ],
  });
  let ok = 0;
  const unexpected: Record<string, number> = {};
  for (const [status, stats] of Object.entries(result.statusCodeStats ?? {})) {
    const count = stats.count ?? 0;
    if (expectStatus(Number(status))) ok += count;
    else unexpected[status] = count;
  }
  const latency = result.latency;
  return {
    rate: Math.round(ok / result.duration),
    ok,
    unexpected,
    errors: result.errors + result.timeouts,
    latencyMs: { p50: latency.p50, p90: latency.p90, p99: latency.p99, max: latency.max, mean: Math.round(latency.mean * 10) / 10 },
    durationSeconds: result.duration,
  };
}

/**
 * Latency at a steady rate: requests are sent on a fixed schedule (every 1/rate s, open loop, each on its own
 * keep-alive connection from a pool), and each latency is measured from the moment it was due, so a server
 * that falls behind is charged for the wait. Not autocannon: its rate limit lets every connection send its
 * whole per-second quota back to back at the start of each second, so "half the maximum rate" arrived as a
 * burst at full speed followed by silence (lib/httpClient.js, `reqsMadeThisSecond`), which measures the
 * burst, not the rate.
 */
export async function runPaced(options: Omit<LoadOptions, "connections" | "overallRate" | "amount"> & { rate: number; durationSeconds: number }): Promise<LoadResult> {
  const { Agent, request } = await import("node:http");
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const expectStatus = options.expect ?? ((status: number) => status >= 200 && status < 300);
  // With several instances, request k goes to instance k mod n.
  const origins = (instances.length < 2 ? [options.url] : instances.map((_, i) => onInstance(options.url, i))).map((u) => new URL(u));
  const origin = origins[0]!;
  let sent = 0;
  const total = Math.max(1, Math.round(options.rate * options.durationSeconds));
  const latencies: number[] = [];
  const unexpected: Record<string, number> = {};
  let ok = 0;
  let errors = 0;
  const send = (dueAt: number, retried = false) =>
    new Promise<void>((resolve) => {
      const body = typeof options.body === "function" ? options.body() : options.body;
      const to = origins[sent++ % origins.length]!;
      const req = request(
        {
          agent,
          host: to.hostname,
          port: to.port,
          method: options.method ?? "GET",
          path: options.path ? options.path() : `${origin.pathname}${origin.search}`,
          headers: { ...options.headers, ...options.headersPerRequest?.(), ...(body !== undefined ? { "content-length": Buffer.byteLength(body) } : {}) },
          timeout: 10_000,
        },
        (res) => {
          res.resume();
          res.on("end", () => {
            latencies.push(performance.now() - dueAt);
            const status = res.statusCode ?? 0;
            if (expectStatus(status)) ok += 1;
            else unexpected[status] = (unexpected[status] ?? 0) + 1;
            resolve();
          });
        },
      );
      req.on("error", (error: NodeJS.ErrnoException) => {
        // The server closed an idle keep-alive connection just as this request went out on it: send it again
        // on a fresh one, as Node's documentation advises (`request.reusedSocket`). Charged from its due time.
        if (!retried && req.reusedSocket && error.code === "ECONNRESET") {
          void send(dueAt, true).then(resolve);
          return;
        }
        errors += 1;
        resolve();
      });
      req.on("timeout", () => req.destroy(new Error("timeout")));
      if (body !== undefined) req.write(body);
      req.end();
    });
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  let next = 0;
  while (next < total) {
    const now = performance.now();
    // Everything due by now goes out (a late timer sends the backlog at once, charged from its due time).
    while (next < total && started + (next * 1000) / options.rate <= now) inFlight.push(send(started + (next++ * 1000) / options.rate));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + (next * 1000) / options.rate - performance.now())));
  }
  await Promise.all(inFlight);
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  const at = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN);
  return {
    rate: Math.round(ok / options.durationSeconds),
    ok,
    unexpected,
    errors,
    latencyMs: { p50: at(50), p90: at(90), p99: at(99), max: Math.round(sorted.at(-1) ?? NaN), mean: Math.round((sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)) * 10) / 10 },
    durationSeconds: options.durationSeconds,
  };
}
