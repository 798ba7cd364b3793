import { sql } from "drizzle-orm";
import { MEMBERSHIP_ROLES } from "@/lib/core/statuses";
import {
  boolean,
  check,
  index,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { users } from "./users";

/** `whsec_` and 32 random bytes in base64, made by the database for a new row. */
const randomSecret = sql`'whsec_' || encode(decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'), 'base64')`;

export const merchants = pgTable(
  "merchants",
  {
    id: text().primaryKey(),
    name: text().notNull(),
    /** ISO 3166-1 alpha-2. */
    country: text().notNull(),
    /** ISO 4217, upper case; the currency new links start with. */
    defaultCurrency: text().notNull(),
    /** `#rrggbb`, used on the hosted checkout. */
    brandColor: text().notNull().default("#4f46e5"),
    logoUrl: text(),
    /** The Onerway-compatible API's merchant number (digits), given with the first credentials; same in both modes. */
    onerwayMerchantNo: text().unique(),
    /** Email a receipt (with its PDF) to the buyer when an order is paid and their address is known. */
    sendReceipts: boolean().notNull().default(true),
    /**
     * Sign the status_callback_url deliveries of test and of live objects (Standard Webhooks keys), one per mode
     * as webhook endpoints have, so nothing a test key can reach ever signs a live callback. Rolled in
     * Settings, where a new one is shown once.
     */
    callbackSecretTest: text().notNull().default(randomSecret),
    callbackSecretLive: text().notNull().default(randomSecret),
    /** A platform (API.md, "Platforms acting for their merchants"): creates connected merchants and acts for them. */
    platform: boolean().notNull().default(false),
    /** A connected merchant's platform: its key may act as this merchant (`Paylink-Merchant`). Null for others. */
    platformId: text().references((): AnyPgColumn => merchants.id),
    /** The mode a connected merchant was created in (the creating key's): the platform acts for it only there. */
    connectedLivemode: boolean(),
    /** A connected merchant's contact address, as its platform gave it. */
    email: text(),
    /** Up to 20 string key-value pairs for the platform's own use (connected merchants). */
    metadata: jsonb().$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true, precision: 3 })
      .notNull()
      .defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 3 })
      .notNull()
      .defaultNow(),
  },
  // A platform's connected merchants, newest first, per mode.
  (t) => [
    index("merchants_platform_idx")
      .on(t.platformId, t.connectedLivemode, t.id)
      .where(sql`${t.platformId} is not null`),
    // What the services keep, kept by the database too: a connected merchant has its mode, and is no platform.
    check("merchants_connected_mode", sql`(${t.platformId} is null) = (${t.connectedLivemode} is null)`),
    check("merchants_platform_not_connected", sql`not (${t.platform} and ${t.platformId} is not null)`),
  ],
);

export const membershipRole = pgEnum("membership_role", MEMBERSHIP_ROLES);

/** Who may act for which merchant, and how much. A user can belong to several merchants. */
export const memberships = pgTable(
  "memberships",
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    merchantId: text()
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    role: membershipRole().notNull(),
    createdAt: timestamp({ withTimezone: true, precision: 3 })
      .notNull()
      .defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.merchantId] }),
    index().on(t.merchantId),
  ],
);

export type Merchant = typeof merchants.$inferSelect;
export type { MembershipRole } from "@/lib/core/statuses";
