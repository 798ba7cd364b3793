ALTER TABLE "orders" ADD COLUMN "locale" text DEFAULT 'auto' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "buyer_locale" text;--> statement-breakpoint
ALTER TABLE "payment_links" ADD COLUMN "locale" text DEFAULT 'auto' NOT NULL;