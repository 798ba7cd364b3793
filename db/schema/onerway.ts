import { boolean, pgSequence, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { merchants } from "./merchants";

// Credentials of the Onerway-compatible endpoints (/v1/txn/paymentLink/*, API.md "Onerway-compatible
// endpoints"): a merchant number per merchant, and a secret key per mode that signs the requests.

/** Merchant numbers: digits, handed out in order (the first is 800001). */
export const onerwayMerchantNoSeq = pgSequence("onerway_merchant_no_seq", { startWith: 800001 });

/** Payment links' integer ids on the Onerway wire: unique across merchants, every link has one. */
export const paymentLinkOnerwayIdSeq = pgSequence("payment_link_onerway_id_seq", { startWith: 100 });

export const onerwayCredentials = pgTable(
  "onerway_credentials",
  {
    merchantId: text()
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    livemode: boolean().notNull(),
    /**
     * The secret key, encrypted (AES-256-GCM, key derived from AUTH_SECRET): a request's `sign` is a SHA-256 over
     * its values and the key itself, so the key must be recoverable to check one — but it is shown only once,
     * and nothing answers it back in full.
     */
    secretKeyCiphertext: text().notNull(),
    last4: text().notNull(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.livemode] })],
);

export type OnerwayCredentialRow = typeof onerwayCredentials.$inferSelect;
