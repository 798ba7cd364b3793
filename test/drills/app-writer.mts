// Plays "the app" for the delivery drills: opens the database as the app does (openPostgres + migrate),
// creates a merchant and a webhook endpoint through the real services, then creates payment links in a loop
// until it is killed. One JSON line on stdout per fact, written only once the fact is true:
//   {"kind":"ready","merchantId","endpointId","secret"}
//   {"kind":"committed","linkId","at"}        the transaction creating the link (and its event) committed
//   {"kind":"rolled_back","linkId","at"}      created inside a transaction that then failed: must never be sent
// Meant to be SIGKILLed at any moment, transactions in flight included.
//
// env: DATABASE_URL, RECEIVER_URL, LANES (concurrent writers, default 4), ROLLBACK_EVERY (default 5)
import { openPostgres } from "@/db/client";
import { createPaymentLink } from "@/lib/services/create-payment-link";
import { createWebhookEndpoint } from "@/lib/services/create-webhook-endpoint";
import { signUp } from "@/lib/services/sign-up";

const url = process.env.DATABASE_URL;
const receiverUrl = process.env.RECEIVER_URL;
if (!url || !receiverUrl) {
  console.error("DATABASE_URL and RECEIVER_URL are required");
  process.exit(2);
}
const lanes = Number(process.env.LANES ?? 4);
const rollbackEvery = Number(process.env.ROLLBACK_EVERY ?? 5);

// Written synchronously (stdout is a pipe: synchronous on Linux), so a printed line is never lost to the kill.
const say = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);

class Rollback extends Error {}

const database = await openPostgres(url, lanes + 1);
await database.migrate();
const { db } = database;
const { merchantId } = await signUp(db, {
  email: `drill-app-${process.pid}-${Date.now()}@example.com`,
  password: "a long enough password",
  businessName: "Drill Shop",
  country: "US",
  currency: "USD",
});
const scope = { merchantId, livemode: false };
const endpoint = await createWebhookEndpoint(db, { ...scope, allowPrivate: true }, { url: receiverUrl, events: ["payment_link.created"] });
say({ kind: "ready", merchantId, endpointId: endpoint.id, secret: endpoint.secret });

const ctx = { ...scope, appUrl: "https://pay.example.com" };
let n = 0;
async function lane() {
  for (;;) {
    const i = ++n;
    const input = { item_name: `App link ${i}`, amount: 100 + i, currency: "USD", default_country: "US" };
    if (i % rollbackEvery === 0) {
      // The service's own transaction runs inside ours, which then fails: link and event roll back together.
      let linkId = "";
      try {
        await db.transaction(async (tx) => {
          linkId = (await createPaymentLink(tx, ctx, input)).id;
          throw new Rollback();
        });
      } catch (error) {
        if (!(error instanceof Rollback)) throw error;
      }
      say({ kind: "rolled_back", linkId, at: Date.now() });
    } else {
      const link = await createPaymentLink(db, ctx, input);
      say({ kind: "committed", linkId: link.id, at: Date.now() });
    }
  }
}
await Promise.all(Array.from({ length: lanes }, lane));
