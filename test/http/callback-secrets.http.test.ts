import { Webhook } from "standardwebhooks";
import { afterAll, expect, test } from "vitest";
import { findCallbackSecret } from "@/db/queries/webhooks";
import { createPaymentLink } from "@/lib/services/create-payment-link";
import { drillDatabase, killAll, spawnWorker } from "@/test/drills/harness";
import { newMerchantScope } from "@/test/payments";
import { localhostCertificate, startReceiver, waitFor } from "@/test/receiver";

// Status callbacks are signed per mode, end to end: a real worker process delivers a test link's and a live
// link's callbacks over https (live mode takes nothing else) to a receiver named localhost, and each carries
// the signature of its own mode's secret only. The worker trusts the receiver's self-signed certificate the
// way an operator adds a private CA (NODE_EXTRA_CA_CERTS); the delivery code is the production code.

const drill = await drillDatabase(4);
const tls = localhostCertificate();
const worker = spawnWorker("worker", drill.url, { NODE_EXTRA_CA_CERTS: tls.certFile, LOG_LEVEL: "warn" });
afterAll(async () => {
  await worker.stop(10_000);
  await killAll();
  await drill.drop();
});

test("a test object's callback is signed with the test secret, a live object's with the live secret, never the other", async () => {
  const { db } = drill.database;
  const { merchantId } = await newMerchantScope(db);
  const testSecret = (await findCallbackSecret(db, { merchantId, livemode: false }))!;
  const liveSecret = (await findCallbackSecret(db, { merchantId, livemode: true }))!;
  expect(testSecret).not.toBe(liveSecret);

  const receiver = await startReceiver(() => [testSecret, liveSecret], () => 200, { tls });
  try {
    expect(receiver.url).toMatch(/^https:\/\/localhost:\d+\/hooks$/);
    const links = [];
    for (const livemode of [false, true]) {
      const ctx = { merchantId, livemode, appUrl: "https://pay.example.com" };
      links.push(await createPaymentLink(db, ctx, { item_name: livemode ? "Live" : "Test", amount: 500, currency: "USD", default_country: "US", status_callback_url: receiver.url }));
    }
    await waitFor(() => receiver.received.length >= 2, 30_000, "both callbacks");
    for (const link of links) {
      const delivery = receiver.received.find((r) => r.body.includes(link.id))!;
      const headers = {
        "webhook-id": String(delivery.headers["webhook-id"]),
        "webhook-timestamp": String(delivery.headers["webhook-timestamp"]),
        "webhook-signature": String(delivery.headers["webhook-signature"]),
      };
      const [own, other] = link.livemode ? [liveSecret, testSecret] : [testSecret, liveSecret];
      expect(() => new Webhook(own).verify(delivery.body, headers)).not.toThrow();
      expect(() => new Webhook(other).verify(delivery.body, headers)).toThrow();
      expect(JSON.parse(delivery.body)).toMatchObject({ type: "payment_link.created", livemode: link.livemode });
    }
  } finally {
    await receiver.close();
  }
});
