CREATE TABLE "payment_link_sources" (
	"payment_link_id" text NOT NULL,
	"source" text NOT NULL,
	"visit_count" bigint DEFAULT 0 NOT NULL,
	"started_count" integer DEFAULT 0 NOT NULL,
	"pay_count" integer DEFAULT 0 NOT NULL,
	"success_amount" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "payment_link_sources_payment_link_id_source_pk" PRIMARY KEY("payment_link_id","source")
);
--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "send_receipts" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "source" text;--> statement-breakpoint
ALTER TABLE "payment_link_sources" ADD CONSTRAINT "payment_link_sources_payment_link_id_payment_links_id_fk" FOREIGN KEY ("payment_link_id") REFERENCES "public"."payment_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- What links counted before sources were: all of it under "no source" (""), so the sums over sources equal
-- each link's stats from the first day.
INSERT INTO "payment_link_sources" ("payment_link_id", "source", "visit_count", "started_count", "pay_count", "success_amount")
SELECT l."id", '', l."visit_count", (SELECT count(*) FROM "orders" o WHERE o."payment_link_id" = l."id"), l."pay_count", l."success_amount"
FROM "payment_links" l
WHERE l."visit_count" > 0 OR l."pay_count" > 0 OR EXISTS (SELECT 1 FROM "orders" o WHERE o."payment_link_id" = l."id");
