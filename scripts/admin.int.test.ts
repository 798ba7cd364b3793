import { spawn } from "node:child_process";
import { eq } from "drizzle-orm";
import { describe, expect, inject, test } from "vitest";
import { listApiKeys } from "@/db/queries/api-keys";
import { findMembership } from "@/db/queries/memberships";
import { findUserByEmail } from "@/db/queries/users";
import { merchants } from "@/db/schema";
import { createConnectedMerchant } from "@/lib/services/create-connected-merchant";
import { createMerchant } from "@/lib/services/create-merchant";
import { enablePlatform } from "@/lib/services/enable-platform";
import { authenticateApiKey } from "@/lib/services/authenticate-api-key";
import { describeOnerwayCredentials, onerwayKeysOf } from "@/lib/services/onerway-credentials";
import { openTestDatabase, uniqueEmail } from "@/test/db";

// Runs the real `admin` command in a child process against the run's PostgreSQL database, as an operator would.
// Each test makes its own merchants and emails, so a describe's tests run side by side: 24 child processes one
// after another were ~2 minutes of waiting, the integration suite's longest file.

const { db } = await openTestDatabase();

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The app's AUTH_SECRET as the commands see it: create-onerway-credentials seals the keys with it. */
const AUTH_SECRET = "admin-cli-test-auth-secret-0123456789abcdef";

function admin(...args: string[]): Promise<Run> {
  return adminWithEnv({}, ...args);
}

function adminWithEnv(env: Record<string, string | undefined>, ...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    // node with tsx's loader, as `npm run admin` runs it, without npx's own second or so per call (24 calls).
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/admin.mts", ...args], {
      // An undefined value leaves the variable out.
      env: { ...process.env, DATABASE_URL: inject("databaseUrl"), DATABASE_POOL_SIZE: "2", AUTH_SECRET, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** What the command printed: stdout must be nothing but JSON. */
function output(run: Run): Record<string, unknown> {
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

/** The error the command reported: the last line of stderr (npx may print its own warnings first). */
function error(run: Run): Record<string, unknown> {
  expect(run.code).not.toBe(0);
  expect(run.stdout).toBe("");
  expect(run.stderr).not.toMatch(/^\s+at /m);
  return JSON.parse(run.stderr.trim().split("\n").at(-1)!);
}

function expectUsageError(run: Run, code: string, param: string | null) {
  expect(error(run)).toEqual({ error: { code, message: expect.any(String), param } });
  expect(run.code).toBe(2);
}

async function createMerchantWithCli(email = uniqueEmail("admin")) {
  const run = await admin("create-merchant", "--email", email, "--password", "a long enough password", "--name", "Ops Roasters", "--country", "jp", "--currency", "jpy");
  return { email, output: output(run) };
}

describe.concurrent("admin create-merchant", { timeout: 120_000 }, () => {
  test("creates the owner and the business and prints their ids", async () => {
    const { output: created } = await createMerchantWithCli();
    expect(created).toEqual({ user_id: expect.stringMatching(/^usr_/), merchant_id: expect.stringMatching(/^mch_/) });
    const [merchant] = await db.select().from(merchants).where(eq(merchants.id, String(created.merchant_id)));
    expect(merchant).toMatchObject({ name: "Ops Roasters", country: "JP", defaultCurrency: "JPY" });
    expect(await findMembership(db, { userId: String(created.user_id), merchantId: String(created.merchant_id) })).toMatchObject({ role: "owner" });
  });

  test("refuses an email that already has an account, with exit code 1", async () => {
    const { email } = await createMerchantWithCli();
    const run = await admin("create-merchant", "--email", email.toUpperCase(), "--password", "a long enough password", "--name", "Again");
    expect(error(run)).toMatchObject({ error: { code: "resource_conflict", param: "email", message: expect.stringContaining("already exists") } });
    expect(run.code).toBe(1);
  });

  // Nine CLI processes (each a tsx start, ~3 s alone) at once on two cores, beside the other files: more than
  // the default 30 s when the machine is busy.
  test("bad flags and values exit 2 with a JSON error on stderr, and create nothing", { timeout: 120_000 }, async () => {
    const email = uniqueEmail("bad");
    const ok = ["--email", email, "--password", "a long enough password", "--name", "X"];
    const cases: [string[], string, string | null][] = [
      [["create-merchant", "--email", email, "--name", "No password"], "parameter_missing", "password"],
      [["create-merchant", ...ok, "--colour", "red"], "parameter_unknown", "colour"],
      [["create-merchant", ...ok, "--mode", "test"], "parameter_unknown", "mode"],
      [["create-merchant", "--email"], "parameter_invalid", "email"],
      [["create-merchant", ...ok, "stray"], "parameter_unknown", null],
      [["create-merchant", "--email", email, "--password", "short", "--name", "X"], "parameter_invalid", "password"],
      [["create-merchant", ...ok, "--currency", "ZZZ"], "parameter_invalid", "currency"],
      [["make-coffee"], "parameter_unknown", "command"],
      [[], "parameter_missing", "command"],
    ];
    const runs = await Promise.all(cases.map(([args]) => admin(...args)));
    runs.forEach((run, i) => expectUsageError(run, cases[i]![1], cases[i]![2]));
    expect(await findUserByEmail(db, email)).toBeNull();
  });
});

describe.concurrent("admin create-api-key", { timeout: 120_000 }, () => {
  test("by merchant id: prints a test key that authenticates as that merchant", async () => {
    const { output: merchant } = await createMerchantWithCli();
    const key = output(await admin("create-api-key", "--merchant", String(merchant.merchant_id), "--mode", "test", "--name", "Ops import"));
    expect(key).toEqual({
      id: expect.stringMatching(/^key_/),
      secret: expect.stringMatching(/^sk_test_[0-9A-Za-z]{32}$/),
      livemode: false,
      merchant_id: merchant.merchant_id,
    });
    const [stored] = await listApiKeys(db, { merchantId: String(merchant.merchant_id), livemode: false });
    expect(stored).toMatchObject({ id: key.id, name: "Ops import", last4: String(key.secret).slice(-4) });
    expect(JSON.stringify(stored)).not.toContain(String(key.secret));
    await expect(authenticateApiKey(db, `Bearer ${key.secret}`)).resolves.toEqual({
      apiKeyId: key.id,
      merchantId: merchant.merchant_id,
      livemode: false,
      rateLimitWaitMs: 0,
    });
  });

  test("by owner email: a live key for the one business that user owns", async () => {
    const { email, output: merchant } = await createMerchantWithCli();
    const key = output(await admin("create-api-key", "--merchant", email.toUpperCase(), "--mode", "live"));
    expect(key).toMatchObject({ secret: expect.stringMatching(/^sk_live_[0-9A-Za-z]{32}$/), livemode: true, merchant_id: merchant.merchant_id });
    await expect(authenticateApiKey(db, `Bearer ${key.secret}`)).resolves.toMatchObject({ merchantId: merchant.merchant_id, livemode: true });
  });

  test("an email that owns several businesses is ambiguous: the error lists their ids", async () => {
    const { email, output } = await createMerchantWithCli();
    const second = await createMerchant(db, { userId: String(output.user_id) }, { businessName: "Second", country: "US", currency: "USD" });
    const run = await admin("create-api-key", "--merchant", email, "--mode", "test");
    expectUsageError(run, "parameter_invalid", "merchant");
    expect(run.stderr).toContain(String(output.merchant_id));
    expect(run.stderr).toContain(second.merchantId);
  });

  test("an unknown merchant or email exits 1 with resource_missing", async () => {
    const runs = await Promise.all(["mch_doesnotexist", uniqueEmail("nobody")].map((merchant) => admin("create-api-key", "--merchant", merchant, "--mode", "test")));
    for (const run of runs) {
      expect(error(run)).toMatchObject({ error: { code: "resource_missing", param: "merchant" } });
      expect(run.code).toBe(1);
    }
  });

  test("bad flags", async () => {
    const cases: [string[], string, string | null][] = [
      [["--merchant", "mch_x", "--mode", "production"], "parameter_invalid", "mode"],
      [["--merchant", "mch_x"], "parameter_missing", "mode"],
      [["--mode", "test"], "parameter_missing", "merchant"],
      [["--merchant", "Demo Coffee", "--mode", "test"], "parameter_invalid", "merchant"],
      [["mch_x", "--mode", "test"], "parameter_unknown", null],
      [["--merchant", "mch_x", "--mode", "test", "--secret", "sk_test_x"], "parameter_unknown", "secret"],
    ];
    const runs = await Promise.all(cases.map(([args]) => admin("create-api-key", ...args)));
    runs.forEach((run, i) => expectUsageError(run, cases[i]![1], cases[i]![2]));
  });
});

describe.concurrent("admin create-onerway-credentials", { timeout: 120_000 }, () => {
  /** The keys the app would check a signature against: only what opens under its AUTH_SECRET. */
  async function keysOf(merchantNo: unknown) {
    const found = await onerwayKeysOf(db, String(merchantNo), AUTH_SECRET);
    return found && { merchantId: found.merchantId, keys: [...found.keys].sort((a, b) => Number(a.livemode) - Number(b.livemode)) };
  }

  test("by merchant id: a merchant number and a test key that the app opens", async () => {
    const { output: merchant } = await createMerchantWithCli();
    const credentials = output(await admin("create-onerway-credentials", "--merchant", String(merchant.merchant_id), "--mode", "test"));
    expect(credentials).toEqual({ merchant_no: expect.stringMatching(/^\d{1,20}$/), secret_key: expect.stringMatching(/^[0-9a-f]{64}$/), livemode: false });
    expect(await keysOf(credentials.merchant_no)).toEqual({ merchantId: merchant.merchant_id, keys: [{ livemode: false, secretKey: credentials.secret_key }] });
  });

  test("by owner email: a second call replaces the mode's key, the other mode gets its own; the merchant number stays", { timeout: 120_000 }, async () => {
    const { email, output: merchant } = await createMerchantWithCli();
    const first = output(await admin("create-onerway-credentials", "--merchant", email.toUpperCase(), "--mode", "test"));
    const second = output(await admin("create-onerway-credentials", "--merchant", email, "--mode", "test"));
    expect(second).toEqual({ merchant_no: first.merchant_no, secret_key: expect.stringMatching(/^[0-9a-f]{64}$/), livemode: false });
    expect(second.secret_key).not.toBe(first.secret_key);
    expect(await keysOf(first.merchant_no)).toEqual({ merchantId: merchant.merchant_id, keys: [{ livemode: false, secretKey: second.secret_key }] });

    const live = output(await admin("create-onerway-credentials", "--merchant", String(merchant.merchant_id), "--mode", "live"));
    expect(live).toEqual({ merchant_no: first.merchant_no, secret_key: expect.stringMatching(/^[0-9a-f]{64}$/), livemode: true });
    expect(await keysOf(first.merchant_no)).toEqual({
      merchantId: merchant.merchant_id,
      keys: [
        { livemode: false, secretKey: second.secret_key },
        { livemode: true, secretKey: live.secret_key },
      ],
    });
  });

  test("an unknown merchant or email exits 1 with resource_missing", async () => {
    const runs = await Promise.all(["mch_doesnotexist", uniqueEmail("nobody")].map((merchant) => admin("create-onerway-credentials", "--merchant", merchant, "--mode", "test")));
    for (const run of runs) {
      expect(error(run)).toMatchObject({ error: { code: "resource_missing", param: "merchant" } });
      expect(run.code).toBe(1);
    }
  });

  // A key sealed under a made-up secret would be printed but never open in the app.
  test("without AUTH_SECRET on PostgreSQL it refuses, with exit code 1, and creates nothing", async () => {
    const { output: merchant } = await createMerchantWithCli();
    const run = await adminWithEnv({ AUTH_SECRET: undefined }, "create-onerway-credentials", "--merchant", String(merchant.merchant_id), "--mode", "test");
    expect(error(run)).toEqual({ error: { code: "invalid_environment", message: expect.stringContaining("AUTH_SECRET"), param: null } });
    expect(run.code).toBe(1);
    expect(await describeOnerwayCredentials(db, String(merchant.merchant_id))).toEqual({ merchantNo: null, test: null, live: null });
  });

  test("bad flags", { timeout: 120_000 }, async () => {
    const cases: [string[], string, string | null][] = [
      [["--merchant", "mch_x", "--mode", "production"], "parameter_invalid", "mode"],
      [["--merchant", "mch_x"], "parameter_missing", "mode"],
      [["--mode", "live"], "parameter_missing", "merchant"],
      [["--merchant", "Demo Coffee", "--mode", "test"], "parameter_invalid", "merchant"],
      [["mch_x", "--mode", "test"], "parameter_unknown", null],
      [["--merchant", "mch_x", "--mode", "test", "--name", "CI"], "parameter_unknown", "name"],
      [["--merchant", "mch_x", "--mode"], "parameter_invalid", "mode"],
    ];
    const runs = await Promise.all(cases.map(([args]) => admin("create-onerway-credentials", ...args)));
    runs.forEach((run, i) => expectUsageError(run, cases[i]![1], cases[i]![2]));
  });
});

describe.concurrent("admin enable-platform", { timeout: 120_000 }, () => {
  async function isPlatform(merchantId: unknown) {
    const [row] = await db.select({ platform: merchants.platform }).from(merchants).where(eq(merchants.id, String(merchantId)));
    return row?.platform;
  }

  test("by merchant id, then by owner email: prints the contract's answer both times, and the business is a platform", { timeout: 120_000 }, async () => {
    const { email, output: merchant } = await createMerchantWithCli();
    expect(await isPlatform(merchant.merchant_id)).toBe(false);
    const first = await admin("enable-platform", "--merchant", String(merchant.merchant_id));
    expect(first.stdout).toBe(`${JSON.stringify({ merchant_id: merchant.merchant_id, platform: true })}\n`);
    expect(await isPlatform(merchant.merchant_id)).toBe(true);
    // Idempotent: again, by the owner's email, the same answer.
    expect(output(await admin("enable-platform", "--merchant", email.toUpperCase()))).toEqual({ merchant_id: merchant.merchant_id, platform: true });
    expect(await isPlatform(merchant.merchant_id)).toBe(true);
  });

  test("a connected merchant cannot be a platform: exit 1 with forbidden, and nothing changes", async () => {
    const { output: platform } = await createMerchantWithCli();
    const platformId = String(platform.merchant_id);
    await enablePlatform(db, { merchantId: platformId, by: "operator" });
    const connected = await createConnectedMerchant(db, { merchantId: platformId, livemode: false, appUrl: "https://pay.example.com" }, { name: "Shop", country: "US", default_currency: "USD" });
    const run = await admin("enable-platform", "--merchant", connected.id);
    expect(error(run)).toMatchObject({ error: { code: "forbidden", param: "merchant" } });
    expect(run.code).toBe(1);
    expect(await isPlatform(connected.id)).toBe(false);
  });

  test("an unknown merchant exits 1 with resource_missing; bad flags exit 2", { timeout: 120_000 }, async () => {
    const missing = await admin("enable-platform", "--merchant", "mch_doesnotexist");
    expect(error(missing)).toMatchObject({ error: { code: "resource_missing", param: "merchant" } });
    expect(missing.code).toBe(1);
    const cases: [string[], string, string | null][] = [
      [[], "parameter_missing", "merchant"],
      [["--merchant", "Demo Coffee"], "parameter_invalid", "merchant"],
      [["--merchant", "mch_x", "--mode", "live"], "parameter_unknown", "mode"],
      [["mch_x"], "parameter_unknown", null],
    ];
    const runs = await Promise.all(cases.map(([args]) => admin("enable-platform", ...args)));
    runs.forEach((run, i) => expectUsageError(run, cases[i]![1], cases[i]![2]));
  });
});

test("help lists every command", async () => {
  const help = output(await admin("help"));
  expect((help.commands as { usage: string }[]).map((c) => c.usage.split(" ")[0])).toEqual(["create-merchant", "create-api-key", "create-onerway-credentials", "enable-platform", "help"]);
});
