// Starts the app for Playwright: a production build (made here unless E2E_SKIP_BUILD=1, which CI sets after
// its own build) served by `next start` on a fresh PostgreSQL database that is dropped on exit.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { createDatabase, dropDatabase, e2eDatabaseFile } from "../test/databases.ts";

const port = process.env.E2E_PORT ?? "3100";

if (process.env.E2E_SKIP_BUILD !== "1") {
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const { name, url } = await createDatabase("paylink_e2e");
// API tests set up merchants and keys through the services, on the database this server uses.
mkdirSync(".paylink", { recursive: true });
writeFileSync(e2eDatabaseFile(port), url);
const server = spawn("npx", ["next", "start", "--port", port, "--hostname", "127.0.0.1"], {
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: url,
    DATABASE_POOL_SIZE: "10",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    AUTH_TRUST_HOST: "true",
    APP_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    // High enough that parallel API tests never trip it; the rate-limit test uses its own key budget.
    API_RATE_LIMIT_PER_SECOND: process.env.API_RATE_LIMIT_PER_SECOND ?? "100",
  },
});

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
