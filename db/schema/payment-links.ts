import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { CAPTURE_METHODS } from "@/lib/core/statuses";
import { merchants } from "./merchants";

export const captureMethod = pgEnum("capture_method", CAPTURE_METHODS);

/** A reusable, shareable link; each buyer who pays through it creates an order. Amounts in minor units. */
export const paymentLinks = pgTable(
  "payment_links",
  {
    id: text().primaryKey(),
    merchantId: text()
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    livemode: boolean().notNull(),
    /** The unguessable part of the public checkout URL (/l/{token}). */
    token: text().notNull().unique(),
    active: boolean().notNull().default(true),
    name: text().notNull(),
    itemName: text().notNull(),
    description: text(),
    amount: bigint({ mode: "number" }),
    currency: text().notNull(),
    customAmountMinimum: bigint({ mode: "number" }),
    customAmountMaximum: bigint({ mode: "number" }),
    customAmountPreset: bigint({ mode: "number" }),
    defaultCountry: text().notNull(),
    collectEmail: boolean().notNull().default(true),
    collectName: boolean().notNull().default(true),
    paymentMethods: text().array().notNull(),
    /** Carried onto each order paid through the link. */
    captureMethod: captureMethod().notNull().default("automatic"),
    expiresAt: timestamp({ withTimezone: true, precision: 3 }),
    maxPayments: integer(),
    afterCompletionType: text({ enum: ["message", "redirect"] }).notNull().default("message"),
    afterCompletionMessage: text(),
    afterCompletionUrl: text(),
    statusCallbackUrl: text(),
    metadata: jsonb().$type<Record<string, string>>().notNull().default({}),
    /** The platform's fee on each order paid through the link (minor units, the link's currency); null for none. */
    applicationFeeAmount: bigint({ mode: "number" }),
    /** The checkout's language (lib/i18n/locales.ts): "auto" for the buyer's browser's, or a locale. */
    locale: text().notNull().default("auto"),
    /** The link's integer id on the Onerway-compatible API (`id` there), from a sequence across merchants. */
    onerwayId: bigint({ mode: "number" })
      .notNull()
      .unique()
      .default(sql`nextval('payment_link_onerway_id_seq')`),
    visitCount: bigint({ mode: "number" }).notNull().default(0),
    payCount: integer().notNull().default(0),
    successAmount: bigint({ mode: "number" }).notNull().default(0),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    // Lists are per merchant and mode, newest first; ids sort by creation time.
    index().on(t.merchantId, t.livemode, t.id),
    index().on(t.merchantId, t.livemode, t.createdAt),
    // The keyword search (`q`) is a case-insensitive substring match on id, name and item_name: trigram
    // indexes let PostgreSQL find the few matching rows of a merchant holding a million links without reading
    // them all (a sequential scan took ~1 s at 1M rows). The extension is created by migration 0005.
    //
    // New entries wait in each index's pending list until it is merged in, and every search reads the whole
    // list: at PostgreSQL's default of 4 MB, 3,500 new links slowed every keyword search on 300,000 from 2.0 to
    // 5.6 ms (p50), and the insert that crossed the limit merged all 4 MB while its request waited. 256 kB keeps
    // both small (2.3 ms after the same creates; creating links no slower). Migration 0028.
    index("payment_links_id_trgm").using("gin", sql`${t.id} gin_trgm_ops`).with({ gin_pending_list_limit: 256 }),
    index("payment_links_name_trgm").using("gin", sql`${t.name} gin_trgm_ops`).with({ gin_pending_list_limit: 256 }),
    index("payment_links_item_name_trgm").using("gin", sql`${t.itemName} gin_trgm_ops`).with({ gin_pending_list_limit: 256 }),
    // A null amount means the buyer chooses (within the optional bounds); a fixed amount has no bounds.
    check("payment_links_amount_xor_custom", sql`${t.amount} is null or (${t.customAmountMinimum} is null and ${t.customAmountMaximum} is null and ${t.customAmountPreset} is null)`),
    check("payment_links_amount_positive", sql`${t.amount} is null or ${t.amount} > 0`),
  ],
);

export type PaymentLinkRow = typeof paymentLinks.$inferSelect;

/**
 * A link's funnel by where its buyers came from (`src` on the checkout URL; "" for none): checkout views,
 * payments started (orders made by a buyer's submit) and orders paid, with the paid amount. Each counter moves
 * in the same statement or transaction as the link's own `stats`, so the sums over sources equal them.
 */
export const paymentLinkSources = pgTable(
  "payment_link_sources",
  {
    paymentLinkId: text()
      .notNull()
      .references(() => paymentLinks.id, { onDelete: "cascade" }),
    source: text().notNull(),
    visitCount: bigint({ mode: "number" }).notNull().default(0),
    startedCount: integer().notNull().default(0),
    payCount: integer().notNull().default(0),
    successAmount: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.paymentLinkId, t.source] })],
);
