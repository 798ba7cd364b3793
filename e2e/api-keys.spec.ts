import { expect, test, type Page } from "@playwright/test";
import { signUp, uniqueEmail } from "./helpers";

const SECRET = /^sk_test_[0-9A-Za-z]{32}$/;

async function openDevelopers(page: Page) {
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Developers" }).click();
  await expect(page.getByRole("heading", { name: "Test keys" })).toBeVisible();
}

async function createKey(page: Page, name: string): Promise<string> {
  await page.getByLabel("Key name (optional)").fill(name);
  await page.getByRole("button", { name: "Create test key" }).click();
  const field = page.getByLabel("Secret key");
  await expect(field).toHaveValue(SECRET);
  return field.inputValue();
}

function listPaymentLinks(page: Page, key: string) {
  return page.request.get("/api/v1/payment_links", { headers: { authorization: `Bearer ${key}` } });
}

test("an owner creates a test key, sees it once, uses it, and revokes it", async ({ page }) => {
  // Address confirmed: live mode, at the end, waits for that.
  await signUp(page, { email: uniqueEmail("keys"), business: "Key Roasters", confirm: true });
  await openDevelopers(page);
  await expect(page.getByText("No test keys yet.")).toBeVisible();
  await expect(page.getByRole("link", { name: "API reference" })).toHaveAttribute("href", "/docs/api");
  await expect(page.getByRole("link", { name: "OpenAPI document" })).toHaveAttribute("href", "/api/v1/openapi.json");
  await expect(page.getByText(/curl http:\/\/127\.0\.0\.1:\d+\/api\/v1\/payment_links/)).toBeVisible();

  const key = await createKey(page, "CI key");
  await expect(page.getByText("it won’t be shown again")).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "CI key" });
  await expect(row).toContainText(`sk_test_…${key.slice(-4)}`);
  await expect(row).toContainText("Never");
  await expect(row).toContainText("Active");

  const ok = await listPaymentLinks(page, key);
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ object: "list" });

  // After a reload the secret is gone for good; only its mask remains.
  await page.reload();
  await expect(page.getByLabel("Secret key")).toHaveCount(0);
  expect(await page.content()).not.toContain(key);
  await expect(row).toContainText(`sk_test_…${key.slice(-4)}`);
  await expect(row.getByRole("cell").nth(3)).toHaveText(/^(Never|\w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M UTC)$/);

  // Revoking asks for a confirmation first.
  await row.locator("summary", { hasText: "Revoke" }).click();
  await row.getByRole("button", { name: "Confirm revoke" }).click();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: "Confirm revoke" })).toHaveCount(0);

  const refused = await listPaymentLinks(page, key);
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("api_key_invalid");

  // The mode toggle decides which keys the page manages.
  await page.getByRole("button", { name: "Switch to live mode" }).click();
  await expect(page.getByRole("button", { name: "Switch to test mode" })).toBeVisible();
  await page.goto("/dashboard/developers");
  await expect(page.getByRole("heading", { name: "Live keys" })).toBeVisible();
  await expect(page.getByText("No live keys yet.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create live key" })).toBeVisible();
});

test("creating and revoking a key work without JavaScript", async ({ browser }) => {
  const withJs = await browser.newContext();
  const setup = await withJs.newPage();
  await signUp(setup, { email: uniqueEmail("nojs"), business: "Plain HTML Bakery" });
  const page = await (await browser.newContext({ storageState: await withJs.storageState(), javaScriptEnabled: false })).newPage();
  await page.goto("/dashboard/developers");
  await expect(page.getByRole("heading", { name: "Test keys" })).toBeVisible();

  const key = await createKey(page, "Server-rendered key");
  await expect(page.getByRole("button", { name: "Copy" })).toHaveCount(0);
  expect((await listPaymentLinks(page, key)).status()).toBe(200);

  const row = page.getByRole("row").filter({ hasText: "Server-rendered key" });
  await row.locator("summary", { hasText: "Revoke" }).click();
  await row.getByRole("button", { name: "Confirm revoke" }).click();
  await expect(row).toContainText("Revoked");
  expect((await listPaymentLinks(page, key)).status()).toBe(401);
});
