import { expect, test } from "./fixtures";

const body = { name: "Membership Renewal", item_name: "Membership", amount: 9999, currency: "USD", default_country: "US" };

test("create, retrieve, list and update a payment link", async ({ api }) => {
  const created = await api.post("/api/v1/payment_links", { data: body });
  expect(created.status()).toBe(201);
  const link = await created.json();
  expect(link).toMatchObject({
    object: "payment_link",
    livemode: false,
    active: true,
    name: "Membership Renewal",
    item_name: "Membership",
    amount: 9999,
    currency: "USD",
    custom_amount: null,
    payment_methods: ["card"],
    stats: { visit_count: 0, pay_count: 0, success_amount: 0 },
  });
  expect(link.id).toMatch(/^plink_/);
  expect(link.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/l\/[0-9A-Za-z]{32}$/);

  expect(await (await api.get(`/api/v1/payment_links/${link.id}`)).json()).toEqual(link);

  const updated = await api.patch(`/api/v1/payment_links/${link.id}`, { data: { active: false, metadata: { plan: "gold" } } });
  expect(updated.status()).toBe(200);
  expect(await updated.json()).toMatchObject({ active: false, metadata: { plan: "gold" } });

  const list = await (await api.get("/api/v1/payment_links?active=false")).json();
  expect(list).toMatchObject({ object: "list", has_more: false });
  expect(list.data.map((l: { id: string }) => l.id)).toEqual([link.id]);
});
