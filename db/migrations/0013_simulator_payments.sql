CREATE TABLE "simulator_payments" (
	"key" text PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"livemode" boolean NOT NULL,
	"method" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"answer" jsonb NOT NULL,
	"state" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "simulator_payments_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE INDEX "payments_status_created_idx" ON "payments" USING btree ("status","created_at");