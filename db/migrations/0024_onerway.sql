CREATE SEQUENCE "public"."onerway_merchant_no_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 800001 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."payment_link_onerway_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 100 CACHE 1;--> statement-breakpoint
CREATE TABLE "onerway_credentials" (
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"secret_key_ciphertext" text NOT NULL,
	"last4" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "onerway_credentials_merchant_id_livemode_pk" PRIMARY KEY("merchant_id","livemode")
);
--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "onerway_merchant_no" text;--> statement-breakpoint
ALTER TABLE "payment_links" ADD COLUMN "onerway_id" bigint DEFAULT nextval('payment_link_onerway_id_seq') NOT NULL;--> statement-breakpoint
ALTER TABLE "onerway_credentials" ADD CONSTRAINT "onerway_credentials_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchants" ADD CONSTRAINT "merchants_onerwayMerchantNo_unique" UNIQUE("onerway_merchant_no");--> statement-breakpoint
ALTER TABLE "payment_links" ADD CONSTRAINT "payment_links_onerwayId_unique" UNIQUE("onerway_id");