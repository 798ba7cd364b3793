CREATE TYPE "public"."capture_method" AS ENUM('automatic', 'manual');--> statement-breakpoint
ALTER TYPE "public"."order_status" ADD VALUE 'authorized' BEFORE 'paid';--> statement-breakpoint
ALTER TYPE "public"."payment_status" ADD VALUE 'authorized' BEFORE 'succeeded';--> statement-breakpoint
ALTER TABLE "orders" DROP CONSTRAINT "orders_refunds_within_amount";--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "capture_method" "capture_method" DEFAULT 'automatic' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "amount_captured" bigint;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "authorization_expires_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "capture_amount" bigint;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "capture_requested_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "payment_links" ADD COLUMN "capture_method" "capture_method" DEFAULT 'automatic' NOT NULL;--> statement-breakpoint
CREATE INDEX "orders_authorization_expiry_idx" ON "orders" USING btree ("authorization_expires_at") WHERE "orders"."authorization_expires_at" is not null;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_captured_within_amount" CHECK ("orders"."amount_captured" is null or ("orders"."amount_captured" > 0 and "orders"."amount_captured" <= "orders"."amount"));--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_refunds_within_amount" CHECK ("orders"."amount_refunded" >= 0 and "orders"."amount_refund_pending" >= 0 and "orders"."amount_refunded" + "orders"."amount_refund_pending" <= coalesce("orders"."amount_captured", "orders"."amount"));--> statement-breakpoint
-- Every order paid before manual capture existed was captured in full when it was paid.
UPDATE "orders" SET "amount_captured" = "amount" WHERE "paid_at" IS NOT NULL;
