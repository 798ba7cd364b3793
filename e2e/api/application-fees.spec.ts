import { eq } from "drizzle-orm";
import { merchants } from "@/db/schema";
import { payLink } from "@/lib/services/pay-link";
import { cardBuyer, simulatorContext } from "@/test/payments";
import { expect, newMerchant, test } from "./fixtures";

// application_fee_amount over HTTP: the pipeline's Paylink-Merchant reaches the services, so a platform's key
// acting for its connected merchant may set a fee, the same key on its own account may not, and the fee is
// recorded on the order a buyer pays through the link.

test("a platform sets its fee acting for a connected merchant; without Paylink-Merchant it is refused 403", async ({ playwright, database, baseURL }) => {
  const platform = await newMerchant(database, "feeplatform");
  await database.db.update(merchants).set({ platform: true }).where(eq(merchants.id, platform.merchantId));
  const asPlatform = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${platform.key}` } });
  const created = await asPlatform.post("/api/v1/merchants", { data: { name: "Fjord Knits", country: "NO", default_currency: "NOK" } });
  expect(created.status()).toBe(201);
  const connected = ((await created.json()) as { id: string }).id;
  const acting = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${platform.key}`, "paylink-merchant": connected } });

  const body = { item_name: "Wool hat", amount: 35_000, currency: "NOK", default_country: "NO", application_fee_amount: 1_750 };
  const own = await asPlatform.post("/api/v1/payment_links", { data: body });
  expect(own.status()).toBe(403);
  expect((await own.json()).error).toMatchObject({ code: "forbidden", param: "application_fee_amount" });
  const tooMuch = await acting.post("/api/v1/orders", { data: { amount: 1_000, currency: "NOK", item_name: "Scarf", application_fee_amount: 1_001 } });
  expect(tooMuch.status()).toBe(400);
  expect((await tooMuch.json()).error).toMatchObject({ code: "parameter_invalid", param: "application_fee_amount" });

  const answer = await acting.post("/api/v1/payment_links", { data: body });
  expect(answer.status()).toBe(201);
  const link = await answer.json();
  expect(link).toMatchObject({ object: "payment_link", merchant: connected, application_fee_amount: 1_750 });
  const patched = await acting.patch(`/api/v1/payment_links/${link.id}`, { data: { application_fee_amount: 2_000 } });
  expect(await patched.json()).toMatchObject({ application_fee_amount: 2_000 });

  const paid = await payLink(database.db, simulatorContext(database.db, undefined, baseURL!), link.url.split("/l/")[1], cardBuyer());
  expect(paid.kind).toBe("paid");
  const order = await (await acting.get(`/api/v1/orders/${paid.order.id}`)).json();
  expect(order).toMatchObject({ object: "order", merchant: connected, payment_link: link.id, status: "paid", application_fee_amount: 2_000 });
  await Promise.all([asPlatform.dispose(), acting.dispose()]);
});
