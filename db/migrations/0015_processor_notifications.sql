CREATE TABLE "simulator_notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"payload" jsonb NOT NULL,
	"due_at" timestamp (3) with time zone NOT NULL,
	"delivered_at" timestamp (3) with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "processor_notifications" (
	"processor" text NOT NULL,
	"id" text NOT NULL,
	"type" text NOT NULL,
	"outcome" text NOT NULL,
	"received_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processor_notifications_processor_id_pk" PRIMARY KEY("processor","id")
);
--> statement-breakpoint
CREATE INDEX "simulator_notifications_due_idx" ON "simulator_notifications" USING btree ("due_at") WHERE "simulator_notifications"."delivered_at" is null;