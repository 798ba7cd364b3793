import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, test, inject } from "vitest";
import { openPostgres } from "@/db/client";
import { idempotencyKeys, orders, paymentLinks } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { uniqueEmail, openTestDatabase } from "@/test/db";
import { simulatorContext } from "@/test/payments";
import { createOrder } from "./create-order";
import { createPaymentLink } from "./create-payment-link";
import { deleteExpiredIdempotencyKeys, executeIdempotently, executeIdempotentlyAroundCommits, type IdempotentRequest } from "./idempotency";
import { signUp } from "./sign-up";

const { db } = await openTestDatabase();

async function newScope() {
  const { merchantId } = await signUp(db, { email: uniqueEmail("idem"), password: "a long enough password", businessName: "Idem", country: "US", currency: "USD" });
  return { merchantId, livemode: false, appUrl: "http://localhost:3000" };
}

const body = JSON.stringify({ item_name: "Coffee", amount: 450, currency: "USD", default_country: "US" });
const request = (key: string, overrides: Partial<IdempotentRequest> = {}): IdempotentRequest => ({ key, method: "POST", path: "/api/v1/payment_links", body, ...overrides });

function createLink(ctx: Awaited<ReturnType<typeof newScope>>) {
  return async (tx: typeof db) => ({ status: 201, body: JSON.stringify(await createPaymentLink(tx, ctx, JSON.parse(body))) });
}

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** A process that creates a link under key k6 and never answers (run with tsx from the repository root). */
const HOLDER = `
  const { openPostgres } = await import("./db/client.ts");
  const { executeIdempotently } = await import("./lib/services/idempotency.ts");
  const { createPaymentLink } = await import("./lib/services/create-payment-link.ts");
  const { db } = await openPostgres(process.env.HOLDER_DATABASE_URL, 1);
  const ctx = JSON.parse(process.env.HOLDER_SCOPE);
  const request = { key: "k6", method: "POST", path: "/api/v1/payment_links", body: process.env.HOLDER_BODY };
  await executeIdempotently(db, ctx, request, async (tx) => {
    await createPaymentLink(tx, ctx, JSON.parse(request.body));
    console.log("inside");
    await new Promise(() => {});
  });
`;

async function linkCount(merchantId: string) {
  return db.$count(paymentLinks, eq(paymentLinks.merchantId, merchantId));
}

describe("executeIdempotently", () => {
  test("the same key and body return the first response byte for byte", async () => {
    const ctx = await newScope();
    const first = await executeIdempotently(db, ctx, request("k1"), createLink(ctx));
    const second = await executeIdempotently(db, ctx, request("k1"), createLink(ctx));
    expect(first.replayed).toBe(false);
    expect(second).toEqual({ ...first, replayed: true });
    expect(await linkCount(ctx.merchantId)).toBe(1);
  });

  test("the same key with another body or path is refused with idempotency_key_reused", async () => {
    const ctx = await newScope();
    await executeIdempotently(db, ctx, request("k2"), createLink(ctx));
    await expect(executeIdempotently(db, ctx, request("k2", { body: body.replace("450", "451") }), createLink(ctx))).rejects.toMatchObject({ code: "idempotency_key_reused" });
    await expect(executeIdempotently(db, ctx, request("k2", { path: "/api/v1/orders" }), createLink(ctx))).rejects.toMatchObject({ code: "idempotency_key_reused" });
    expect(await linkCount(ctx.merchantId)).toBe(1);
  });

  test("keys are scoped to the merchant and the mode", async () => {
    const a = await newScope();
    const b = await newScope();
    await executeIdempotently(db, a, request("shared"), createLink(a));
    expect((await executeIdempotently(db, b, request("shared"), createLink(b))).replayed).toBe(false);
    const live = { ...a, livemode: true };
    expect((await executeIdempotently(db, live, request("shared"), createLink(live))).replayed).toBe(false);
  });

  test("a refused request is stored and replayed; a crash on our side releases the key", async () => {
    const ctx = await newScope();
    const refuse = async () => {
      throw new AppError("payment_link_inactive", "nope");
    };
    const refused = await executeIdempotently(db, ctx, request("k3"), refuse);
    expect(refused.status).toBe(409);
    expect((await executeIdempotently(db, ctx, request("k3"), createLink(ctx))).replayed).toBe(true);

    const crash = async () => {
      throw new Error("boom");
    };
    await expect(executeIdempotently(db, ctx, request("k4"), crash)).rejects.toThrow("boom");
    const retried = await executeIdempotently(db, ctx, request("k4"), createLink(ctx));
    expect([retried.status, retried.replayed]).toEqual([201, false]);
  });

  test("a request still running makes its twin answer idempotency_key_in_use", async () => {
    const ctx = await newScope();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = executeIdempotently(db, ctx, request("k5"), async (tx) => {
      await gate;
      return createLink(ctx)(tx);
    });
    await new Promise((r) => setTimeout(r, 100));
    await expect(executeIdempotently(db, ctx, request("k5"), createLink(ctx))).rejects.toMatchObject({ code: "idempotency_key_in_use" });
    release();
    expect((await slow).status).toBe(201);
  });

  test("a holder whose process is SIGKILLed frees its key at once: the retry runs the request, nothing doubled", { timeout: 60_000 }, async () => {
    const ctx = await newScope();
    // The holder is another process, killed mid-request: no catch, no finally, nothing released by hand.
    const holder = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", HOLDER], {
      cwd: ROOT,
      env: { ...process.env, HOLDER_DATABASE_URL: inject("databaseUrl"), HOLDER_SCOPE: JSON.stringify(ctx), HOLDER_BODY: body },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = new Promise((resolve) => holder.once("exit", resolve));
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("inside") && resolve());
        holder.once("exit", (code) => reject(new Error(`holder exited (${code}) before it held the key`)));
      });
      await expect(executeIdempotently(db, ctx, request("k6"), createLink(ctx))).rejects.toMatchObject({ code: "idempotency_key_in_use" });
      holder.kill("SIGKILL");
      await exited;
      const killedAt = Date.now();
      let retry;
      for (;;) {
        try {
          retry = await executeIdempotently(db, ctx, request("k6"), createLink(ctx));
          break;
        } catch (error) {
          // PostgreSQL notices the closed connection and rolls its transaction back: a moment, not a minute.
          if ((error as AppError).code !== "idempotency_key_in_use" || Date.now() - killedAt > 5_000) throw error;
          await new Promise((r) => setTimeout(r, 20));
        }
      }
      expect([retry.status, retry.replayed]).toEqual([201, false]);
      expect(await linkCount(ctx.merchantId)).toBe(1);
    } finally {
      holder.kill("SIGKILL");
    }
  });

  test("a claim left incomplete by an older version is respected until it lapses, then taken over", async () => {
    const ctx = await newScope();
    // That version committed its claim before running the request; this is what its crash left behind.
    const { hashBody } = await import("./idempotency");
    await db.insert(idempotencyKeys).values({
      merchantId: ctx.merchantId,
      livemode: false,
      key: "k7",
      method: "POST",
      path: "/api/v1/payment_links",
      bodyHash: hashBody(body),
      claimId: "old-claim",
      lockedUntil: sql`now() + interval '1 minute'`,
    });
    await expect(executeIdempotently(db, ctx, request("k7"), createLink(ctx))).rejects.toMatchObject({ code: "idempotency_key_in_use" });
    await db.update(idempotencyKeys).set({ lockedUntil: sql`now() - interval '1 second'` }).where(and(eq(idempotencyKeys.merchantId, ctx.merchantId), eq(idempotencyKeys.key, "k7")));
    const retry = await executeIdempotently(db, ctx, request("k7"), createLink(ctx));
    expect([retry.status, retry.replayed]).toEqual([201, false]);
    expect((await executeIdempotently(db, ctx, request("k7"), createLink(ctx))).replayed).toBe(true);
    expect(await linkCount(ctx.merchantId)).toBe(1);
  });

  test("a refused request's writes are rolled back, and the refusal is stored with the key", async () => {
    const ctx = await newScope();
    const refused = await executeIdempotently(db, ctx, request("k8"), async (tx) => {
      await createLink(ctx)(tx);
      throw new AppError("payment_link_inactive", "nope");
    });
    expect(refused.status).toBe(409);
    expect(await linkCount(ctx.merchantId)).toBe(0);
    expect(await executeIdempotently(db, ctx, request("k8"), createLink(ctx))).toEqual({ ...refused, replayed: true });
  });

  test("a refusal after a statement failed in the database (a duplicate order reference) is stored too; the first order stays alone", async () => {
    const ctx = await newScope();
    const paying = { ...ctx, ...simulatorContext(db) };
    const order = { amount: 900, currency: "USD", item_name: "Tea", reference: "dup-1" } as const;
    const orderRequest = (key: string) => request(key, { path: "/api/v1/orders", body: JSON.stringify(order) });
    const create = async (tx: typeof db) => ({ status: 201, body: JSON.stringify(await createOrder(tx, paying, order)) });
    expect((await executeIdempotently(db, ctx, orderRequest("o1"), create)).status).toBe(201);
    // The second insert breaks the unique reference: the transaction is aborted by the server, not just thrown out of.
    const refused = await executeIdempotently(db, ctx, orderRequest("o2"), create);
    expect(refused).toMatchObject({ status: 409, replayed: false });
    expect(JSON.parse(refused.body).error).toMatchObject({ code: "resource_conflict", param: "reference" });
    expect(await executeIdempotently(db, ctx, orderRequest("o2"), create)).toEqual({ ...refused, replayed: true });
    expect(await db.$count(orders, and(eq(orders.merchantId, ctx.merchantId), eq(orders.reference, "dup-1")))).toBe(1);
  });

  test("1,000 concurrent creates with one key yield exactly one link", async () => {
    const ctx = await newScope();
    // A pool of its own, wide enough that the requests really overlap in the database.
    const wide = await openPostgres(inject("databaseUrl"), 40);
    try {
      const started = performance.now();
      const outcomes = await Promise.allSettled(Array.from({ length: 1000 }, () => executeIdempotently(wide.db, ctx, request("race"), createLink(ctx))));
      const elapsed = performance.now() - started;
      const fulfilled = outcomes.filter((o) => o.status === "fulfilled").map((o) => o.value);
      const rejected = outcomes.filter((o) => o.status === "rejected").map((o) => o.reason);
      expect(await linkCount(ctx.merchantId)).toBe(1);
      expect(fulfilled.filter((o) => !o.replayed)).toHaveLength(1);
      const first = fulfilled.find((o) => !o.replayed)!;
      for (const o of fulfilled) expect(o.body).toBe(first.body);
      for (const r of rejected) expect(r).toMatchObject({ code: "idempotency_key_in_use" });
      console.log(`1000 concurrent idempotent creates: ${fulfilled.length} answered 201 (1 created, ${fulfilled.length - 1} replayed), ${rejected.length} in use, ${Math.round(elapsed)} ms`);
    } finally {
      await wide.close();
    }
  });

  test("once the response is stored, concurrent replays all replay: one replay is never 'in use' for another", async () => {
    const ctx = await newScope();
    const first = await executeIdempotently(db, ctx, request("replays"), createLink(ctx));
    const wide = await openPostgres(inject("databaseUrl"), 20);
    try {
      const replays = await Promise.all(Array.from({ length: 40 }, () => executeIdempotently(wide.db, ctx, request("replays"), createLink(ctx))));
      for (const replay of replays) expect(replay).toEqual({ ...first, replayed: true });
      // And a different body is still refused as a reuse, even while replays hold the key's lock.
      const mixed = await Promise.allSettled([
        ...Array.from({ length: 10 }, () => executeIdempotently(wide.db, ctx, request("replays"), createLink(ctx))),
        executeIdempotently(wide.db, ctx, request("replays", { body: "{}" }), createLink(ctx)),
      ]);
      expect(mixed.at(-1)).toMatchObject({ status: "rejected", reason: { code: "idempotency_key_reused" } });
      expect(mixed.slice(0, -1).every((o) => o.status === "fulfilled")).toBe(true);
    } finally {
      await wide.close();
    }
    expect(await linkCount(ctx.merchantId)).toBe(1);
  });

  test("keys older than 24 hours are cleaned up and can be used again", async () => {
    const ctx = await newScope();
    await executeIdempotently(db, ctx, request("old"), createLink(ctx));
    await db.update(idempotencyKeys).set({ createdAt: sql`now() - interval '25 hours'` }).where(and(eq(idempotencyKeys.merchantId, ctx.merchantId), eq(idempotencyKeys.key, "old")));
    expect((await executeIdempotently(db, ctx, request("old", { body: "{}" }), async () => ({ status: 200, body: "{}" }))).replayed).toBe(false);
    await db.update(idempotencyKeys).set({ createdAt: sql`now() - interval '25 hours'` }).where(and(eq(idempotencyKeys.merchantId, ctx.merchantId), eq(idempotencyKeys.key, "old")));
    expect(await deleteExpiredIdempotencyKeys(db)).toBeGreaterThanOrEqual(1);
    expect(await db.$count(idempotencyKeys, and(eq(idempotencyKeys.merchantId, ctx.merchantId), eq(idempotencyKeys.key, "old")))).toBe(0);
  });
});

test("maintenance removes expired rate-limit counters (sign-in and API) and idempotency keys only", async () => {
  const { runMaintenance } = await import("@/lib/jobs/maintenance");
  const { apiRateLimits, rateLimits } = await import("@/db/schema");
  for (const table of [rateLimits, apiRateLimits]) {
    await db.insert(table).values([
      { key: `maint-old-${Date.now()}`, points: 3, expire: new Date(Date.now() - 3_600_000) },
      { key: `maint-live-${Date.now()}`, points: 3, expire: new Date(Date.now() + 3_600_000) },
    ]);
  }
  const removed = await runMaintenance(db);
  expect(removed.rateLimits).toBeGreaterThanOrEqual(2);
  for (const table of [rateLimits, apiRateLimits]) {
    expect(await db.$count(table, sql`${table.key} like 'maint-live-%'`)).toBe(1);
    expect(await db.$count(table, sql`${table.key} like 'maint-old-%'`)).toBe(0);
  }
});

test("the API rate limit's counters skip the write-ahead log; sign-in throttling's do not", async () => {
  const rows = [...((await db.execute(sql`select relname, relpersistence from pg_class where relname in ('api_rate_limits', 'rate_limits') order by relname`)) as unknown as Iterable<{ relname: string; relpersistence: string }>)];
  expect(rows).toEqual([
    { relname: "api_rate_limits", relpersistence: "u" },
    { relname: "rate_limits", relpersistence: "p" },
  ]);
});

describe("executeIdempotentlyAroundCommits (a request that calls a processor)", () => {
  test("the claim is committed before the request runs: a twin is told the key is in use, then every retry replays; no transaction is open meanwhile", async () => {
    const ctx = await newScope();
    let release: () => void = () => {};
    const running = new Promise<void>((resolve) => (release = resolve));
    let runs = 0;
    const first = executeIdempotentlyAroundCommits(db, ctx, request("around-1"), 60, async () => {
      runs += 1;
      // While the "processor" thinks, the claim is visible to everyone: committed, incomplete.
      const [row] = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.merchantId, ctx.merchantId), eq(idempotencyKeys.key, "around-1")));
      expect(row).toMatchObject({ responseStatus: null, lockedUntil: expect.any(Date) });
      await running;
      return { status: 200, body: '{"captured":true}' };
    });
    await new Promise((r) => setTimeout(r, 100));
    await expect(executeIdempotentlyAroundCommits(db, ctx, request("around-1"), 60, async () => ({ status: 200, body: "twin" }))).rejects.toMatchObject({ code: "idempotency_key_in_use" });
    release();
    expect(await first).toEqual({ status: 200, body: '{"captured":true}', replayed: false });
    expect(await executeIdempotentlyAroundCommits(db, ctx, request("around-1"), 60, async () => ({ status: 200, body: "again" }))).toEqual({ status: 200, body: '{"captured":true}', replayed: true });
    expect(runs).toBe(1);
  });

  test("a refusal is stored as the key's answer; a failure on our side drops the claim so the client may retry at once", async () => {
    const ctx = await newScope();
    const refused = await executeIdempotentlyAroundCommits(db, ctx, request("around-2"), 60, async () => {
      throw new AppError("order_not_capturable", "Only an authorized order can be captured.");
    });
    expect(refused).toMatchObject({ status: 409, replayed: false });
    expect((await executeIdempotentlyAroundCommits(db, ctx, request("around-2"), 60, async () => ({ status: 200, body: "x" }))).replayed).toBe(true);

    await expect(executeIdempotentlyAroundCommits(db, ctx, request("around-3"), 60, async () => { throw new Error("processor exploded"); })).rejects.toThrow("processor exploded");
    expect(await executeIdempotentlyAroundCommits(db, ctx, request("around-3"), 60, async () => ({ status: 200, body: "ok" }))).toEqual({ status: 200, body: "ok", replayed: false });
  });
});
