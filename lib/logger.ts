import pino, { type Logger } from "pino";
import { getEnv } from "./env";

export type { Logger } from "pino";

// Field paths whose values never reach a log line, whatever a caller passes in.
const REDACT = [
  "password",
  "*.password",
  "passwordHash",
  "*.passwordHash",
  "secret",
  "*.secret",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "headers.cookie",
  "cookie",
  "card",
  "*.card",
  "cardNumber",
  "*.cardNumber",
  "cvc",
  "*.cvc",
];

/** A JSON-lines logger with the project's redaction rules; `destination` defaults to stdout. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: "paylink" },
    redact: { paths: REDACT, censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  };
  return destination ? pino(options, destination) : pino(options);
}

let root: Logger | undefined;

/** The process logger: one JSON object per line on stdout. */
export function logger(): Logger {
  root ??= createLogger(getEnv().LOG_LEVEL);
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
