import { test as base, expect, type APIRequestContext } from "@playwright/test";
import type { Database } from "@/db/client";
import { createApiKey } from "@/lib/services/create-api-key";
import { signUp } from "@/lib/services/sign-up";
import { openE2eDatabase } from "../helpers";

export { expect };

export interface TestMerchant {
  merchantId: string;
  email: string;
  /** A secret test-mode key (sk_test_…). */
  key: string;
  /** A secret live-mode key of the same merchant (sk_live_…). */
  liveKey: string;
  headers: Record<string, string>;
}

let counter = 0;

/** A new merchant with a test and a live API key, made through the same services the app uses. */
export async function newMerchant(database: Database, tag = "api"): Promise<TestMerchant> {
  counter += 1;
  const email = `${tag}-${Date.now()}-${process.pid}-${counter}@api.test`;
  const { merchantId } = await signUp(database.db, { email, password: "a long enough password", businessName: `${tag} merchant`, country: "US", currency: "USD" });
  const { secret: key } = await createApiKey(database.db, { merchantId, livemode: false });
  const { secret: liveKey } = await createApiKey(database.db, { merchantId, livemode: true });
  return { merchantId, email, key, liveKey, headers: { authorization: `Bearer ${key}` } };
}

export const test = base.extend<{ merchant: TestMerchant; api: APIRequestContext }, { database: Database }>({
  database: [
    async ({}, use, workerInfo) => {
      const database = await openE2eDatabase(workerInfo.project.use.baseURL!, 4);
      await use(database);
      await database.close();
    },
    { scope: "worker" },
  ],
  merchant: async ({ database }, use) => {
    await use(await newMerchant(database));
  },
  /** Requests authenticated as `merchant` (test mode). */
  api: async ({ playwright, merchant, baseURL }, use) => {
    const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: merchant.headers });
    await use(context);
    await context.dispose();
  },
});
