import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { ORDER_STATUSES, PAYMENT_STATUSES, REFUND_STATUSES } from "@/lib/core/statuses";
import { merchants } from "./merchants";
import { captureMethod, paymentLinks } from "./payment-links";

export const orderStatus = pgEnum("order_status", ORDER_STATUSES);

/** One purchase: made by a buyer paying through a link, or by POST /api/v1/orders. Amounts in minor units. */
export const orders = pgTable(
  "orders",
  {
    id: text().primaryKey(),
    merchantId: text()
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    livemode: boolean().notNull(),
    paymentLinkId: text().references(() => paymentLinks.id),
    /** The merchant's own order number; unique per merchant and mode when given. */
    reference: text(),
    /** The unguessable part of the order's checkout URL (/o/{token}). */
    token: text().notNull().unique(),
    status: orderStatus().notNull().default("open"),
    amount: bigint({ mode: "number" }).notNull(),
    currency: text().notNull(),
    captureMethod: captureMethod().notNull().default("automatic"),
    /**
     * What was captured: the whole amount when captured at once, up to it by a manual capture (the rest is
     * released). Null until captured. Refunds, voids, settlement and the link's stats count this.
     */
    amountCaptured: bigint({ mode: "number" }),
    /** While `authorized`: when the authorization lapses and the order expires (AUTHORIZATION_VALIDITY_HOURS). */
    authorizationExpiresAt: timestamp({ withTimezone: true, precision: 3 }),
    /** Refunds that succeeded. */
    amountRefunded: bigint({ mode: "number" }).notNull().default(0),
    /** Refunds still pending at the processor: reserved, so concurrent refunds cannot exceed the amount. */
    amountRefundPending: bigint({ mode: "number" }).notNull().default(0),
    itemName: text().notNull(),
    description: text(),
    customerEmail: text(),
    customerName: text(),
    customerCountry: text(),
    paymentMethods: text().array().notNull(),
    collectEmail: boolean().notNull().default(true),
    collectName: boolean().notNull().default(true),
    successUrl: text(),
    cancelUrl: text(),
    statusCallbackUrl: text(),
    metadata: jsonb().$type<Record<string, string>>().notNull().default({}),
    /** Payment attempts, failed ones included. */
    attempts: integer().notNull().default(0),
    /** The platform's fee on this order (minor units, its currency), from the order or its link; null for none. */
    applicationFeeAmount: bigint({ mode: "number" }),
    /** The checkout's language as the merchant set it (or its link did): "auto", or a locale. */
    locale: text().notNull().default("auto"),
    /**
     * The language the buyer last used on the checkout (their choice, or their browser's): the receipt, the
     * emails and the PDFs after that speak it. Null until they submit a payment.
     */
    buyerLocale: text(),
    /** Where the buyer came from (`src` on the checkout URL they paid from; null for none). */
    source: text(),
    /** The payment that succeeded (one per order). */
    paymentId: text(),
    expiresAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    paidAt: timestamp({ withTimezone: true, precision: 3 }),
    settledAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.merchantId, t.livemode, t.id),
    index().on(t.paymentLinkId, t.status),
    // The dashboard's 30 days (payments by day) and the date filters of the list and its CSV export: without
    // them each was a sequential scan of the orders (about 0.5 s at 1M orders; 80 and 35 ms with).
    index("orders_paid_at_idx").on(t.merchantId, t.livemode, t.paidAt).where(sql`${t.paidAt} is not null`),
    index().on(t.merchantId, t.livemode, t.createdAt),
    uniqueIndex("orders_reference_unique").on(t.merchantId, t.livemode, t.reference).where(sql`${t.reference} is not null`),
    // The schedulers' look-ups: open orders past their expiry, paid orders not yet settled.
    index("orders_expiry_idx").on(t.expiresAt).where(sql`${t.status} in ('open', 'processing')`),
    index("orders_authorization_expiry_idx").on(t.authorizationExpiresAt).where(sql`${t.authorizationExpiresAt} is not null`),
    index("orders_unsettled_idx").on(t.merchantId, t.livemode).where(sql`${t.status} = 'paid' and ${t.settledAt} is null`),
    check("orders_amount_positive", sql`${t.amount} > 0`),
    check("orders_refunds_within_amount", sql`${t.amountRefunded} >= 0 and ${t.amountRefundPending} >= 0 and ${t.amountRefunded} + ${t.amountRefundPending} <= coalesce(${t.amountCaptured}, ${t.amount})`),
    check("orders_captured_within_amount", sql`${t.amountCaptured} is null or (${t.amountCaptured} > 0 and ${t.amountCaptured} <= ${t.amount})`),
  ],
);

export type OrderRow = typeof orders.$inferSelect;
export type { OrderStatus } from "@/lib/core/statuses";

export const paymentStatus = pgEnum("payment_status", PAYMENT_STATUSES);

/** One attempt to pay an order; only card brand and last four digits are ever kept of a card. */
export const payments = pgTable(
  "payments",
  {
    id: text().primaryKey(),
    orderId: text()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    merchantId: text().notNull(),
    livemode: boolean().notNull(),
    method: text().notNull(),
    /**
     * The connector that handled the payment (`payment.processor`): chosen per payment and recorded, so its
     * later steps (an action's answer, void, refund) go to the same processor. Rows from before it was
     * recorded were all the simulator's.
     */
    processor: text().notNull().default("simulator"),
    status: paymentStatus().notNull(),
    cardBrand: text(),
    cardLast4: text(),
    /**
     * What the buyer (or the bank) must do next: "three_d_secure", "wallet_redirect", "bank_redirect",
     * "pay_later", "bank_transfer", "qr_code", "sepa_debit".
     */
    nextAction: text(),
    /**
     * What the method's flow needs shown, as the processor gave it, and what identifies the payment to
     * people: the QR payload to scan (`qr`), the bank the buyer chose (`bank`), the debited account's
     * country and last four (`iban_country`, `iban_last4`; never the whole IBAN).
     */
    details: jsonb().$type<PaymentDetails>(),
    failureCode: text(),
    failureMessage: text(),
    processorReference: text(),
    /**
     * A manual capture under way: the amount asked of the processor, written and committed before the call
     * (captureOrder), so a second capture is refused meanwhile and the recovery sweep can finish one whose
     * answer was lost. Null when none is under way.
     */
    captureAmount: bigint({ mode: "number" }),
    captureRequestedAt: timestamp({ withTimezone: true, precision: 3 }),
    capturedAt: timestamp({ withTimezone: true, precision: 3 }),
    settledAt: timestamp({ withTimezone: true, precision: 3 }),
    voidedAt: timestamp({ withTimezone: true, precision: 3 }),
    /**
     * When the processor acknowledged the void. A void is recorded first (voidedAt, with its event) and sent
     * to the processor after the commit; until this is set, the payments sweep sends it again.
     */
    processorVoidedAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.orderId),
    index("payments_pending_idx").on(t.method).where(sql`${t.status} = 'pending'`),
    // The action-timeout sweep: payments still waiting for the buyer, oldest first.
    index("payments_requires_action_idx").on(t.createdAt).where(sql`${t.status} = 'requires_action'`),
    // The recovery sweep: attempts whose connector call's answer was never recorded, oldest first. Not a
    // partial index on 'authorizing': the migrator applies pending migrations in one transaction, and a new
    // enum value cannot be used in the transaction that added it.
    index("payments_status_created_idx").on(t.status, t.createdAt),
  ],
);

export type PaymentRow = typeof payments.$inferSelect;

export interface PaymentDetails {
  qr?: string;
  bank?: string;
  iban_country?: string;
  iban_last4?: string;
}

export const refundStatus = pgEnum("refund_status", REFUND_STATUSES);

export const refunds = pgTable(
  "refunds",
  {
    id: text().primaryKey(),
    orderId: text()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    merchantId: text().notNull(),
    livemode: boolean().notNull(),
    amount: bigint({ mode: "number" }).notNull(),
    currency: text().notNull(),
    status: refundStatus().notNull().default("pending"),
    reason: text(),
    processorReference: text(),
    failureReason: text(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.orderId),
    index().on(t.merchantId, t.livemode, t.id),
    index("refunds_pending_idx").on(t.createdAt).where(sql`${t.status} = 'pending'`),
    check("refunds_amount_positive", sql`${t.amount} > 0`),
  ],
);

export type RefundRow = typeof refunds.$inferSelect;
