import { z } from "zod";
// The one import from outside lib/core: the SMS provider registry, which imports nothing of ours either
// (eslint.config.mjs holds both to that), so that each provider's name and settings live in its own file.
import { findSmsProvider, smsProviderNames, smsProviderSettings } from "@/lib/messaging/sms/registry";

// The one module that reads process.env. Everything else imports `env` from here, so a wrong or missing
// variable is reported once, by name, when the process starts (instrumentation, worker, scripts).

const bool = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1");

const logLevel = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info");

/**
 * LOG_LEVEL alone, for the logger: a service may log wherever it runs (a test, a script) without the app's
 * other settings. An invalid value reads as "info" here; the app itself refuses to start on it (getEnv).
 */
export function getLogLevel(): z.infer<typeof logLevel> {
  const read = logLevel.safeParse(process.env.LOG_LEVEL || undefined);
  return read.success ? read.data : "info";
}

const fields = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** PostgreSQL connection string. Unset: the embedded PGlite database in PGLITE_DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  PGLITE_DATA_DIR: z.string().min(1).default(".paylink/pgdata"),
  /** Signs session cookies. `npm run dev` generates one into .paylink/ on first run. */
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)"),
  AUTH_TRUST_HOST: bool.default(true),
  /** Public base URL of the app, used to build absolute checkout URLs. */
  APP_URL: z.url().default("http://localhost:3000"),
  LOG_LEVEL: logLevel,
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For; the client's address is the entry
   * that many places from the right. 0: the app is reached directly and the TCP peer is the client.
   */
  TRUSTED_PROXY_COUNT: z.coerce.number().int().min(0).max(10).default(0),
  /** Failed sign-ins allowed per email and client address within LOGIN_WINDOW_SECONDS before blocking. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  /** Failed sign-ins allowed per email from all addresses together (a spread-out guesser). */
  LOGIN_ACCOUNT_MAX_FAILURES: z.coerce.number().int().min(1).default(20),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  /** Sign-ups allowed per client address within SIGNUP_WINDOW_SECONDS (each costs two argon2 runs). */
  SIGNUP_MAX_PER_ADDRESS: z.coerce.number().int().min(1).default(10),
  SIGNUP_WINDOW_SECONDS: z.coerce.number().int().min(1).default(3600),
  /** Checkout form posts allowed per client address and link (or order) within CHECKOUT_WINDOW_SECONDS. */
  CHECKOUT_MAX_SUBMISSIONS: z.coerce.number().int().min(1).default(20),
  CHECKOUT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(600),
  /** A payment waiting for the buyer (3-D Secure, wallet approval) fails after this long: `action_timeout`. */
  PAYMENT_ACTION_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(1800),
  /**
   * Demonstrations only: live-mode payments run on the simulated processor (and say so on every payment).
   * Off, a live checkout takes no payment until a real processor connector is configured.
   */
  SIMULATOR_LIVE_MODE: bool.default(false),
  /** Requests per second allowed per API key, shared by every app instance (0 turns the limit off). */
  API_RATE_LIMIT_PER_SECOND: z.coerce.number().int().min(0).default(100),
  /** Simulated processor: seconds until a bank transfer arrives, and until a refund settles. */
  SIMULATOR_BANK_TRANSFER_SECONDS: z.coerce.number().int().min(0).default(60),
  SIMULATOR_REFUND_SECONDS: z.coerce.number().int().min(0).default(10),
  /** Simulated processor: seconds until a shown PromptPay or PIX QR code is paid, and until a SEPA debit is collected (or fails). */
  SIMULATOR_QR_SECONDS: z.coerce.number().int().min(0).default(30),
  SIMULATOR_SEPA_SECONDS: z.coerce.number().int().min(0).default(60),
  /** Simulated processor: milliseconds an authorization takes to answer, as a real processor's round trip (drills set 2000). */
  SIMULATOR_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  /**
   * How long the app waits for a processor's answer to an authorization before it tells the buyer the payment
   * is processing and leaves the attempt to the recovery job, which asks the processor once it is older than
   * twice this (so the call it asks about has certainly ended).
   */
  CONNECTOR_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(30),
  /** How long a manual-capture authorization holds: an order not captured by then expires and the hold is released. */
  AUTHORIZATION_VALIDITY_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(168),
  /** How often the in-process scheduler settles paid orders (default daily) and sweeps expiries and async payments. */
  // setInterval overflows past 2^31 ms (24.8 days) and would then fire at once, over and over.
  SETTLEMENT_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(2_147_483, "must be at most 2147483 (24.8 days)").default(86_400),
  SCHEDULER_TICK_SECONDS: z.coerce.number().int().min(1).default(5),
  /** Retry delays after each failed webhook attempt, in seconds (the contract's schedule); tests shorten it. */
  WEBHOOK_RETRY_SCHEDULE_SECONDS: z
    .string()
    .regex(/^\d+(,\d+)*$/, "must be a comma-separated list of seconds, such as 5,300,1800")
    .default("5,300,1800,7200,18000,36000,36000")
    .transform((v) => v.split(",").map(Number)),
  // Below the delivery queue's 45 s job expiry, so a slow answer is never taken for a dead worker.
  WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(30).default(15),
  /** An endpoint failing this long without a single success is disabled. */
  WEBHOOK_DISABLE_AFTER_HOURS: z.coerce.number().int().min(1).default(120),
  /** Local development and tests only: lets webhooks reach loopback and private addresses. */
  WEBHOOK_ALLOW_PRIVATE_URLS: bool.default(false),
  /** Run the job worker inside the app process. Always on with the embedded database (one process). */
  WORKER_IN_PROCESS: bool.default(true),
  /** Serves the benchmark's baselines, /bench/bare and /bench/bare-route (npm run bench sets it). */
  PAYLINK_BENCH_ROUTES: bool.default(false),
  /** How long an API-created order stays payable when expires_at is not given. */
  ORDER_DEFAULT_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(24),
  /**
   * Email over SMTP: `smtps://…:465` (TLS from the first byte) or `smtp://user:pass@host:587`, which must upgrade
   * with STARTTLS unless the host is this machine or the URL says `?tls=optional` (lib/messaging/email-transport.ts).
   * Unset: every email goes to the built-in outbox (stored, readable in the dashboard).
   */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]+/, "must be an smtp:// or smtps:// URL")
    .optional(),
  /** The sender of every email, such as `Paylink <no-reply@pay.example.com>`. Required with SMTP_URL. */
  EMAIL_FROM: z.string().min(3).optional(),
  /**
   * The SMS provider (a name in lib/messaging/sms/registry.ts, such as `twilio`). Unset: SMS go to the outbox.
   * Each provider's own variables (TWILIO_…) come from its definition, so a new provider is one file.
   */
  SMS_PROVIDER: z.enum(smsProviderNames).optional(),
  ...smsProviderSettings,
  /**
   * Delays before each retry of a message whose transport failed (seconds); after the last one the message is
   * `failed` with the transport's reason.
   */
  MESSAGE_RETRY_SCHEDULE_SECONDS: z
    .string()
    .regex(/^\d+(,\d+)*$/, "must be a comma-separated list of seconds, such as 10,60,300")
    .default("10,60,300,1800,7200")
    .transform((v) => v.split(",").map(Number)),
  /**
   * Shows every email and SMS of the outbox (account emails included, with their sign-in links) at /outbox to
   * anyone. On by default only under `npm run dev`; never turn it on where strangers can reach the app.
   */
  OUTBOX_PAGE: bool.optional(),
  /** Account emails (verification, password reset, invitation) allowed per address and per client within the hour. */
  ACCOUNT_EMAIL_MAX_PER_HOUR: z.coerce.number().int().min(1).default(5),
  /**
   * Links and orders a merchant may send (email and SMS, per mode) within the hour: keeps a leaked key or a
   * compromised account from turning the installation's SMTP server and SMS account into a spam cannon.
   */
  SEND_MAX_PER_HOUR: z.coerce.number().int().min(1).default(500),
  /**
   * Connected merchants one platform may create per mode within the hour (more answer 429 `rate_limited`): each
   * brings allowances of its own (SEND_MAX_PER_HOUR, the API rate limit), which a platform must not multiply.
   */
  CONNECTED_MERCHANTS_MAX_PER_HOUR: z.coerce.number().int().min(1).default(100),
  /** Onerway-compatible `add` and `list` requests per merchant and mode per second (more answer 50134). */
  ONERWAY_RATE_LIMIT_PER_SECOND: z.coerce.number().int().min(1).default(20),
});

// Settings that only make sense together.
const schema = fields.superRefine((env, ctx) => {
  if (env.SMTP_URL && !env.EMAIL_FROM) ctx.addIssue({ code: "custom", path: ["EMAIL_FROM"], message: "is required with SMTP_URL" });
  const sms = env.SMS_PROVIDER ? findSmsProvider(env.SMS_PROVIDER) : null;
  for (const name of sms ? sms.required : []) {
    if (!(env as Record<string, unknown>)[name]) ctx.addIssue({ code: "custom", path: [name], message: `is required with SMS_PROVIDER=${env.SMS_PROVIDER}` });
  }
});

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {
  constructor(issues: string[]) {
    super(`Invalid environment:\n${issues.map((i) => `  - ${i}`).join("\n")}`);
    this.name = "EnvError";
  }
}

const databaseSchema = fields.pick({ NODE_ENV: true, DATABASE_URL: true, DATABASE_POOL_SIZE: true, PGLITE_DATA_DIR: true });
export type DatabaseEnv = z.infer<typeof databaseSchema>;

function parseWith<S extends z.ZodType>(target: S, source: Record<string, string | undefined>): z.infer<S> {
  // An empty string in a .env file means "unset", as people expect.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = target.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => {
        const name = issue.path.join(".");
        const message = issue.code === "invalid_type" && cleaned[name] === undefined ? "is required" : issue.message;
        return `${name} ${message}`;
      }),
    );
  }
  return result.data;
}

/** Parses an environment record; throws EnvError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  return parseWith(schema, source);
}

/** Only the database variables: what migrate and seed need, without the app's secrets. */
export function parseDatabaseEnv(source: Record<string, string | undefined>): DatabaseEnv {
  return parseWith(databaseSchema, source);
}

let cached: Env | undefined;

/** The validated environment of this process, parsed on first use. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The database part of the environment, for tools that only touch the database. */
export function getDatabaseEnv(): DatabaseEnv {
  return cached ?? parseDatabaseEnv(process.env);
}
