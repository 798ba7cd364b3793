import { expect, test } from "@playwright/test";
import { confirmEmail, PASSWORD, signIn, signUp, uniqueEmail } from "./helpers";
import { linkPath, waitForMail } from "./mail";

// The account emails, as people meet them: each arrives at a real SMTP server (scripts/e2e-server.mts) and
// its link is followed in the browser.

test("sign up, the verification email arrives, its link confirms the address and opens live mode and live keys", async ({ page, baseURL }) => {
  const email = uniqueEmail("verify");
  await signUp(page, { email, business: "Verified Vinyl" });
  await expect(page.getByRole("status").filter({ hasText: "Confirm your email address" })).toBeVisible();

  // Until then live mode is refused, with the reason; the dashboard stays in test mode, even with a mode cookie
  // set by hand, so no live key can be made.
  await page.getByRole("button", { name: "Switch to live mode" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Confirm your email address before switching to live mode" })).toBeVisible();
  await page.context().addCookies([{ name: "paylink_mode", value: "live", url: baseURL! }]);
  await page.goto("/dashboard/developers");
  await expect(page.getByRole("note", { name: "Test mode" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Test keys" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create live key" })).toHaveCount(0);
  await page.context().clearCookies({ name: "paylink_mode" });

  const mail = await waitForMail(page.url(), email, /Confirm your email address/);
  expect(mail.from).toContain("no-reply@paylink.test");
  expect(mail.html).toContain("Confirm my address");
  await confirmEmail(page, email);
  // The link is single-use.
  await page.goto(linkPath(mail, "/verify-email/"));
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page.getByText("This link was already used.")).toBeVisible();

  await page.goto("/dashboard/developers");
  await expect(page.getByRole("status").filter({ hasText: "Confirm your email address" })).toHaveCount(0);
  await page.getByRole("button", { name: "Switch to live mode" }).click();
  await expect(page.getByRole("button", { name: "Switch to test mode" })).toBeVisible();
  await page.goto("/dashboard/developers");
  await page.getByRole("button", { name: "Create live key" }).click();
  // The secret is shown once, in its field; the list shows it masked. (Not getByText(/sk_live_/): the page's
  // hint names the prefix, so that matched before the key existed.)
  const secret = page.getByLabel("Secret key");
  await expect(secret).toHaveValue(/^sk_live_[0-9A-Za-z]{32}$/);
  const key = await secret.inputValue();
  await expect(page.getByRole("cell", { name: `sk_live_…${key.slice(-4)}` })).toBeVisible();
});

test("forgot password: the reset email's link sets a new password, which works; the old one and the old session do not", async ({ browser }) => {
  const email = uniqueEmail("reset");
  const oldSession = await (await browser.newContext()).newPage();
  await signUp(oldSession, { email, business: "Forgetful Florist" });

  const page = await (await browser.newContext()).newPage();
  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  const answer = "If a Paylink account uses that address, we have emailed it a link";
  await expect(page.getByText(answer)).toBeVisible();
  // An address with no account gets the very same answer (and no email).
  await page.getByLabel("Email").fill(uniqueEmail("nobody"));
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByText(answer)).toBeVisible();

  const mail = await waitForMail(page.url(), email, /Reset your Paylink password/);
  await page.goto(linkPath(mail, "/reset-password/"));
  await page.getByLabel("New password", { exact: true }).fill("a completely new password");
  await page.getByLabel("New password again").fill("a completely new password");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page).toHaveURL(/\/signin\?reset=1$/);
  await expect(page.getByText("Your password was changed")).toBeVisible();

  await signIn(page, email, PASSWORD);
  await expect(page.getByText("Incorrect email or password.")).toBeVisible();
  await signIn(page, email, "a completely new password");
  await expect(page).toHaveURL(/\/dashboard$/);

  // The browser that was signed in before the reset is signed out.
  await oldSession.goto("/dashboard");
  await expect(oldSession).toHaveURL(/\/signin/);
  // And the link does not work twice.
  await page.goto(linkPath(mail, "/reset-password/"));
  await expect(page.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
});

test("an owner invites an existing user, who accepts and appears in the team", async ({ browser }) => {
  const inviteeEmail = uniqueEmail("invitee");
  const invitee = await (await browser.newContext()).newPage();
  await signUp(invitee, { email: inviteeEmail, business: "Invitee's Shop" });
  await confirmEmail(invitee, inviteeEmail);

  const owner = await (await browser.newContext()).newPage();
  await signUp(owner, { email: uniqueEmail("inviter"), business: "Inviting Ironmongers", confirm: true });
  await owner.goto("/dashboard/settings");
  await owner.getByLabel("Email address to invite").fill(inviteeEmail);
  await owner.getByLabel("Role", { exact: true }).selectOption("admin");
  await owner.getByRole("button", { name: "Send invitation" }).click();
  // Invited, not a member yet.
  await expect(owner.getByText("Invited, not yet accepted")).toBeVisible();
  await expect(owner.getByLabel(`Role of ${inviteeEmail}`)).toHaveCount(0);

  const mail = await waitForMail(owner.url(), inviteeEmail, /invited you to Inviting Ironmongers/);
  await invitee.goto(linkPath(mail, "/invitations/"));
  await expect(invitee.getByRole("heading", { name: "Join Inviting Ironmongers" })).toBeVisible();
  await invitee.getByRole("button", { name: "Accept the invitation" }).click();
  await expect(invitee).toHaveURL(/\/dashboard$/);
  await expect(invitee.getByRole("heading", { level: 1, name: "Inviting Ironmongers" })).toBeVisible();

  await owner.reload();
  await expect(owner.getByLabel(`Role of ${inviteeEmail}`)).toHaveValue("admin");
  await expect(owner.getByText("Invited, not yet accepted")).toHaveCount(0);
});

test("an invitation to an address with no account leads to sign-up, and the new account joins", async ({ browser }) => {
  const owner = await (await browser.newContext()).newPage();
  await signUp(owner, { email: uniqueEmail("inviter"), business: "Newcomer Noodles", confirm: true });
  const newcomerEmail = uniqueEmail("newcomer");
  const newcomer = await (await browser.newContext()).newPage();
  await owner.goto("/dashboard/settings");
  await owner.getByLabel("Email address to invite").fill(newcomerEmail);
  await owner.getByLabel("Role", { exact: true }).selectOption("viewer");
  await owner.getByRole("button", { name: "Send invitation" }).click();
  const mail = await waitForMail(owner.url(), newcomerEmail, /invited you to Newcomer Noodles/);

  await newcomer.goto(linkPath(mail, "/invitations/"));
  await newcomer.getByRole("link", { name: "create an account" }).click();
  await expect(newcomer.getByLabel("Email")).toHaveValue(newcomerEmail);
  await newcomer.getByLabel("Password").fill(PASSWORD);
  await newcomer.getByLabel("Business name").fill("Newcomer's Own");
  await newcomer.getByRole("button", { name: "Create account" }).click();
  await expect(newcomer).toHaveURL(/\/dashboard$/);
  // The invitation email proved the address: no verification banner, and the team is joined.
  await expect(newcomer.getByRole("status").filter({ hasText: "Confirm your email address" })).toHaveCount(0);
  await expect(newcomer.getByLabel("Business")).toContainText("Newcomer Noodles (viewer)");
  await owner.reload();
  await expect(owner.getByLabel(`Role of ${newcomerEmail}`)).toHaveValue("viewer");
});

test("the Messages page lists what was sent to buyers, and an unverified colleague cannot be invited in", async ({ browser }) => {
  const owner = await (await browser.newContext()).newPage();
  await signUp(owner, { email: uniqueEmail("msgs"), business: "Quiet Quills", confirm: true });
  await owner.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Messages" }).click();
  await expect(owner.getByRole("heading", { level: 1, name: "Messages" })).toBeVisible();
  await expect(owner.getByText("No messages yet.")).toBeVisible();
  await expect(owner.getByText("Email goes out over SMTP")).toBeVisible();

  const colleagueEmail = uniqueEmail("unverified");
  const colleague = await (await browser.newContext()).newPage();
  await signUp(colleague, { email: colleagueEmail, business: "Unverified Umbrellas" });
  await owner.goto("/dashboard/settings");
  await owner.getByLabel("Email address to invite").fill(colleagueEmail);
  await owner.getByRole("button", { name: "Send invitation" }).click();
  const mail = await waitForMail(owner.url(), colleagueEmail, /invited you to Quiet Quills/);
  await colleague.goto(linkPath(mail, "/invitations/"));
  await expect(colleague.getByText("Confirm your email address first")).toBeVisible();
  await expect(colleague.getByRole("button", { name: "Accept the invitation" })).toHaveCount(0);

});

test("without JavaScript: confirm the address, ask for a reset, set the new password", async ({ browser }) => {
  const email = uniqueEmail("nojs");
  const setup = await (await browser.newContext()).newPage();
  await signUp(setup, { email, business: "Plain Paper Co" });
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();

  const verification = await waitForMail(setup.url(), email, /Confirm your email address/);
  await page.goto(linkPath(verification, "/verify-email/"));
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page.getByText(`${email} is confirmed.`)).toBeVisible();

  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByText("If a Paylink account uses that address, we have emailed it a link")).toBeVisible();
  const reset = await waitForMail(setup.url(), email, /Reset your Paylink password/);
  await page.goto(linkPath(reset, "/reset-password/"));
  await page.getByLabel("New password", { exact: true }).fill("plain paper password");
  await page.getByLabel("New password again").fill("plain paper password");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page).toHaveURL(/\/signin\?reset=1$/);
  await expect(page.getByText("Your password was changed")).toBeVisible();
  await context.close();
});
