import { expect, test, type BrowserContext } from "@playwright/test";
import { PASSWORD, signIn, signUp, uniqueEmail } from "./helpers";

test("sign up lands on the dashboard of the new business, in test mode", async ({ page }) => {
  // Address confirmed: live mode waits for that (account-emails.spec.ts).
  await signUp(page, { email: uniqueEmail("signup"), business: "Kaffeehaus Berlin", confirm: true });
  await expect(page.getByRole("note", { name: "Test mode" })).toBeVisible();
  for (const item of ["Links", "Orders", "Developers", "Settings"]) {
    await expect(page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: item })).toBeVisible();
  }
  await expect(page.getByText("EUR", { exact: true })).toBeVisible();

  // Live mode says what it needs: buyers cannot pay until a payment processor is connected.
  await page.getByRole("button", { name: "Switch to live mode" }).click();
  await expect(page.getByRole("note", { name: "Live mode" })).toContainText("no payment processor is connected");
  await expect(page.getByRole("note", { name: "Test mode" })).toHaveCount(0);
});

test("sign out, a protected page sends to sign-in, and signing in returns there", async ({ page }) => {
  const email = uniqueEmail("roundtrip");
  await signUp(page, { email, business: "Round Trip Ltd" });
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  await page.goto("/dashboard/settings");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard%2Fsettings/);
  await signIn(page, email);
  await expect(page).toHaveURL(/\/dashboard\/settings$/);
  await expect(page.getByLabel("Business name")).toHaveValue("Round Trip Ltd");
});

test("a signed-in visitor sent to sign-in with a crafted callback stays on this site", async ({ page, baseURL }) => {
  await signUp(page, { email: uniqueEmail("redirect"), business: "Redirect Check" });
  // A tab right after the first slash: browsers drop it, and "/\t/evil.example" becomes "//evil.example".
  for (const callback of ["/%09/evil.example", "/%0A/evil.example", "/%5C/evil.example", "//evil.example", "https://evil.example/"]) {
    await page.goto(`/signin?callbackUrl=${callback}`);
    await expect(page).toHaveURL(`${baseURL}/dashboard`);
  }
  await page.goto("/signin?callbackUrl=%2Fdashboard%2Fsettings");
  await expect(page).toHaveURL(`${baseURL}/dashboard/settings`);
});

test("a wrong password and an unknown email get the same message and no session", async ({ page }) => {
  const email = uniqueEmail("wrong");
  await signUp(page, { email, business: "Wrong Password GmbH" });
  await page.getByRole("button", { name: "Sign out" }).click();

  await signIn(page, email, "not the password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Incorrect email or password.");
  await expect(page.getByLabel("Email")).toHaveValue(email);

  await signIn(page, uniqueEmail("nobody"), PASSWORD);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Incorrect email or password.");

  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin/);
});

test("repeated failures are slowed down, even for the right password", async ({ page }) => {
  const email = uniqueEmail("throttle");
  await signUp(page, { email, business: "Throttled AG" });
  await page.getByRole("button", { name: "Sign out" }).click();
  for (let i = 0; i < 5; i++) {
    await signIn(page, email, `guess-${i}`);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Incorrect email or password.");
  }
  await signIn(page, email, PASSWORD);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Too many failed attempts");
  await expect(page).toHaveURL(/\/signin/);
});

test("a user with two businesses switches between them", async ({ page }) => {
  await signUp(page, { email: uniqueEmail("switch"), business: "First Shop" });
  await page.getByRole("link", { name: "New business" }).click();
  await page.getByLabel("Business name").fill("Second Shop");
  await page.getByLabel("Country").selectOption("JP");
  await page.getByLabel("Default currency").selectOption("JPY");
  await page.getByRole("button", { name: "Create business" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Second Shop" })).toBeVisible();
  await expect(page.getByText("JPY", { exact: true })).toBeVisible();

  await page.getByLabel("Business").selectOption({ label: "First Shop (owner)" });
  await page.getByRole("button", { name: "Switch", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "First Shop" })).toBeVisible();

  // The choice sticks across pages.
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByLabel("Business name")).toHaveValue("First Shop");
});

test("the owner edits the business settings", async ({ page }) => {
  await signUp(page, { email: uniqueEmail("settings"), business: "Settings Co" });
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("Business name").fill("Settings Company");
  await page.getByLabel("Logo URL").fill("https://cdn.example.com/logo.png");
  await page.getByLabel("Default currency").selectOption("CHF");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Settings saved.");
  // The form shows what was saved, not what it was first rendered with; the header follows the new name.
  await expect(page.getByLabel("Default currency")).toHaveValue("CHF");
  await expect(page.getByLabel("Business", { exact: true })).toContainText("Settings Company");
  await page.reload();
  await expect(page.getByLabel("Default currency")).toHaveValue("CHF");
  await expect(page.getByLabel("Business name")).toHaveValue("Settings Company");
  await expect(page.getByLabel("Logo URL")).toHaveValue("https://cdn.example.com/logo.png");

  await page.getByLabel("Logo URL").fill("ftp://nope");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Use an http(s) URL for the logo.")).toBeVisible();
});

test("a refused sign-up keeps what was typed and chosen", async ({ page }) => {
  const email = uniqueEmail("taken");
  await signUp(page, { email, business: "First Owner" });
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Business name").fill("Second Try");
  await page.getByLabel("Country").selectOption("JP");
  await page.getByLabel("Default currency").selectOption("JPY");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this email already exists")).toBeVisible();
  await expect(page.getByLabel("Country")).toHaveValue("JP");
  await expect(page.getByLabel("Default currency")).toHaveValue("JPY");
  await expect(page.getByLabel("Business name")).toHaveValue("Second Try");
});

/** The session cookie of a signed-in context, as an attacker who copied it would hold it. */
async function sessionCookies(context: BrowserContext) {
  const cookies = (await context.cookies()).filter((c) => c.name.includes("session-token"));
  expect(cookies.length).toBeGreaterThan(0);
  return cookies;
}

test("a session cookie copied before sign-out no longer opens the dashboard", async ({ page, browser }) => {
  await signUp(page, { email: uniqueEmail("copied"), business: "Copied Cookie Co" });
  const copied = await sessionCookies(page.context());
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/dashboard/settings");
  await expect(stolen).toHaveURL(/\/signin/);
  await expect(stolen.getByRole("heading", { name: "Sign in to Paylink" })).toBeVisible();
  await thief.close();
});

test("changing the password signs out every other session, keeps this one, and the new password works", async ({ page, browser }) => {
  const email = uniqueEmail("password");
  await signUp(page, { email, business: "Password Change Ltd" });
  // A second browser signed in as the same person (a laptop left at work).
  const other = await browser.newContext();
  const laptop = await other.newPage();
  await laptop.goto("/signin");
  await signIn(laptop, email);
  await expect(laptop).toHaveURL(/\/dashboard$/);

  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Settings" }).click();
  const form = page.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill("not my password");
  await form.getByLabel("New password", { exact: true }).fill("a brand new password");
  await form.getByLabel("Confirm new password").fill("a brand new password");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("That is not your current password.")).toBeVisible();

  await form.getByLabel("Current password").fill(PASSWORD);
  await form.getByLabel("New password", { exact: true }).fill("a brand new password");
  await form.getByLabel("Confirm new password").fill("a brand new password");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toHaveText("Password changed. One other session was signed out.");

  // This browser stays in; the laptop is out at its next step; the old password no longer works.
  await page.reload();
  await expect(page.getByLabel("Business name")).toHaveValue("Password Change Ltd");
  await laptop.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Orders" }).click();
  await expect(laptop).toHaveURL(/\/signin/);
  await signIn(laptop, email);
  await expect(laptop.getByRole("main").getByRole("alert")).toHaveText("Incorrect email or password.");
  await signIn(laptop, email, "a brand new password");
  await expect(laptop).toHaveURL(/\/dashboard/);
  await other.close();
});
