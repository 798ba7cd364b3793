import { eq, sql } from "drizzle-orm";
import { builtOnce } from "../built-once";
import type { Db } from "../client";
import { merchants, paymentLinks, type PaymentLinkRow } from "../schema";

// Read-only look-ups of the public checkout, by the unguessable token of its URL (or the ids behind it).

/** The link behind /l/{token}, without counting a visit (recordLinkVisit counts one). */
export async function findLinkByToken(db: Db, token: string): Promise<PaymentLinkRow | null> {
  const [row] = await linkByToken(db).execute({ token });
  return row ?? null;
}

// The checkout's look-ups by token, built once (db/built-once.ts): each buyer's view and
// post asks, and drizzle's building of a SELECT took more of the app's time than the database's answer.
const linkByToken = builtOnce((db) => db.select().from(paymentLinks).where(eq(paymentLinks.token, sql.placeholder("token"))).limit(1).prepare("link_by_token"));
const merchantBrand = builtOnce((db) =>
  db
    .select({ name: merchants.name, brandColor: merchants.brandColor, logoUrl: merchants.logoUrl })
    .from(merchants)
    .where(eq(merchants.id, sql.placeholder("merchantId")))
    .limit(1)
    .prepare("merchant_brand"),
);

export async function findLinkById(db: Db, id: string): Promise<PaymentLinkRow | null> {
  const [row] = await db.select().from(paymentLinks).where(eq(paymentLinks.id, id)).limit(1);
  return row ?? null;
}

export interface MerchantBrand {
  name: string;
  brandColor: string;
  logoUrl: string | null;
}

/** What the checkout shows of a merchant: name, brand colour and logo. */
export async function findMerchantBrand(db: Db, merchantId: string): Promise<MerchantBrand | null> {
  const [row] = await merchantBrand(db).execute({ merchantId });
  return row ?? null;
}

// Built once: every payment attempt reads the name its processor shows on the buyer's statement.
const merchantName = builtOnce((db) => db.select({ name: merchants.name }).from(merchants).where(eq(merchants.id, sql.placeholder("merchantId"))).limit(1).prepare("merchant_name"));

/** The business's name (a payment's descriptor); "" for a merchant that does not exist. */
export async function findMerchantName(db: Db, merchantId: string): Promise<string> {
  const [row] = await merchantName(db).execute({ merchantId });
  return row?.name ?? "";
}
