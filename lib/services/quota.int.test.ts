import { expect, test } from "vitest";
import { openTestDatabase } from "@/test/db";
import { newMerchantScope } from "@/test/payments";
import { createApiKey } from "./create-api-key";
import { revokeApiKey } from "./revoke-api-key";
import { createWebhookEndpoint } from "./create-webhook-endpoint";
import { deleteWebhookEndpoint } from "./delete-webhook-endpoint";
import { QUOTAS } from "./quota";

const { db } = await openTestDatabase();

/** Runs every call at once and sorts the outcomes: how many succeeded, and the codes of the refusals. */
async function race<T>(calls: (() => Promise<T>)[]) {
  const settled = await Promise.allSettled(calls.map((call) => call()));
  const made = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const refused = settled.flatMap((s) => (s.status === "rejected" ? [(s.reason as { code?: string }).code] : []));
  return { made, refused };
}

test("at most 16 webhook endpoints per merchant and mode, also when 20 are created at once", async () => {
  const scope = await newMerchantScope(db);
  const ctx = { ...scope, allowPrivate: true };
  const create = (i: number) => () => createWebhookEndpoint(db, ctx, { url: `http://localhost:9/hook-${i}`, events: ["*"] });
  const { made, refused } = await race(Array.from({ length: 20 }, (_, i) => create(i)));
  expect(made).toHaveLength(QUOTAS.webhookEndpoints);
  expect(refused).toEqual(Array(4).fill("resource_limit_reached"));

  // The other mode has its own allowance; deleting one makes room again.
  const live = { ...ctx, livemode: true, resolve: async () => ["93.184.215.14"] };
  await expect(createWebhookEndpoint(db, live, { url: "https://hooks.example.com/live", events: ["*"] })).resolves.toMatchObject({ livemode: true });
  await deleteWebhookEndpoint(db, ctx, made[0]!.id);
  await expect(createWebhookEndpoint(db, ctx, { url: "http://localhost:9/again", events: ["*"] })).resolves.toMatchObject({ object: "webhook_endpoint" });
  await expect(create(99)()).rejects.toMatchObject({ code: "resource_limit_reached", status: 409 });
});

test("at most 20 active API keys per merchant and mode; revoked keys do not count", async () => {
  const scope = await newMerchantScope(db);
  const { made, refused } = await race(Array.from({ length: 24 }, () => () => createApiKey(db, scope)));
  expect(made).toHaveLength(QUOTAS.activeApiKeys);
  expect(refused).toEqual(Array(4).fill("resource_limit_reached"));
  await expect(createApiKey(db, { ...scope, livemode: true })).resolves.toMatchObject({ livemode: true });
  await revokeApiKey(db, scope, made[0]!.id);
  await expect(createApiKey(db, scope)).resolves.toMatchObject({ livemode: false });
  await expect(createApiKey(db, scope)).rejects.toMatchObject({ code: "resource_limit_reached" });
});
