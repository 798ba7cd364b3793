import { expect, test, type Browser } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { memberships, merchants } from "@/db/schema";
import type { Database } from "@/db/client";
import { newId } from "@/lib/core/ids";
import { createConnectedMerchant } from "@/lib/services/create-connected-merchant";
import { enablePlatform } from "@/lib/services/enable-platform";
import { listOpenInvitations } from "@/lib/services/invitations";
import { merchantOfUser, openE2eDatabase, signUp, uniqueEmail } from "./helpers";

// The Connected merchants forms against a dashboard switched in another tab: the business and the mode are
// cookies, so a form shown for the platform in test mode and submitted after another tab switched must be
// refused with the dashboard's "out of date" message, and nothing is created for the other business or mode.

let database: Database;

test.beforeAll(async ({}, workerInfo) => {
  database = await openE2eDatabase(workerInfo.project.use.baseURL!);
});

test.afterAll(async () => {
  await database?.close();
});

const OUT_OF_DATE = "This page is out of date: the business or the mode was switched in another tab.";

/** An owner (email confirmed, as inviting needs) of a business made a platform, with one test-mode connected merchant. */
async function newPlatformOwner(browser: Browser, baseURL: string) {
  const email = uniqueEmail("platform");
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUp(page, { email, business: "Stale Tab Platform", confirm: true });
  const { userId, ctx } = await merchantOfUser(database, email, baseURL);
  await enablePlatform(database.db, { merchantId: ctx.merchantId, by: "operator" });
  const connected = await createConnectedMerchant(database.db, ctx, { name: "Quay Ceramics", country: "DE", default_currency: "EUR" });
  return { context, page, userId, ctx, connected };
}

function connectedNamed(platformId: string, name: string) {
  return database.db.select().from(merchants).where(and(eq(merchants.platformId, platformId), eq(merchants.name, name)));
}

test("the create form, submitted after another tab switched to live mode, is refused; reloaded, it creates in live mode", async ({ browser, baseURL }) => {
  const { context, page, ctx } = await newPlatformOwner(browser, baseURL!);
  await page.goto("/dashboard/connected/new");
  await page.getByLabel("Business name").fill("Harbour Florist");

  const other = await context.newPage();
  await other.goto("/dashboard");
  await other.getByRole("button", { name: "Switch to live mode" }).click();
  await expect(other.getByRole("button", { name: "Switch to test mode" })).toBeVisible();

  await page.getByRole("button", { name: "Create connected merchant" }).click();
  await expect(page.getByText(OUT_OF_DATE)).toBeVisible();
  await expect(page.getByLabel("Business name")).toHaveValue("Harbour Florist");
  expect(await connectedNamed(ctx.merchantId, "Harbour Florist")).toEqual([]);

  // The page as it is now: live mode, and the merchant is created there.
  await page.reload();
  await expect(page.getByText("It is created in live mode")).toBeVisible();
  await page.getByLabel("Business name").fill("Harbour Florist");
  await page.getByRole("button", { name: "Create connected merchant" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Harbour Florist");
  expect((await connectedNamed(ctx.merchantId, "Harbour Florist")).map((m) => m.connectedLivemode)).toEqual([true]);
});

test("the invite form, submitted after another tab switched business, is refused and invites nobody", async ({ browser, baseURL }) => {
  const { context, page, userId, connected } = await newPlatformOwner(browser, baseURL!);
  // A second business of the same owner, to switch to.
  const otherId = newId("merchant");
  await database.db.insert(merchants).values({ id: otherId, name: "Owner's Side Shop", country: "DE", defaultCurrency: "EUR" });
  await database.db.insert(memberships).values({ userId, merchantId: otherId, role: "owner" });

  await page.goto(`/dashboard/connected/${connected.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Quay Ceramics");
  const invitee = uniqueEmail("ceramicist");
  await page.getByLabel("Email address to invite").fill(invitee);

  const other = await context.newPage();
  await other.goto("/dashboard");
  await other.getByLabel("Business", { exact: true }).selectOption({ label: "Owner's Side Shop (owner)" });
  await other.getByRole("button", { name: "Switch", exact: true }).click();
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("Owner's Side Shop");

  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(OUT_OF_DATE)).toBeVisible();
  expect(await listOpenInvitations(database.db, connected.id)).toEqual([]);

  // Switched back, the same page invites.
  await other.getByLabel("Business", { exact: true }).selectOption({ label: "Stale Tab Platform (owner)" });
  await other.getByRole("button", { name: "Switch", exact: true }).click();
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("Stale Tab Platform");
  await page.getByLabel("Email address to invite").fill(invitee);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${invitee}.`)).toBeVisible();
  expect((await listOpenInvitations(database.db, connected.id)).map((i) => i.email)).toEqual([invitee]);
});
