// One load scenario with autocannon: a fixed time (or number of requests), N keep-alive connections, optionally
// a fixed overall rate, and a per-request hook for bodies that must differ. Returns what the report needs: the
// rate of answers with the expected status, latency percentiles, and everything that went wrong.
import autocannon from "autocannon";

export interface LoadOptions {
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
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

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
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
  const origin = new URL(options.url);
  const total = Math.max(1, Math.round(options.rate * options.durationSeconds));
  const latencies: number[] = [];
  const unexpected: Record<string, number> = {};
  let ok = 0;
  let errors = 0;
  const send = (dueAt: number, retried = false) =>
    new Promise<void>((resolve) => {
      const body = typeof options.body === "function" ? options.body() : options.body;
      const req = request(
        {
          agent,
          host: origin.hostname,
          port: origin.port,
          method: options.method ?? "GET",
          path: options.path ? options.path() : `${origin.pathname}${origin.search}`,
          headers: { ...options.headers, ...(body !== undefined ? { "content-length": Buffer.byteLength(body) } : {}) },
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
