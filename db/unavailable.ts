// Whether an error means "the database cannot be reached right now" (it is restarting, crashed, or the network
// to it is down) rather than "this query is wrong". The first is answered 503 with Retry-After and waited out
// by the worker; the second is a bug. Pure: it reads only the errors' `code`, `cause` and `errors` fields, so
// it classifies postgres.js errors, drizzle's DrizzleQueryError (which wraps them in `cause`), Node's socket
// errors and AggregateError, and pg-boss's copies of them alike.

/** Node socket errors: nobody answered, or the connection broke. */
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "EHOSTDOWN",
  "ENETUNREACH",
  "ENETDOWN",
  "EAI_AGAIN",
]);

/** postgres.js's own: the connection closed under a query, the pool was ended, or connecting took too long. */
const DRIVER_CODES = new Set(["CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT"]);

/**
 * SQLSTATEs: class 08 (connection exception), 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03
 * cannot_connect_now (starting up or shutting down), and 53300 too_many_connections (full now, not later).
 */
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
const CONNECTION_EXCEPTION = /^08[0-9A-Z]{3}$/;

/** The codes that say a connection that was open is gone: the server ends such a session's transaction. */
const LOST_CODES = new Set(["ECONNRESET", "ECONNABORTED", "EPIPE", "CONNECTION_CLOSED", "57P01", "57P02"]);

function isUnavailableCode(code: string): boolean {
  return SOCKET_CODES.has(code) || DRIVER_CODES.has(code) || SQLSTATES.has(code) || CONNECTION_EXCEPTION.test(code);
}

interface Coded {
  code: string;
  message: string;
}

/** Every error in `error`'s cause chain and AggregateError lists, outermost first (cycles and depth bounded). */
function* errorChain(error: unknown): Generator<Record<string, unknown>> {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 20) {
    const current = queue.shift();
    if (current === null || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const record = current as Record<string, unknown>;
    yield record;
    if ("cause" in record) queue.push(record.cause);
    if (Array.isArray(record.errors)) queue.push(...record.errors);
  }
}

function firstCoded(error: unknown, accept: (code: string) => boolean): Coded | null {
  for (const e of errorChain(error)) {
    // Node's HTTP server says "aborted" (code ECONNRESET) when a client hangs up mid-request: not the database.
    if (e.message === "aborted") continue;
    if (typeof e.code === "string" && accept(e.code)) return { code: e.code, message: typeof e.message === "string" ? e.message : "" };
  }
  return null;
}

/** True when the error (or one it wraps) says the database is unreachable, restarting or refusing connections. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return firstCoded(error, isUnavailableCode) !== null;
}

/**
 * True when an established connection was lost under the error (reset, closed, or ended by a server shutdown):
 * whatever transaction it held is already rolled back on the server.
 */
export function isConnectionLost(error: unknown): boolean {
  return firstCoded(error, (code) => LOST_CODES.has(code) || CONNECTION_EXCEPTION.test(code)) !== null;
}

/**
 * What to log about an unavailable database: the code and the driver's own short message (never drizzle's
 * wrapper message, which quotes the SQL and its parameters), or null when the error is something else.
 */
export function describeDatabaseUnavailable(error: unknown): { code: string; message: string } | null {
  const found = firstCoded(error, isUnavailableCode);
  return found && { code: found.code, message: found.message.slice(0, 200) };
}
