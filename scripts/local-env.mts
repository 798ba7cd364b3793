import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

/**
 * Fills in what a fresh clone lacks so `npm run dev` needs no hand-written .env: a session secret generated
 * once and kept in .paylink/ (git-ignored), so sign-ins survive restarts. Variables already set win.
 */
export function prepareLocalEnv(): void {
  mkdirSync(".paylink", { recursive: true });
  if (!process.env.AUTH_SECRET) {
    const file = ".paylink/auth-secret";
    if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    process.env.AUTH_SECRET = readFileSync(file, "utf8").trim();
  }
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
}
