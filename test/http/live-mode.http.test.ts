import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { events, orders } from "@/db/schema";
import { TEST_CARDS } from "@/lib/processor/simulated";
import { createPaymentLink } from "@/lib/services/create-payment-link";
import { createApiKey } from "@/lib/services/create-api-key";
import { newMerchantScope } from "@/test/payments";
import { startApp, type RunningApp } from "./app";

// Live mode never fakes a payment: with the operator's defaults, a live checkout takes nothing and the API
// makes no live order; only SIMULATOR_LIVE_MODE=true (a demonstration) runs live payments on the simulator,
// and every such payment says so.

const strict = await startApp();
const demo = await startApp({ SIMULATOR_LIVE_MODE: "true" });

const EXPIRY = `12/${String((new Date().getUTCFullYear() + 5) % 100).padStart(2, "0")}`;

async function liveLink(app: RunningApp, payment_methods: ("card" | "bank_transfer")[] = ["card"]) {
  const scope = { ...(await newMerchantScope(app.database.db)), livemode: true };
  const link = await createPaymentLink(app.database.db, { ...scope, appUrl: app.baseUrl }, { item_name: "Live tea", amount: 700, currency: "USD", default_country: "US", payment_methods });
  return { scope, link, path: new URL(link.url).pathname };
}

/** Posts the checkout form as the page's own form would (same origin), with a card. */
function payWithCard(app: RunningApp, path: string) {
  return app.client().send(`${path}/pay`, {
    form: { method: "card", email: "ana@example.com", name: "Ana Silva", cardNumber: TEST_CARDS.success, expiry: EXPIRY, cvc: "123" },
    headers: { origin: app.baseUrl, "sec-fetch-site": "same-origin" },
  });
}

describe("live mode with no processor connected (the default)", () => {
  test("the checkout says the business is not accepting payments, and a paying post makes no order and no event", async () => {
    const { scope, link, path } = await liveLink(strict);
    const page = await strict.client().send(path);
    expect(page.status).toBe(200);
    expect(page.body).toContain("This business is not accepting payments yet");
    expect(page.body).not.toContain('name="cardNumber"');

    const answer = await payWithCard(strict, path);
    expect(answer.status).toBe(303);
    expect(answer.location).toBe(path);
    const db = strict.database.db;
    expect(await db.select().from(orders).where(eq(orders.paymentLinkId, link.id))).toHaveLength(0);
    const types = (await db.select({ type: events.type }).from(events).where(eq(events.merchantId, scope.merchantId))).map((e) => e.type);
    expect(types).toEqual(["payment_link.created"]);
  });

  test("POST /api/v1/orders with a live key answers 409 livemode_unavailable and makes nothing; a test key works", async () => {
    const scope = await newMerchantScope(strict.database.db);
    const live = await createApiKey(strict.database.db, { ...scope, livemode: true });
    const testKey = await createApiKey(strict.database.db, scope);
    const body = { amount: 1200, currency: "USD", item_name: "Invoice 1" };
    const refused = await strict.client().send("/api/v1/orders", { json: body, headers: { authorization: `Bearer ${live.secret}` } });
    expect(refused.status).toBe(409);
    expect(JSON.parse(refused.body)).toEqual({
      error: { type: "invalid_request_error", code: "livemode_unavailable", message: expect.stringContaining("not accepting payments yet"), param: null },
    });
    expect(await strict.database.db.select().from(orders).where(eq(orders.merchantId, scope.merchantId))).toHaveLength(0);
    // Live links can still be made; test mode is untouched.
    const liveLinkAnswer = await strict.client().send("/api/v1/payment_links", { json: { item_name: "Live", amount: 100, currency: "USD", default_country: "US" }, headers: { authorization: `Bearer ${live.secret}` } });
    expect(liveLinkAnswer.status).toBe(201);
    const created = await strict.client().send("/api/v1/orders", { json: body, headers: { authorization: `Bearer ${testKey.secret}` } });
    expect(created.status).toBe(201);
  });
});

describe("SIMULATOR_LIVE_MODE=true, for demonstrations", () => {
  test("a live payment runs on the simulator and says so: on the page, and as payment.processor", async () => {
    const { scope, link, path } = await liveLink(demo);
    const page = await demo.client().send(path);
    expect(page.body).toContain("Payments run on the simulated processor");
    const answer = await payWithCard(demo, path);
    expect(answer.status).toBe(303);
    expect(answer.location).toMatch(/^\/o\/[^/]+\/complete$/);

    const key = await createApiKey(demo.database.db, scope);
    const list = await demo.client().send(`/api/v1/orders?payment_link=${link.id}`, { headers: { authorization: `Bearer ${key.secret}` } });
    const [order] = JSON.parse(list.body).data;
    expect(order).toMatchObject({ livemode: true, status: "paid", payment: { processor: "simulator", status: "succeeded" } });
  });

  test("the bank simulator's confirm button is test-only, even in a live demonstration", async () => {
    const { path } = await liveLink(demo, ["bank_transfer"]);
    const buyer = demo.client();
    const answer = await buyer.send(`${path}/pay`, { form: { method: "bank_transfer", email: "ana@example.com", name: "Ana Silva" }, headers: { origin: demo.baseUrl } });
    expect(answer.location).toMatch(/\/bank-transfer$/);
    const bankPage = await buyer.send(answer.location!);
    expect(bankPage.body).toContain("Waiting for your bank");
    expect(bankPage.body).not.toContain("Simulate bank confirmation");
    const forced = await buyer.send(`${answer.location}/confirm`, { method: "POST", form: {}, headers: { origin: demo.baseUrl } });
    expect(forced.status).toBe(303);
    const token = answer.location!.split("/")[2]!;
    const [order] = await demo.database.db.select().from(orders).where(eq(orders.token, token));
    expect(order!.status).toBe("processing");
  });
});
