CREATE TABLE "api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"name" text,
	"secret_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"last4" text NOT NULL,
	"created_by" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp (3) with time zone,
	"revoked_at" timestamp (3) with time zone,
	CONSTRAINT "api_keys_secretHash_unique" UNIQUE("secret_hash")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"type" text NOT NULL,
	"object_id" text NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"key" text NOT NULL,
	"method" text NOT NULL,
	"path" text NOT NULL,
	"body_hash" text NOT NULL,
	"response_status" integer,
	"response_body" text,
	"claim_id" text,
	"locked_until" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_merchant_id_livemode_key_pk" PRIMARY KEY("merchant_id","livemode","key")
);
--> statement-breakpoint
CREATE TABLE "payment_links" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"token" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"name" text NOT NULL,
	"item_name" text NOT NULL,
	"description" text,
	"amount" bigint,
	"currency" text NOT NULL,
	"custom_amount_minimum" bigint,
	"custom_amount_maximum" bigint,
	"custom_amount_preset" bigint,
	"default_country" text NOT NULL,
	"collect_email" boolean DEFAULT true NOT NULL,
	"collect_name" boolean DEFAULT true NOT NULL,
	"payment_methods" text[] NOT NULL,
	"expires_at" timestamp (3) with time zone,
	"max_payments" integer,
	"after_completion_type" text DEFAULT 'message' NOT NULL,
	"after_completion_message" text,
	"after_completion_url" text,
	"status_callback_url" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"visit_count" bigint DEFAULT 0 NOT NULL,
	"pay_count" integer DEFAULT 0 NOT NULL,
	"success_amount" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_links_token_unique" UNIQUE("token"),
	CONSTRAINT "payment_links_amount_xor_custom" CHECK (("payment_links"."amount" is null) <> ("payment_links"."custom_amount_minimum" is null and "payment_links"."custom_amount_maximum" is null and "payment_links"."custom_amount_preset" is null)),
	CONSTRAINT "payment_links_amount_positive" CHECK ("payment_links"."amount" is null or "payment_links"."amount" > 0)
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_links" ADD CONSTRAINT "payment_links_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_keys_merchant_id_livemode_created_at_index" ON "api_keys" USING btree ("merchant_id","livemode","created_at");--> statement-breakpoint
CREATE INDEX "events_merchant_id_livemode_id_index" ON "events" USING btree ("merchant_id","livemode","id");--> statement-breakpoint
CREATE INDEX "events_object_id_index" ON "events" USING btree ("object_id");--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_at_index" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "payment_links_merchant_id_livemode_id_index" ON "payment_links" USING btree ("merchant_id","livemode","id");--> statement-breakpoint
CREATE INDEX "payment_links_merchant_id_livemode_created_at_index" ON "payment_links" USING btree ("merchant_id","livemode","created_at");