import { eq, sql } from "drizzle-orm";
import { inject, afterAll, expect, test } from "vitest";
import { executedRows, openPostgres } from "@/db/client";
import { paymentLinks } from "@/db/schema";
import { newMerchantScope } from "@/test/payments";
import { createPaymentLink } from "./create-payment-link";
import { recordLinkVisit } from "./record-link-visit";

// A checkout view is counted without waiting for the disk (its commit is asynchronous), and only its own
// commit: the connection goes back to the pool committing durably, for the payment that may come next on it.
// One connection, so every statement below runs on the connection the visit used.

const database = await openPostgres(inject("databaseUrl"), 1);
afterAll(() => database.close());
const { db } = database;

const setting = async (handle: typeof db) =>
  executedRows<{ value: string }>(await handle.execute(sql`select current_setting('synchronous_commit') as value`))[0]!.value;

async function newLink() {
  const scope = await newMerchantScope(db);
  const link = await createPaymentLink(db, { ...scope, appUrl: "https://pay.example.com" }, { item_name: "Socks", amount: 900, currency: "EUR", default_country: "DE" });
  return new URL(link.url).pathname.split("/").pop()!;
}

test("a visit's transaction commits without waiting for the disk; the next one on its connection waits again", async () => {
  const token = await newLink();
  expect(await setting(db)).toBe("on");
  // Inside a transaction the visit's setting lasts until that transaction ends.
  await db.transaction(async (tx) => {
    expect(await recordLinkVisit(tx, token, "qr")).not.toBeNull();
    expect(await setting(tx)).toBe("off");
  });
  expect(await setting(db)).toBe("on");
  // On its own (the page's case) the visit is its own transaction: the setting ends with it.
  expect(await recordLinkVisit(db, token)).not.toBeNull();
  expect(await setting(db)).toBe("on");
  const [row] = await db.select({ visits: paymentLinks.visitCount }).from(paymentLinks).where(eq(paymentLinks.token, token));
  expect(row!.visits).toBe(2);
});

test("a view of no link writes nothing and changes nothing", async () => {
  await db.transaction(async (tx) => {
    expect(await recordLinkVisit(tx, "no-such-token")).toBeNull();
    expect(await setting(tx)).toBe("on");
  });
});
