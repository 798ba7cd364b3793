import pino, { type Logger } from "pino";
import { getLogLevel } from "@/lib/core/env";

export type { Logger } from "pino";

/**
 * Keys whose values never reach a log line, at any depth, whatever a caller passes in: compared without case,
 * dashes or underscores (`Authorization`, `set-cookie`, `api_key`), and any key ending in "password",
 * "secret" or "token" (`newPassword`, `callbackSecret`, `csrfToken`). pino's own `redact` takes fixed paths
 * (`*.password` is one level deep), so a secret two objects down went out as it was.
 */
const SECRET_KEYS = new Set(["authorization", "cookie", "setcookie", "card", "cardnumber", "number", "cvc", "cvv", "iban", "apikey", "key", "hash", "passwordhash", "secrethash"]);
const SECRET_SUFFIXES = ["password", "secret", "token"];

function isSecretKey(key: string): boolean {
  const bare = key.toLowerCase().replace(/[-_]/g, "");
  return SECRET_KEYS.has(bare) || SECRET_SUFFIXES.some((suffix) => bare.endsWith(suffix));
}

// Our own credentials have recognisable shapes: API keys, webhook and callback secrets. Masked wherever they
// appear in a string (a message, a URL, a header someone logged whole), like card numbers.
const CREDENTIAL = /\b(?:sk_(?:test|live)_|whsec_)[A-Za-z0-9+/=_-]{6,}/g;

/** A string with card numbers and Paylink credentials masked. */
export function scrubSecrets(text: string): string {
  return scrubCardNumbers(text).replace(CREDENTIAL, "[redacted-credential]");
}

const MAX_DEPTH = 10;

/**
 * A copy of a log object with secret keys censored and secret-shaped strings masked, at any depth. Only
 * plain objects and arrays are walked (an Error keeps its type for pino's serializer); a cycle or anything
 * deeper than MAX_DEPTH is cut.
 */
export function redactForLog(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === "string") return scrubSecrets(value);
  if (value === null || typeof value !== "object") return value;
  if (seen.has(value) || depth >= MAX_DEPTH) return "[cut]";
  const isArray = Array.isArray(value);
  if (!isArray && Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
  seen.add(value);
  if (isArray) return value.map((item) => redactForLog(item, depth + 1, seen));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = isSecretKey(key) ? "[redacted]" : redactForLog(item, depth + 1, seen);
  return copy;
}

/** A JSON-lines logger with the project's redaction rules; `destination` defaults to stdout. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: "paylink" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      bindings: (bindings) => redactForLog(bindings) as Record<string, unknown>,
      log: (object) => redactForLog(object) as Record<string, unknown>,
    },
    hooks: {
      // The message itself: `log.info("…")` with a secret in the text.
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === "string" ? scrubSecrets(arg) : arg)) as Parameters<typeof method>);
      },
    },
  };
  const root = destination ? pino(options, destination) : pino(options);
  // pino applies `formatters.bindings` to the root's bindings only; a child's (`log.child({…})`) are
  // redacted here. Children are made with Object.create(parent), so they inherit this `child` too.
  const child = root.child;
  root.child = function redactedChild(this: Logger, bindings, childOptions) {
    return child.call(this, redactForLog(bindings) as typeof bindings, childOptions);
  } as typeof root.child;
  return root;
}

let root: Logger | undefined;

/** The process logger: one JSON object per line on stdout, at LOG_LEVEL (getLogLevel: that setting alone). */
export function logger(): Logger {
  root ??= createLogger(getLogLevel());
  return root;
}

/** A child logger whose every line carries the request id. */
export function requestLogger(requestId: string, parent: Logger = logger()): Logger {
  return parent.child({ requestId });
}

/**
 * Serializes an unexpected error for the log. Driver messages can quote parameter values, so anything that
 * looks like a card number is masked; the stack stays, since logs are never shown to clients.
 */
export function errorForLog(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  // drizzle wraps a failed statement as "Failed query: <the SQL> params: <the values>": log what the database
  // said instead (its message and SQLSTATE), never the statement or the values a buyer typed.
  const cause = error.cause instanceof Error && /^Failed query:/.test(error.message) ? error.cause : null;
  const shown = cause ?? error;
  const code = (shown as { code?: unknown }).code;
  return {
    type: shown.name,
    message: scrubCardNumbers(shown.message.replace(/^Failed query:[\s\S]*$/, "Failed query").slice(0, 500)),
    ...(typeof code === "string" ? { code } : {}),
    // Where it was thrown (one frame, ours if any) rather than the whole stack.
    ...(origin(shown.stack) ? { at: origin(shown.stack) } : {}),
  };
}

/** The first stack frame in the app's own code (else the first frame), as "file:line:column". */
function origin(stack: string | undefined): string | null {
  const frames = (stack ?? "").split("\n").filter((line) => line.trimStart().startsWith("at "));
  const ours = frames.find((line) => !line.includes("node_modules") && !line.includes("node:")) ?? frames[0];
  const location = ours && /\(?([^()\s]+:\d+:\d+)\)?\s*$/.exec(ours);
  return location ? location[1]!.replace(/^.*\/(?=(?:app|lib|db|scripts|server|chunks)\/)/, "") : null;
}

/** Masks anything shaped like a card number (13 to 19 digits, spaces or dashes between them allowed). */
export function scrubCardNumbers(text: string): string {
  return text.replace(/\b(?:\d[ -]?){12,18}\d\b/g, "[redacted-number]");
}
