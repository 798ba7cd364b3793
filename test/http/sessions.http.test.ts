import { expect, test } from "vitest";
import { signUp } from "@/lib/services/sign-up";
import { uniqueEmail } from "@/test/ids";
import { startApp } from "./app";
import { HttpClient, signedIn } from "./client";

// Sessions end when they should, over HTTP: a copy of the session cookie taken before sign-out is worth
// nothing after it.

const app = await startApp();
const PASSWORD = "the right password 2";

test("a session cookie replayed after sign-out is refused, and the sign-in page does not take it for a session", async () => {
  const email = uniqueEmail("replay");
  await signUp(app.database.db, { email, password: PASSWORD, businessName: "Replay Shop", country: "US", currency: "USD" });
  const browser = app.client();
  expect(signedIn(await browser.signIn(email, PASSWORD))).toBe(true);
  const dashboard = await browser.send("/dashboard/settings");
  expect(dashboard.status).toBe(200);
  expect(dashboard.body).toContain("Replay Shop");

  // What an attacker copies (from a shared computer, a proxy log, malware): the cookies as they are now.
  const copy = new HttpClient(app.baseUrl, browser.from);
  for (const [name, value] of browser.cookies) copy.cookies.set(name, value);
  expect((await copy.send("/dashboard/settings")).status).toBe(200);

  await browser.signOut();
  const replayed = await copy.send("/dashboard/settings");
  expect(replayed.body).not.toContain("Replay Shop");
  expect(replayed.status).toBe(307);
  expect(replayed.location).toMatch(/\/signin/);
  // The sign-in page does not take the dead cookie for a session either (no redirect loop back to the dashboard).
  const signInPage = await copy.send("/signin?callbackUrl=%2Fdashboard");
  expect(signInPage.status).toBe(200);
  expect(signInPage.body).toContain("Sign in to Paylink");
});
