// Starts the app for Playwright: a production build (made here unless SKIP_BUILD=1, which CI sets after
// its own build) served by `next start` on a fresh PostgreSQL database that is dropped on exit.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createDatabase, dropDatabase, e2eDatabaseFile, e2eServerLogFile } from "../test/databases.ts";
import { ensureBuild } from "./lib/build.ts";
import { serveCaughtMail, startMailCatcher } from "../test/mail-catcher.ts";

const port = process.env.E2E_PORT ?? "3100";

ensureBuild(fileURLToPath(new URL("..", import.meta.url)));

const { name, url } = await createDatabase("paylink_e2e");
// A real SMTP server for the app's email; the tests read what it caught over HTTP (e2e/mail.ts), on the
// port after the app's SMTP port.
const catcher = await startMailCatcher({ port: Number(port) + 25 });
await serveCaughtMail(catcher, Number(port) + 26);
// API tests set up merchants and keys through the services, on the database this server uses.
mkdirSync(".paylink", { recursive: true });
writeFileSync(e2eDatabaseFile(port), url);
// Everything the server prints also goes to a file, so tests can check what reaches the logs.
const logFile = createWriteStream(e2eServerLogFile(port), { flags: "w" });
const nextBin = fileURLToPath(import.meta.resolve("next/dist/bin/next"));
const server = spawn(process.execPath, [nextBin, "start", "--port", port, "--hostname", "127.0.0.1"], {
  stdio: ["ignore", "pipe", "pipe"],
  env: {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: url,
    DATABASE_POOL_SIZE: "10",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    AUTH_TRUST_HOST: "true",
    APP_URL: `http://127.0.0.1:${port}`,
    // Every e2e test signs up from 127.0.0.1: the per-address sign-up limit is tested over HTTP (test/http).
    SIGNUP_MAX_PER_ADDRESS: "100000",
    // High enough that parallel API tests never trip it; the rate-limit test uses its own key budget.
    API_RATE_LIMIT_PER_SECOND: process.env.API_RATE_LIMIT_PER_SECOND ?? "100",
    // Refunds and bank transfers settle within a second or two, so the tests see them happen.
    SIMULATOR_REFUND_SECONDS: "1",
    SIMULATOR_BANK_TRANSFER_SECONDS: "3600",
    // QR payments and SEPA debits wait for the test-mode buttons (the worker's own delivery is tested over HTTP).
    SIMULATOR_QR_SECONDS: "3600",
    SIMULATOR_SEPA_SECONDS: "3600",
    SCHEDULER_TICK_SECONDS: "1",
    // Webhook receivers in tests listen on 127.0.0.1; retries are compressed by configuration, not by code.
    WEBHOOK_ALLOW_PRIVATE_URLS: "true",
    WEBHOOK_RETRY_SCHEDULE_SECONDS: process.env.WEBHOOK_RETRY_SCHEDULE_SECONDS ?? "1,1,2,2,3,3,3",
    WORKER_IN_PROCESS: "true",
    SMTP_URL: catcher.url,
    EMAIL_FROM: "Paylink <no-reply@paylink.test>",
    // Every e2e test asks for its emails from 127.0.0.1.
    ACCOUNT_EMAIL_MAX_PER_HOUR: "100000",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
  },
});

server.stdout.pipe(logFile);
server.stderr.pipe(logFile);
server.stderr.pipe(process.stderr);

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  server.kill("SIGTERM");
  await new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once("exit", resolve)));
  await dropDatabase(name).catch((error) => console.error(`could not drop ${name}: ${error.message}`));
  process.exit(code);
}
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));
server.on("exit", (code) => void stop(code ?? 1));
