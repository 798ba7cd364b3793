-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it, no superuser needed.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "payment_links_id_trgm" ON "payment_links" USING gin ("id" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "payment_links_name_trgm" ON "payment_links" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "payment_links_item_name_trgm" ON "payment_links" USING gin ("item_name" gin_trgm_ops);