import { expect, test, type Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { merchants } from "@/db/schema";
import { createPaymentLink } from "@/lib/services/create-payment-link";
import { payLink } from "@/lib/services/pay-link";
import { signUp as signUpService } from "@/lib/services/sign-up";
import { cardBuyer, simulatorContext } from "@/test/payments";
import { merchantOfUser, openE2eDatabase, PASSWORD, signUp, uniqueEmail } from "./helpers";

// A connected merchant's people see their platform's application fee on a link and on each order paid through
// it (API.md, "Platforms acting for their merchants"); a link or order without a fee shows no such row.

let database: Database;

test.beforeAll(async ({}, workerInfo) => {
  database = await openE2eDatabase(workerInfo.project.use.baseURL!);
});

test.afterAll(async () => {
  await database?.close();
});

/** The detail row with this label (`<DetailRow>`), by its term. */
function detail(page: Page, label: string) {
  return page.locator("dl > div").filter({ has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) }).locator("dd");
}

test("a connected merchant sees its platform's fee on the link and on the order paid through it", async ({ page, baseURL }) => {
  const email = uniqueEmail("fees");
  await signUp(page, { email, business: "Leaf Tea Co" });
  const { db } = database;
  const { ctx } = await merchantOfUser(database, email, baseURL!);
  // The signed-up business becomes a platform's connected merchant; the platform's key acts for it.
  const { merchantId: platformId } = await signUpService(db, { email: uniqueEmail("fees-platform"), password: PASSWORD, businessName: "Market Platform", country: "DE", currency: "EUR" });
  await db.update(merchants).set({ platform: true }).where(eq(merchants.id, platformId));
  await db.update(merchants).set({ platformId, connectedLivemode: false }).where(eq(merchants.id, ctx.merchantId));
  const acting = { ...ctx, actingPlatformId: platformId };

  const withFee = await createPaymentLink(db, acting, { item_name: "Sencha tin", amount: 2_500, currency: "EUR", default_country: "DE", application_fee_amount: 300 });
  const withoutFee = await createPaymentLink(db, ctx, { item_name: "Matcha whisk", amount: 1_800, currency: "EUR", default_country: "DE" });
  const paid = await payLink(db, simulatorContext(db, undefined, baseURL!), withFee.url.split("/l/")[1]!, cardBuyer());
  expect(paid.kind).toBe("paid");

  await page.goto(`/dashboard/links/${withFee.id}`);
  await expect(detail(page, "Application fee")).toHaveText(/€3\.00\s+to the platform, on each paid order/);

  await page.goto(`/dashboard/orders/${paid.order.id}`);
  await expect(detail(page, "Amount")).toHaveText("€25.00");
  await expect(detail(page, "Application fee")).toHaveText(/€3\.00\s+to the platform/);

  await page.goto(`/dashboard/links/${withoutFee.id}`);
  await expect(detail(page, "Item name")).toHaveText("Matcha whisk");
  await expect(detail(page, "Application fee")).toHaveCount(0);
});
