import { expect, test, type Page } from "@playwright/test";
import { confirmEmail, inviteAndAccept, signUp, uniqueEmail } from "./helpers";

async function openLinks(page: Page) {
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Links" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Payment links" })).toBeVisible();
}

async function createFixedLink(page: Page, { item, currency, amount }: { item: string; currency: string; amount: string }) {
  await page.goto("/dashboard/links/new");
  await page.getByLabel("Item name").fill(item);
  await page.getByLabel("Currency").selectOption(currency);
  await page.getByLabel("Amount", { exact: true }).fill(amount);
  await page.getByRole("button", { name: "Create payment link" }).click();
  await expect(page).toHaveURL(/\/dashboard\/links\/plink_[0-9A-Za-z]+$/);
  await expect(page.getByRole("heading", { level: 1, name: item })).toBeVisible();
  return new URL(page.url()).pathname.split("/").pop()!;
}

function row(page: Page, name: string) {
  return page.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) });
}

test("a merchant creates a JPY link, finds it, disables and re-enables it, and copies its URL", async ({ browser }) => {
  const context = await browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const page = await context.newPage();
  await signUp(page, { email: uniqueEmail("links"), business: "Matcha House" });

  await openLinks(page);
  await expect(page.getByRole("heading", { name: "No payment links yet" })).toBeVisible();
  await page.getByRole("link", { name: "Create your first payment link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New payment link" })).toBeVisible();
  // The merchant's default currency is pre-selected, and the picker says how many decimals each one has.
  await expect(page.getByLabel("Currency")).toHaveValue("EUR");
  await expect(page.getByRole("option", { name: "JPY — Yen (0 decimals)" })).toBeAttached();
  await page.getByLabel("Item name").fill("Matcha set");
  await page.getByLabel("Currency").selectOption("JPY");
  await page.getByLabel("Amount", { exact: true }).fill("1500");
  await page.getByRole("button", { name: "Create payment link" }).click();
  await expect(page).toHaveURL(/\/dashboard\/links\/plink_[0-9A-Za-z]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Matcha set" })).toBeVisible();
  await expect(page.getByText("¥1,500")).toBeVisible();

  const hojichaId = await createFixedLink(page, { item: "Hojicha tin", currency: "EUR", amount: "12.50" });

  await openLinks(page);
  await expect(page.getByTestId("link-row")).toHaveCount(2);
  await expect(row(page, "Matcha set")).toContainText("¥1,500");
  await expect(row(page, "Hojicha tin")).toContainText("€12.50");
  await expect(page.getByRole("link", { name: "Next page" })).toHaveCount(0);

  // Newest first; a cursor lists what comes after it, with a way back to the first page.
  await page.goto(`/dashboard/links?starting_after=${hojichaId}`);
  await expect(page.getByTestId("link-row")).toHaveCount(1);
  await expect(row(page, "Matcha set")).toBeVisible();
  await page.getByRole("link", { name: "First page" }).click();
  await expect(page.getByTestId("link-row")).toHaveCount(2);

  // Find it by keyword.
  const filters = page.getByRole("search", { name: "Filter payment links" });
  await filters.getByLabel("Search").fill("MATCHA");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]q=MATCHA/);
  await expect(page.getByTestId("link-row")).toHaveCount(1);
  const matcha = row(page, "Matcha set");
  await expect(matcha.getByTestId("link-status")).toHaveText("Active");

  // Disable, then enable again; the filter stays applied.
  await matcha.getByRole("button", { name: "Disable Matcha set" }).click();
  await expect(matcha.getByTestId("link-status")).toHaveText("Disabled");
  await expect(page).toHaveURL(/[?&]q=MATCHA/);
  await filters.getByLabel("Status").selectOption("inactive");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]status=inactive/);
  await expect(page.getByTestId("link-row")).toHaveCount(1);
  await matcha.getByRole("button", { name: "Enable Matcha set" }).click();
  await expect(page.getByText("No payment links match these filters.")).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/dashboard\/links$/);
  await expect(filters.getByLabel("Search")).toHaveValue("");
  await expect(filters.getByLabel("Status")).toHaveValue("all");
  await expect(page.getByTestId("link-row")).toHaveCount(2);
  await expect(matcha.getByTestId("link-status")).toHaveText("Active");

  // The detail page, and its URL copied to the clipboard.
  await matcha.getByRole("link", { name: "Matcha set" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Matcha set" })).toBeVisible();
  const url = await page.getByLabel("Checkout URL").inputValue();
  expect(url).toMatch(/\/l\/[0-9A-Za-z]{32}$/);
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await expect(page.getByRole("region", { name: "Statistics" })).toHaveText(/Visits\s*0\s*Payments\s*0\s*Collected\s*¥0/);
  await context.close();
});

test("12.5 JPY is refused with a clear message and nothing is created", async ({ page }) => {
  await signUp(page, { email: uniqueEmail("links-jpy"), business: "Sencha Stand" });
  await page.goto("/dashboard/links/new");
  await page.getByLabel("Item name").fill("Sencha");
  await page.getByLabel("Currency").selectOption("JPY");
  await page.getByLabel("Amount", { exact: true }).fill("12.5");
  await page.getByRole("button", { name: "Create payment link" }).click();

  await expect(page.getByText("JPY has no decimals: enter a whole amount, such as 1500.")).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Check the highlighted field below." })).toBeVisible();
  await expect(page.getByLabel("Amount", { exact: true })).toHaveAttribute("aria-invalid", "true");
  // What was typed is still there to correct.
  await expect(page.getByLabel("Amount", { exact: true })).toHaveValue("12.5");
  await expect(page.getByLabel("Item name")).toHaveValue("Sencha");
  await expect(page.getByLabel("Currency")).toHaveValue("JPY");
  await expect(page).toHaveURL(/\/dashboard\/links\/new$/);

  await openLinks(page);
  await expect(page.getByRole("heading", { name: "No payment links yet" })).toBeVisible();
});

test("a link where the customer chooses the amount shows as Custom, and its settings can be edited", async ({ page }) => {
  await signUp(page, { email: uniqueEmail("links-custom"), business: "Tip Jar Co" });
  await page.goto("/dashboard/links/new");
  await page.getByLabel("Item name").fill("Tip");
  await page.getByLabel("Name", { exact: true }).fill("Tip jar");
  await page.getByLabel("Currency").selectOption("USD");
  await expect(page.getByLabel("Minimum amount")).toBeHidden();
  await page.getByLabel("Customer chooses").check();
  await expect(page.getByLabel("Amount", { exact: true })).toBeHidden();
  await page.getByLabel("Minimum amount").fill("5");
  await page.getByLabel("Maximum amount").fill("500");
  await page.getByLabel("Preset amount").fill("20");
  await page.getByLabel("Alipay").check();
  await page.getByLabel("Metadata key 1").fill("campaign");
  await page.getByLabel("Metadata value 1").fill("spring");
  await page.getByRole("button", { name: "Create payment link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tip jar" })).toBeVisible();
  await expect(page.getByText("Customer chooses: $5.00 – $500.00, preset $20.00")).toBeVisible();
  await expect(page.getByText("Card, Alipay")).toBeVisible();
  await expect(page.getByText("campaign: spring")).toBeVisible();

  await openLinks(page);
  const tip = row(page, "Tip jar");
  await expect(tip).toContainText("Custom");
  await expect(tip).toContainText("$5.00 – $500.00, preset $20.00");

  // Edit: what PATCH accepts is editable, the price is not.
  await tip.getByRole("link", { name: "Tip jar" }).click();
  await page.getByRole("link", { name: "Edit Tip jar" }).click();
  await expect(page.getByLabel("Minimum amount")).toHaveCount(0);
  await page.getByLabel("Name", { exact: true }).fill("Tips for the band");
  await page.getByLabel("Metadata key 1").fill("");
  await page.getByLabel("Metadata value 1").fill("");
  await page.getByLabel("Metadata key 2").fill("venue");
  await page.getByLabel("Metadata value 2").fill("Blue Note");
  await page.getByLabel("Redirect to your site").check();
  await page.getByLabel("Redirect URL").fill("not a url");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Must be an absolute http(s) URL.")).toBeVisible();
  await page.getByLabel("Redirect URL").fill("https://band.example/thanks");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tips for the band" })).toBeVisible();
  await expect(page.getByText("venue: Blue Note")).toBeVisible();
  await expect(page.getByText("campaign: spring")).toHaveCount(0);
  await expect(page.getByText("Redirect to https://band.example/thanks")).toBeVisible();
});

test("without JavaScript, links are created, refused and disabled with plain forms", async ({ browser }) => {
  const setup = await browser.newContext();
  const signedUp = await setup.newPage();
  await signUp(signedUp, { email: uniqueEmail("links-nojs"), business: "Plain HTML Shop" });
  const context = await browser.newContext({ storageState: await setup.storageState(), javaScriptEnabled: false });
  await setup.close();
  const page = await context.newPage();

  await page.goto("/dashboard/links/new");
  await page.getByLabel("Item name").fill("Gyokuro");
  await page.getByLabel("Currency").selectOption("JPY");
  await page.getByLabel("Amount", { exact: true }).fill("12.5");
  await page.getByRole("button", { name: "Create payment link" }).click();
  await expect(page.getByText("JPY has no decimals: enter a whole amount, such as 1500.")).toBeVisible();
  await expect(page.getByLabel("Amount", { exact: true })).toHaveValue("12.5");

  await page.getByLabel("Amount", { exact: true }).fill("3000");
  await page.getByRole("button", { name: "Create payment link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Gyokuro" })).toBeVisible();
  await expect(page.getByLabel("Checkout URL")).toHaveValue(/\/l\/[0-9A-Za-z]{32}$/);

  await page.getByRole("button", { name: "Disable Gyokuro" }).click();
  await expect(page.getByTestId("link-status")).toHaveText("Disabled");

  await page.goto("/dashboard/links?q=gyo&status=inactive");
  await expect(row(page, "Gyokuro")).toContainText("¥3,000");
  await context.close();
});

test("a viewer sees links read-only, and another merchant's link is not found", async ({ browser }) => {
  const viewerEmail = uniqueEmail("links-viewer");
  const viewer = await (await browser.newContext()).newPage();
  await signUp(viewer, { email: viewerEmail, business: "Viewer Shop" });
  await confirmEmail(viewer, viewerEmail);
  const owner = await (await browser.newContext()).newPage();
  await signUp(owner, { email: uniqueEmail("links-owner"), business: "Owner Teas", confirm: true });
  const id = await createFixedLink(owner, { item: "Oolong", currency: "EUR", amount: "9" });

  // Acting for their own business, the other user cannot see or change the owner's link.
  for (const path of [`/dashboard/links/${id}`, `/dashboard/links/${id}/edit`]) {
    const response = await viewer.goto(path);
    expect(response?.status()).toBe(404);
    await expect(viewer.getByText("Oolong")).toHaveCount(0);
  }

  await inviteAndAccept(owner, viewer, viewerEmail, "viewer");

  await viewer.goto("/dashboard");
  await viewer.getByLabel("Business").selectOption({ label: "Owner Teas (viewer)" });
  await viewer.getByRole("button", { name: "Switch", exact: true }).click();
  await expect(viewer.getByRole("heading", { level: 1, name: "Owner Teas" })).toBeVisible();
  await openLinks(viewer);
  await expect(row(viewer, "Oolong")).toContainText("€9.00");
  await expect(viewer.getByRole("link", { name: "New payment link" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: /Disable|Enable/ })).toHaveCount(0);
  await row(viewer, "Oolong").getByRole("link", { name: "Oolong" }).click();
  await expect(viewer.getByLabel("Checkout URL")).toHaveValue(/\/l\/[0-9A-Za-z]{32}$/);
  await expect(viewer.getByRole("link", { name: /^Edit/ })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: /Disable|Enable/ })).toHaveCount(0);
  await viewer.goto("/dashboard/links/new");
  await expect(viewer.getByText("Only an owner or admin can create payment links.")).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Create payment link" })).toHaveCount(0);
  await viewer.goto(`/dashboard/links/${id}/edit`);
  await expect(viewer.getByText("Only an owner or admin can change payment links.")).toBeVisible();
});
