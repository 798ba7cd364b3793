import { readFileSync } from "node:fs";
import { expect, type Page } from "@playwright/test";
import { openPostgres, type Database } from "@/db/client";
import { listMembershipsForUser } from "@/db/queries/memberships";
import { findUserByEmail } from "@/db/queries/users";
import type { ServiceContext } from "@/lib/core/scope";
import { e2eDatabaseFile } from "@/test/databases";
import { linkPath, waitForMail } from "./mail";

export const PASSWORD = "a long enough password";

let counter = 0;
export function uniqueEmail(tag: string): string {
  counter += 1;
  return `${tag}-${Date.now()}-${process.pid}-${counter}@e2e.test`;
}

/**
 * Signs up through the form, as a person would, and waits for the dashboard; with `confirm`, also follows
 * the verification email's link (an owner must have, to invite anyone) and comes back to the dashboard.
 */
export async function signUp(page: Page, { email, business, confirm = false }: { email: string; business: string; confirm?: boolean }) {
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Business name").fill(business);
  await page.getByLabel("Country").selectOption("DE");
  await page.getByLabel("Default currency").selectOption("EUR");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1, name: business })).toBeVisible();
  if (confirm) {
    await confirmEmail(page, email);
    await page.goto("/dashboard");
  }
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

/** The e2e server's own database (scripts/e2e-server.mts leaves its URL in a file), to set data up through services. */
export function openE2eDatabase(baseURL: string, poolSize = 2): Promise<Database> {
  return openPostgres(readFileSync(e2eDatabaseFile(new URL(baseURL).port), "utf8").trim(), poolSize);
}

/** The merchant a dashboard user signed up with, and the test-mode context services take for it. */
export async function merchantOfUser(database: Database, email: string, appUrl: string): Promise<{ userId: string; ctx: ServiceContext }> {
  const user = await findUserByEmail(database.db, email);
  const [membership] = await listMembershipsForUser(database.db, { userId: user!.id });
  return { userId: user!.id, ctx: { merchantId: membership!.merchant.id, livemode: false, appUrl } };
}

/** Follows the verification email's link and confirms, as the person would; the banner goes away. */
export async function confirmEmail(page: Page, email: string) {
  const mail = await waitForMail(page.url(), email, /Confirm your email address/);
  await page.goto(linkPath(mail, "/verify-email/"));
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page.getByText(`${email} is confirmed.`)).toBeVisible();
}

/**
 * The owner invites `email` from Settings; the invitee (signed in on `invitee`, address confirmed) opens
 * the emailed link and accepts, and lands on the dashboard.
 */
export async function inviteAndAccept(owner: Page, invitee: Page, email: string, role: "owner" | "admin" | "viewer") {
  await owner.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Settings" }).click();
  await owner.getByLabel("Email address to invite").fill(email);
  await owner.getByLabel("Role", { exact: true }).selectOption(role);
  await owner.getByRole("button", { name: "Send invitation" }).click();
  await expect(owner.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  const mail = await waitForMail(owner.url(), email, /invited you to/);
  await invitee.goto(linkPath(mail, "/invitations/"));
  await invitee.getByRole("button", { name: "Accept the invitation" }).click();
  await expect(invitee).toHaveURL(/\/dashboard$/);
  await owner.reload();
}
