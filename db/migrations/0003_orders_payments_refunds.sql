CREATE TYPE "public"."order_status" AS ENUM('open', 'processing', 'paid', 'partially_refunded', 'refunded', 'voided', 'canceled', 'expired');--> statement-breakpoint
CREATE TYPE "public"."payment_status" AS ENUM('requires_action', 'pending', 'succeeded', 'failed', 'voided');--> statement-breakpoint
CREATE TYPE "public"."refund_status" AS ENUM('pending', 'succeeded', 'failed');--> statement-breakpoint
CREATE TABLE "orders" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"payment_link_id" text,
	"reference" text,
	"token" text NOT NULL,
	"status" "order_status" DEFAULT 'open' NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"amount_refunded" bigint DEFAULT 0 NOT NULL,
	"amount_refund_pending" bigint DEFAULT 0 NOT NULL,
	"item_name" text NOT NULL,
	"description" text,
	"customer_email" text,
	"customer_name" text,
	"customer_country" text,
	"payment_methods" text[] NOT NULL,
	"collect_email" boolean DEFAULT true NOT NULL,
	"collect_name" boolean DEFAULT true NOT NULL,
	"success_url" text,
	"cancel_url" text,
	"status_callback_url" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"payment_id" text,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"paid_at" timestamp (3) with time zone,
	"settled_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_token_unique" UNIQUE("token"),
	CONSTRAINT "orders_amount_positive" CHECK ("orders"."amount" > 0),
	CONSTRAINT "orders_refunds_within_amount" CHECK ("orders"."amount_refunded" >= 0 and "orders"."amount_refund_pending" >= 0 and "orders"."amount_refunded" + "orders"."amount_refund_pending" <= "orders"."amount")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"method" text NOT NULL,
	"status" "payment_status" NOT NULL,
	"card_brand" text,
	"card_last4" text,
	"next_action" text,
	"failure_code" text,
	"failure_message" text,
	"processor_reference" text,
	"captured_at" timestamp (3) with time zone,
	"settled_at" timestamp (3) with time zone,
	"voided_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "refunds" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" "refund_status" DEFAULT 'pending' NOT NULL,
	"reason" text,
	"processor_reference" text,
	"failure_reason" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "refunds_amount_positive" CHECK ("refunds"."amount" > 0)
);
--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_payment_link_id_payment_links_id_fk" FOREIGN KEY ("payment_link_id") REFERENCES "public"."payment_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "orders_merchant_id_livemode_id_index" ON "orders" USING btree ("merchant_id","livemode","id");--> statement-breakpoint
CREATE INDEX "orders_payment_link_id_status_index" ON "orders" USING btree ("payment_link_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_reference_unique" ON "orders" USING btree ("merchant_id","livemode","reference") WHERE "orders"."reference" is not null;--> statement-breakpoint
CREATE INDEX "orders_expiry_idx" ON "orders" USING btree ("expires_at") WHERE "orders"."status" in ('open', 'processing');--> statement-breakpoint
CREATE INDEX "orders_unsettled_idx" ON "orders" USING btree ("merchant_id","livemode") WHERE "orders"."status" = 'paid' and "orders"."settled_at" is null;--> statement-breakpoint
CREATE INDEX "payments_order_id_index" ON "payments" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "payments_pending_idx" ON "payments" USING btree ("method") WHERE "payments"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "refunds_order_id_index" ON "refunds" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "refunds_merchant_id_livemode_id_index" ON "refunds" USING btree ("merchant_id","livemode","id");--> statement-breakpoint
CREATE INDEX "refunds_pending_idx" ON "refunds" USING btree ("created_at") WHERE "refunds"."status" = 'pending';