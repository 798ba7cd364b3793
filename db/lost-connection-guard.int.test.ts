// A connection lost under a transaction (what a PostgreSQL restart does to every open one) must reject the
// transaction and leave the process and the pool working. Without the guard, postgres.js 3.4.9 writes ROLLBACK
// on the dead connection and a TypeError from a timer ends the test process itself.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { openPostgres, type Database } from "./client";
import { isConnectionLost, isDatabaseUnavailable } from "./unavailable";

let database: Database;
let admin: Database;
beforeAll(async () => {
  database = await openPostgres(inject("databaseUrl"), 2);
  admin = await openPostgres(inject("databaseUrl"), 1);
});
afterAll(async () => {
  await database.close();
  await admin.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Ends the session whose application_name is `tag` the way a fast shutdown does (SIGTERM: FATAL 57P01). */
async function terminateSoon(tag: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const rows = (await admin.db.execute(sql`select pg_terminate_backend(pid) as done from pg_stat_activity where application_name = ${tag}`)) as unknown as { done: boolean }[];
    if (rows.some((r) => r.done)) return;
    await sleep(20);
  }
  throw new Error(`no session tagged ${tag}`);
}

async function outcome(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => "committed",
    (error: unknown) => error,
  );
}

/**
 * The pool answers again at once. The first query on a connection that reconnected after a FATAL may fail
 * once more with that same FATAL (postgres.js keeps the last error response across the reconnect): allowed,
 * as long as it is a connection error and the rest answer; a slot poisoned by the failed write would instead
 * make its queries wait out connect_timeout (5 s).
 */
async function poolStillWorks(): Promise<void> {
  const started = Date.now();
  const failures: unknown[] = [];
  let answered = 0;
  for (let i = 0; i < 8; i++) {
    try {
      const rows = (await database.db.execute(sql`select 1 as one`)) as unknown as { one: number }[];
      if (rows[0]?.one === 1) answered++;
    } catch (error) {
      failures.push(error);
    }
  }
  expect(failures.filter((e) => !isDatabaseUnavailable(e))).toEqual([]);
  expect(failures.length).toBeLessThanOrEqual(2);
  expect(answered).toBeGreaterThanOrEqual(6);
  expect(Date.now() - started).toBeLessThan(3_000);
}

test("a transaction whose connection is terminated mid-query rejects with a lost-connection error", async () => {
  const tag = `guard-tx-${process.pid}`;
  // outcome() at once: the promise may reject while terminateSoon is still polling, and a rejection nobody
  // has handled yet is an unhandled rejection even if it is awaited a moment later.
  const transaction = outcome(database.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('application_name', ${tag}, false)`);
    await tx.execute(sql`select pg_sleep(5)`);
  }));
  await terminateSoon(tag);
  const error = await transaction;
  expect(isConnectionLost(error), String(error)).toBe(true);
  await sleep(50); // the deferred write would have run (and thrown) by now
  await poolStillWorks();
});

test("the same inside a savepoint (a nested transaction)", async () => {
  const tag = `guard-savepoint-${process.pid}`;
  const transaction = outcome(database.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('application_name', ${tag}, false)`);
    await tx.transaction(async (inner) => {
      await inner.execute(sql`select pg_sleep(5)`);
    });
  }));
  await terminateSoon(tag);
  const error = await transaction;
  expect(isConnectionLost(error), String(error)).toBe(true);
  await sleep(50);
  await poolStillWorks();
});

test("a transaction that catches the error and carries on is refused, not sent on the dead connection", async () => {
  const tag = `guard-carry-on-${process.pid}`;
  let second: unknown = null;
  const transaction = outcome(database.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('application_name', ${tag}, false)`);
    await tx.execute(sql`select pg_sleep(5)`).catch(() => {});
    await sleep(100);
    second = await outcome(tx.execute(sql`select 1`));
  }));
  await terminateSoon(tag);
  const error = await transaction;
  expect(isConnectionLost(error), String(error)).toBe(true);
  await sleep(300);
  expect(isConnectionLost(second), String(second)).toBe(true);
  await poolStillWorks();
});

test("a multi-statement script on a reserved connection (exec) that loses it leaves the pool working", async () => {
  const tag = `guard-exec-${process.pid}`;
  const script = outcome(database.exec(`select set_config('application_name', '${tag}', false); select pg_sleep(5);`));
  await terminateSoon(tag);
  const error = await script;
  expect(isConnectionLost(error), String(error)).toBe(true);
  await sleep(50);
  await poolStillWorks();
});

test("an ordinary failure still rolls back as usual", async () => {
  await expect(
    database.db.transaction(async (tx) => {
      await tx.execute(sql`create temporary table guard_probe (n int) on commit drop`);
      await tx.execute(sql`select 1 / 0`);
    }),
  ).rejects.toThrow();
  await poolStillWorks();
});
