import { expect, type Page } from "@playwright/test";

export const PASSWORD = "a long enough password";

let counter = 0;
export function uniqueEmail(tag: string): string {
  counter += 1;
  return `${tag}-${Date.now()}-${process.pid}-${counter}@e2e.test`;
}

/** Signs up through the form, as a person would, and waits for the dashboard. */
export async function signUp(page: Page, { email, business }: { email: string; business: string }) {
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Business name").fill(business);
  await page.getByLabel("Country").selectOption("DE");
  await page.getByLabel("Default currency").selectOption("EUR");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1, name: business })).toBeVisible();
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  const button = page.getByRole("button", { name: "Sign in" });
  // React resets the form when the previous attempt's action settles; fill only after that.
  await expect(button).toBeEnabled();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  // Wait for this attempt's answer, not an alert left over from the last one.
  await Promise.all([
    page.waitForResponse((response) => response.request().method() === "POST" && response.url().includes("/signin")),
    button.click(),
  ]);
  await expect(page.locator("button[aria-busy]")).toHaveCount(0);
}
