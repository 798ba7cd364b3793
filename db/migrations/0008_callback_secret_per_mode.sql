ALTER TABLE "merchants" ADD COLUMN "callback_secret_test" text DEFAULT 'whsec_' || encode(decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'), 'base64') NOT NULL;--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "callback_secret_live" text DEFAULT 'whsec_' || encode(decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'), 'base64') NOT NULL;--> statement-breakpoint
-- Callbacks were signed with one secret in both modes. It stays the test secret (live payments only ever ran on
-- the simulator until now, so the integrations that exist are test ones); live gets a secret of its own above.
UPDATE "merchants" SET "callback_secret_test" = "callback_secret";
