import type { APIRequestContext } from "@playwright/test";
import { eq } from "drizzle-orm";
import { merchants } from "@/db/schema";
import { createApiKey } from "@/lib/services/create-api-key";
import { payOrder } from "@/lib/services/pay-order";
import { cardBuyer, simulatorContext } from "@/test/payments";
import { signIn } from "../helpers";
import { expect, newMerchant, test } from "./fixtures";
import { ENDPOINTS, LISTS, type Ids } from "./isolation-endpoints";

// Platforms and their connected merchants (API.md, "Platforms acting for their merchants"): every endpoint,
// asked about one connected merchant's objects by (a) another platform's key acting for it, (b) its sibling's own
// key, (c) its platform's key without the header, (d) a non-platform key with the header — each answers exactly
// as the contract says, and no list, event, message, webhook endpoint, funnel or export shows its objects. The
// objects are made by the platform acting for the merchant, as a platform would.

async function json(response: Awaited<ReturnType<APIRequestContext["get"]>>) {
  return (await response.json()) as Record<string, unknown> & { data?: { id: string }[]; error?: { code: string; type: string } };
}

test("a connected merchant's objects: another platform, a sibling, its platform without the header, and a non-platform key with it each get exactly the contract's answer, and no list shows them", async ({ playwright, database, baseURL, browser }) => {
  test.slow();
  const request = (headers: Record<string, string>) => playwright.request.newContext({ baseURL, extraHTTPHeaders: headers });
  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

  const platform = await newMerchant(database, "platform");
  const otherPlatform = await newMerchant(database, "otherplatform");
  const plain = await newMerchant(database, "plain");
  for (const { merchantId } of [platform, otherPlatform]) await database.db.update(merchants).set({ platform: true }).where(eq(merchants.id, merchantId));

  // Two connected merchants, made over the API by the platform.
  const asPlatform = await request(bearer(platform.key));
  const created = await Promise.all(
    ["Corner Bakery", "Harbour Books"].map(async (name) => {
      const answer = await asPlatform.post("/api/v1/merchants", { data: { name, country: "SE", default_currency: "SEK", email: `${name.split(" ")[0]!.toLowerCase()}@example.com` } });
      expect(answer.status()).toBe(201);
      return json(answer);
    }),
  );
  const [victim, sibling] = created.map((m) => m.id as string) as [string, string];
  expect(created[0]).toMatchObject({ object: "merchant", platform: platform.merchantId, livemode: false });

  // The victim's objects, made by its platform acting for it.
  const forVictim = await request({ ...bearer(platform.key), "paylink-merchant": victim });
  const link = await json(await forVictim.post("/api/v1/payment_links", { data: { item_name: "Rye loaf", amount: 4500, currency: "SEK", default_country: "SE" } }));
  expect(link).toMatchObject({ merchant: victim });
  const order = await json(await forVictim.post("/api/v1/orders", { data: { item_name: "Cake order", amount: 30000, currency: "SEK" } }));
  expect(order).toMatchObject({ merchant: victim });
  const paymentContext = simulatorContext(database.db, { bankTransferSeconds: 0, refundSeconds: 1 }, baseURL!);
  expect((await payOrder(database.db, paymentContext, new URL(order.url as string).pathname.split("/").pop()!, cardBuyer())).kind).toBe("paid");
  expect((await json(await forVictim.post("/api/v1/test_helpers/settle"))).settled).toBe(1);
  const refund = await json(await forVictim.post(`/api/v1/orders/${order.id as string}/refunds`, { data: { amount: 500 } }));
  expect(refund).toMatchObject({ merchant: victim });
  const endpoint = await json(await forVictim.post("/api/v1/webhook_endpoints", { data: { url: "http://127.0.0.1:9/hooks", events: ["refund.failed"] } }));
  const message = await json(await forVictim.post(`/api/v1/payment_links/${link.id as string}/send`, { data: { channel: "email", to: `victim-buyer-${Date.now()}@example.com` } }));
  expect(message).toMatchObject({ object: "message", merchant: victim });
  const event = (await json(await forVictim.get("/api/v1/events?limit=1"))).data![0]!;
  expect(event).toMatchObject({ merchant: victim });
  const ids: Ids = { link: link.id as string, order: order.id as string, refund: refund.id as string, event: event.id, endpoint: endpoint.id as string, message: message.id as string };
  const victimIds = new Set(Object.values(ids));

  // The victim's own key sees them: the refusals below are about who asks, not about missing objects.
  const { secret: victimKey } = await createApiKey(database.db, { merchantId: victim, livemode: false });
  const asVictim = await request(bearer(victimKey));
  expect((await asVictim.get(`/api/v1/payment_links/${ids.link}`)).status()).toBe(200);
  expect((await asVictim.get(`/api/v1/refunds/${ids.refund}`)).status()).toBe(200);
  const { secret: siblingKey } = await createApiKey(database.db, { merchantId: sibling, livemode: false });

  const intruders: { name: string; headers: Record<string, string>; status: number; code: string }[] = [
    { name: "(a) another platform acting for it", headers: { ...bearer(otherPlatform.key), "paylink-merchant": victim }, status: 404, code: "resource_missing" },
    { name: "(b) its sibling's own key", headers: bearer(siblingKey), status: 404, code: "resource_missing" },
    { name: "(b') its platform acting for the sibling", headers: { ...bearer(platform.key), "paylink-merchant": sibling }, status: 404, code: "resource_missing" },
    { name: "(c) its platform without the header", headers: bearer(platform.key), status: 404, code: "resource_missing" },
    { name: "(c') its platform's live key acting for it", headers: { ...bearer(platform.liveKey), "paylink-merchant": victim }, status: 404, code: "resource_missing" },
    { name: "(d) a non-platform key with the header", headers: { ...bearer(plain.key), "paylink-merchant": victim }, status: 403, code: "forbidden" },
  ];
  for (const intruder of intruders) {
    const other = await request(intruder.headers);
    for (const endpoint of ENDPOINTS) {
      const answer = await other.fetch(endpoint.path(ids), { method: endpoint.method, data: endpoint.data });
      const what = `${intruder.name}: ${endpoint.method} ${endpoint.path(ids)}`;
      expect(answer.status(), what).toBe(intruder.status);
      expect((await json(answer)).error?.code, what).toBe(intruder.code);
    }
    for (const list of LISTS) {
      const answer = await other.get(list);
      const body = await json(answer);
      // Refused outright (a header naming no merchant of this key's; /merchants for a key that is no platform's),
      // or a list with none of the victim's objects.
      if (answer.status() !== 200) expect([[intruder.status, intruder.code], [403, "forbidden"]], `${intruder.name}: ${list}`).toContainEqual([answer.status(), body.error?.code]);
      else expect(JSON.stringify(body.data), `${intruder.name}: ${list}`).not.toMatch(new RegExp([...victimIds].join("|")));
    }
    await other.dispose();
  }

  // Nothing changed for the victim.
  expect(await json(await asVictim.get(`/api/v1/payment_links/${ids.link}`))).toMatchObject({ active: true });
  expect(await json(await asVictim.get(`/api/v1/webhook_endpoints/${ids.endpoint}`))).toMatchObject({ enabled: true });
  expect((await json(await asVictim.get(`/api/v1/orders/${ids.order}/refunds`))).data!.map((r) => r.id)).toEqual([ids.refund]);

  // The connected merchant's checkout is its own: its name, not its platform's.
  const page = await (await browser.newContext()).newPage();
  await page.goto(new URL(link.url as string).pathname);
  await expect(page.getByRole("banner")).toContainText("Corner Bakery");
  await expect(page.getByRole("banner")).not.toContainText("platform merchant");

  // The platform's own dashboard export holds its own orders, not its connected merchants'.
  await page.goto("/signin");
  await signIn(page, platform.email);
  await expect(page).toHaveURL(/\/dashboard/);
  const csv = await (await page.request.get("/dashboard/orders/export.csv")).text();
  expect(csv).not.toContain(ids.order);

  for (const context of [asPlatform, forVictim, asVictim]) await context.dispose();
});
