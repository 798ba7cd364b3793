ALTER TABLE "payments" ADD COLUMN "processor_voided_at" timestamp (3) with time zone;--> statement-breakpoint
-- Voids made before this column existed were sent to the processor inside their transaction.
UPDATE "payments" SET "processor_voided_at" = "voided_at" WHERE "status" = 'voided';
