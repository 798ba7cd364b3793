ALTER TABLE "simulator_payments" ADD COLUMN "capture" text DEFAULT 'automatic' NOT NULL;--> statement-breakpoint
ALTER TABLE "simulator_payments" ADD COLUMN "captured_amount" bigint;