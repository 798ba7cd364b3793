-- Each trigram index's pending list capped at 256 kB instead of PostgreSQL's 4 MB default (see
-- db/schema/payment-links.ts). ALTER INDEX rather than the DROP/CREATE drizzle-kit writes: a storage parameter
-- changes in place, without rebuilding an index over every link.
ALTER INDEX "payment_links_id_trgm" SET (gin_pending_list_limit = 256);--> statement-breakpoint
ALTER INDEX "payment_links_name_trgm" SET (gin_pending_list_limit = 256);--> statement-breakpoint
ALTER INDEX "payment_links_item_name_trgm" SET (gin_pending_list_limit = 256);
