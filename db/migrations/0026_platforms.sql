ALTER TABLE "merchants" ADD COLUMN "platform" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "platform_id" text;--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "connected_livemode" boolean;--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "metadata" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "application_fee_amount" bigint;--> statement-breakpoint
ALTER TABLE "payment_links" ADD COLUMN "application_fee_amount" bigint;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD COLUMN "connect" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "merchants" ADD CONSTRAINT "merchants_platform_id_merchants_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "merchants_platform_idx" ON "merchants" USING btree ("platform_id","connected_livemode","id") WHERE "merchants"."platform_id" is not null;