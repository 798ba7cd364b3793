import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { merchants, onerwayCredentials } from "@/db/schema";
import type { MerchantScope } from "@/lib/core/scope";
import { openSecret, sealSecret } from "@/lib/onerway/secret-box";

// The Onerway-compatible API's credentials (API.md, "Onerway-compatible endpoints"): one merchant number per
// merchant, one secret key per mode. A new key replaces the mode's old one at once.

export interface NewOnerwayCredentials {
  merchant_no: string;
  /** Shown once. */
  secret_key: string;
  livemode: boolean;
}

/** What the dashboard may show of a mode's key: never the key. */
export interface OnerwayKeySummary {
  last4: string;
  createdAt: Date;
}

/** Makes (or replaces) the secret key of the scope's mode, and the merchant number on first use. */
export async function createOnerwayCredentials(db: Db, scope: MerchantScope, authSecret: string): Promise<NewOnerwayCredentials> {
  const secretKey = randomBytes(32).toString("hex");
  return db.transaction(async (tx) => {
    // The number is given once and kept: both modes and every rotation use it.
    const [merchant] = await tx
      .update(merchants)
      .set({ onerwayMerchantNo: sql`coalesce(${merchants.onerwayMerchantNo}, nextval('onerway_merchant_no_seq')::text)` })
      .where(eq(merchants.id, scope.merchantId))
      .returning({ merchantNo: merchants.onerwayMerchantNo });
    if (!merchant?.merchantNo) throw new Error(`no merchant ${scope.merchantId}`);
    const row = { merchantId: scope.merchantId, livemode: scope.livemode, secretKeyCiphertext: sealSecret(secretKey, authSecret), last4: secretKey.slice(-4), createdAt: new Date() };
    await tx
      .insert(onerwayCredentials)
      .values(row)
      .onConflictDoUpdate({ target: [onerwayCredentials.merchantId, onerwayCredentials.livemode], set: { secretKeyCiphertext: row.secretKeyCiphertext, last4: row.last4, createdAt: row.createdAt } });
    return { merchant_no: merchant.merchantNo, secret_key: secretKey, livemode: scope.livemode };
  });
}

/** The merchant number and each mode's key summary, for the Developers page. */
export async function describeOnerwayCredentials(db: Db, merchantId: string): Promise<{ merchantNo: string | null; test: OnerwayKeySummary | null; live: OnerwayKeySummary | null }> {
  const [merchant] = await db.select({ merchantNo: merchants.onerwayMerchantNo }).from(merchants).where(eq(merchants.id, merchantId));
  const rows = await db.select().from(onerwayCredentials).where(eq(onerwayCredentials.merchantId, merchantId));
  const summary = (livemode: boolean) => {
    const row = rows.find((r) => r.livemode === livemode);
    return row ? { last4: row.last4, createdAt: row.createdAt } : null;
  };
  return { merchantNo: merchant?.merchantNo ?? null, test: summary(false), live: summary(true) };
}

/** A merchant number's keys, opened, one per mode it has: what a request's signature is checked against. */
export async function onerwayKeysOf(db: Db, merchantNo: string, authSecret: string): Promise<{ merchantId: string; keys: { livemode: boolean; secretKey: string }[] } | null> {
  const rows = await db
    .select({ merchantId: merchants.id, livemode: onerwayCredentials.livemode, sealed: onerwayCredentials.secretKeyCiphertext })
    .from(merchants)
    .innerJoin(onerwayCredentials, eq(onerwayCredentials.merchantId, merchants.id))
    .where(eq(merchants.onerwayMerchantNo, merchantNo));
  if (rows.length === 0) return null;
  const keys = rows.flatMap((r) => {
    const secretKey = openSecret(r.sealed, authSecret);
    return secretKey ? [{ livemode: r.livemode, secretKey }] : [];
  });
  return { merchantId: rows[0]!.merchantId, keys };
}

/** Removes a mode's key (the endpoints then refuse that mode's requests). */
export async function revokeOnerwayKey(db: Db, scope: MerchantScope): Promise<boolean> {
  const deleted = await db
    .delete(onerwayCredentials)
    .where(and(eq(onerwayCredentials.merchantId, scope.merchantId), eq(onerwayCredentials.livemode, scope.livemode)))
    .returning({ merchantId: onerwayCredentials.merchantId });
  return deleted.length > 0;
}
