import { expect, test } from "@playwright/test";
import { confirmEmail, inviteAndAccept, signUp, uniqueEmail } from "./helpers";

test("an owner adds a viewer, who can switch to the business but not change it", async ({ browser }) => {
  const viewerEmail = uniqueEmail("viewer");
  const viewer = await (await browser.newContext()).newPage();
  await signUp(viewer, { email: viewerEmail, business: "Viewer's Own Shop" });
  await confirmEmail(viewer, viewerEmail);

  const owner = await (await browser.newContext()).newPage();
  await signUp(owner, { email: uniqueEmail("owner"), business: "Owner Bakery", confirm: true });
  await inviteAndAccept(owner, viewer, viewerEmail, "viewer");
  await expect(owner.getByLabel(`Role of ${viewerEmail}`)).toHaveValue("viewer");

  // The owner cannot demote themselves while they are the only owner.
  const ownerRow = owner.getByRole("listitem").filter({ hasText: "(you)" });
  await ownerRow.getByRole("combobox").selectOption("admin");
  await ownerRow.getByRole("button", { name: "Save role" }).click();
  await expect(ownerRow.getByRole("alert")).toContainText("at least one owner");

  // The viewer now has two businesses and sees the bakery read-only.
  await viewer.reload();
  await viewer.getByLabel("Business").selectOption({ label: "Owner Bakery (viewer)" });
  await viewer.getByRole("button", { name: "Switch", exact: true }).click();
  await expect(viewer.getByRole("heading", { level: 1, name: "Owner Bakery" })).toBeVisible();
  await viewer.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Settings" }).click();
  await expect(viewer.getByText("Only an owner or admin can change these settings.")).toBeVisible();
  await expect(viewer.getByLabel("Business name")).toBeDisabled();
  await expect(viewer.getByRole("button", { name: "Save settings" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Send invitation" })).toHaveCount(0);

  // Removed from the team, the viewer falls back to their own business on the next page.
  await owner.getByRole("button", { name: `Remove ${viewerEmail}` }).click();
  await expect(owner.getByText(viewerEmail)).toHaveCount(0);
  await viewer.reload();
  await expect(viewer.getByLabel("Business name")).toHaveValue("Viewer's Own Shop");
});

test("a removed admin loses the business at once, and the keys they made are offered for rolling", async ({ browser }) => {
  const adminEmail = uniqueEmail("leaver");
  const admin = await (await browser.newContext()).newPage();
  await signUp(admin, { email: adminEmail, business: "Leaver's Own Shop" });
  await confirmEmail(admin, adminEmail);

  const owner = await (await browser.newContext()).newPage();
  await signUp(owner, { email: uniqueEmail("owner"), business: "Keys Bakery", confirm: true });
  await inviteAndAccept(owner, admin, adminEmail, "admin");

  // The admin works for the bakery and creates a key, which they could copy.
  await admin.reload();
  await admin.getByLabel("Business").selectOption({ label: "Keys Bakery (admin)" });
  await admin.getByRole("button", { name: "Switch", exact: true }).click();
  await admin.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Developers" }).click();
  await admin.getByLabel("Key name (optional)").fill("Shop sync");
  await admin.getByRole("button", { name: "Create test key" }).click();
  const leakedKey = await admin.getByLabel("Secret key").inputValue();
  expect(leakedKey).toMatch(/^sk_test_/);
  const settingsUrl = new URL("/dashboard/settings", admin.url()).toString();

  await owner.getByRole("button", { name: `Remove ${adminEmail}` }).click();
  await expect(owner.getByRole("heading", { name: `${adminEmail} was removed. An API key they created still works.` })).toBeVisible();
  await expect(owner.getByText(`sk_test_…${leakedKey.slice(-4)}`)).toBeVisible();

  // The next thing the admin does for the bakery shows their own business instead; a post for the bakery is refused.
  await admin.goto(settingsUrl);
  await expect(admin.getByLabel("Business name")).toHaveValue("Leaver's Own Shop");
  await expect(admin.getByLabel("Business", { exact: true })).not.toContainText("Keys Bakery");

  // The key they copied works until the owner rolls it; then it is refused and the new one works.
  expect((await owner.request.get("/api/v1/payment_links", { headers: { authorization: `Bearer ${leakedKey}` } })).status()).toBe(200);
  await owner.getByRole("button", { name: "Roll this key" }).click();
  const newKey = await owner.getByLabel("Shop sync (test)").inputValue();
  expect(newKey).toMatch(/^sk_test_/);
  expect(newKey).not.toBe(leakedKey);
  expect((await owner.request.get("/api/v1/payment_links", { headers: { authorization: `Bearer ${leakedKey}` } })).status()).toBe(401);
  expect((await owner.request.get("/api/v1/payment_links", { headers: { authorization: `Bearer ${newKey}` } })).status()).toBe(200);
});
