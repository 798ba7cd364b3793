import { eq, sql } from "drizzle-orm";
import { describe, expect, inject, test } from "vitest";
import { builtOnce, insertOnly, insertReturning } from "./built-once";
import { openPglite, openPostgres, type Database } from "./client";
import { events, merchants, orders, payments } from "./schema";

// A statement built once must run where it is called: on the pool, or on the open transaction's own
// connection — so it commits and rolls back with that transaction — on both drivers.

const insertMerchant = insertReturning("test_insert_merchant", merchants, ["id", "name", "country", "defaultCurrency"]);
const insertEvent = insertOnly("test_insert_event", events, ["id", "merchantId", "livemode", "type", "objectId", "data"]);
const insertOrder = insertReturning("test_insert_order", orders, ["id", "merchantId", "livemode", "token", "amount", "currency", "itemName", "expiresAt", "paymentMethods"]);
const insertPayment = insertReturning("test_insert_payment", payments, ["id", "orderId", "merchantId", "livemode", "method", "processor", "status", "details"]);
const merchantName = builtOnce((db) => db.select({ name: merchants.name }).from(merchants).where(eq(merchants.id, sql.placeholder("id"))).prepare("test_merchant_name"));

async function exercise(database: Database, tag: string) {
  const { db } = database;
  // Built first inside a transaction that then rolls back: the statement must outlive it, and its row must not.
  await expect(
    db.transaction(async (tx) => {
      const [row] = await insertMerchant(tx).execute({ id: `mch_${tag}_gone`, name: "Gone", country: "US", defaultCurrency: "USD" });
      expect(row).toMatchObject({ id: `mch_${tag}_gone`, brandColor: "#4f46e5" });
      expect(row!.createdAt).toBeInstanceOf(Date);
      // Seen by the transaction's own connection…
      expect(await merchantName(tx).execute({ id: `mch_${tag}_gone` })).toEqual([{ name: "Gone" }]);
      throw new Error("roll back");
    }),
  ).rejects.toThrow("roll back");
  expect(await merchantName(db).execute({ id: `mch_${tag}_gone` })).toEqual([]);

  // On the pool, then in a committed transaction and a savepoint inside it that rolls back alone.
  await insertMerchant(db).execute({ id: `mch_${tag}`, name: "Kept", country: "JP", defaultCurrency: "JPY" });
  await db.transaction(async (tx) => {
    await insertEvent(tx).execute({ id: `evt_${tag}_1`, merchantId: `mch_${tag}`, livemode: false, type: "payment_link.created", objectId: "plink_1", data: { object: { id: "plink_1", amount: 1200 } } });
    await tx
      .transaction(async (savepoint) => {
        await insertEvent(savepoint).execute({ id: `evt_${tag}_2`, merchantId: `mch_${tag}`, livemode: false, type: "payment_link.created", objectId: "plink_2", data: { object: { id: "plink_2" } } });
        throw new Error("savepoint only");
      })
      .catch(() => {});
  });
  const kept = await db.select({ id: events.id, data: events.data }).from(events).where(eq(events.merchantId, `mch_${tag}`));
  // The JSON column went through its encoder (an object, not "[object Object]").
  expect(kept).toEqual([{ id: `evt_${tag}_1`, data: { object: { id: "plink_1", amount: 1200 } } }]);
  expect(await merchantName(db).execute({ id: `mch_${tag}` })).toEqual([{ name: "Kept" }]);

  // Values go through their columns' encoders (a Date, an array, JSON) and null stays SQL NULL, JSON columns too.
  const expiresAt = new Date("2030-01-02T03:04:05.678Z");
  const [order] = await insertOrder(db).execute({ id: `order_${tag}`, merchantId: `mch_${tag}`, livemode: false, token: `tok_${tag}`, amount: 1999, currency: "EUR", itemName: "Tea", expiresAt, paymentMethods: ["card", "sepa_debit"] });
  expect(order).toMatchObject({ expiresAt, paymentMethods: ["card", "sepa_debit"], amount: 1999 });
  for (const [id, details] of [[`pay_${tag}_a`, null], [`pay_${tag}_b`, { iban_country: "DE", iban_last4: "3000" }]] as const) {
    await insertPayment(db).execute({ id, orderId: order!.id, merchantId: `mch_${tag}`, livemode: false, method: "card", processor: "simulator", status: "authorizing", details });
  }
  const stored = await db.select({ id: payments.id, details: payments.details, none: sql<boolean>`${payments.details} is null` }).from(payments).where(eq(payments.orderId, order!.id)).orderBy(payments.id);
  expect(stored).toEqual([
    { id: `pay_${tag}_a`, details: null, none: true },
    { id: `pay_${tag}_b`, details: { iban_country: "DE", iban_last4: "3000" }, none: false },
  ]);
  // A value left undefined is a mistake, not a NULL.
  expect(() => insertPayment(db).execute({ id: "x", orderId: order!.id, merchantId: `mch_${tag}`, livemode: false, method: "card", processor: "simulator", status: "authorizing", details: undefined as never })).toThrow("no value for details");
}

describe("statements built once run on the handle they are called with", () => {
  test("PostgreSQL: the pool, a transaction, a savepoint", async () => {
    const database = await openPostgres(inject("databaseUrl"), 2);
    try {
      await exercise(database, `pg${Date.now()}`);
    } finally {
      await database.close();
    }
  });

  // PGlite migrates in WebAssembly on this thread: slow beside other test files on 2 cores.
  test("PGlite: the same", { timeout: 120_000 }, async () => {
    const database = await openPglite("memory://");
    try {
      await database.migrate();
      await exercise(database, "lite");
    } finally {
      await database.close();
    }
  });

  test("a column missing from the table is refused when the statement is declared", () => {
    expect(() => insertOnly("bad", events, ["id", "nope" as "id"])).toThrow("no column nope");
  });
});
