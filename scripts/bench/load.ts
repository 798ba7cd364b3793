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
