// npm run dev — the one command a newcomer runs: prepares the local environment, migrates and seeds the
// database (embedded PGlite unless DATABASE_URL is set), prints the demo sign-in, then starts `next dev`.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { databaseConfigFromEnv } from "@/db";
import { openDatabase } from "@/db/client";
import { seedDemo } from "@/lib/services/seed-demo-merchant";
import { getEnv } from "@/lib/core/env";
import { prepareLocalEnv } from "./local-env.mts";

prepareLocalEnv();
// Checkout URLs must point at the port the app really listens on.
process.env.APP_URL ||= `http://localhost:${process.env.PORT ?? "3000"}`;
try {
  getEnv();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const port = process.env.PORT ?? "3000";
const config = databaseConfigFromEnv();
// PGlite allows one process per data folder: this one must close it before the server opens it.
const database = await openDatabase(config);
let demo;
try {
  await database.migrate();
  demo = await seedDemo(database.db, process.env.APP_URL);
} finally {
  await database.close();
}

const where = config.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${config.dataDir}`;
console.log(`
  Paylink is starting on http://localhost:${port}  (database: ${where})
  Demo sign-in:  ${demo.email}  /  ${demo.password}
`);

// Next's own binary, not through npx: signals sent to this launcher must reach the server, which closes
// the embedded database cleanly on SIGINT/SIGTERM.
const nextBin = fileURLToPath(import.meta.resolve("next/dist/bin/next"));
const child = spawn(process.execPath, [nextBin, "dev", "--port", port, ...process.argv.slice(2)], { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
