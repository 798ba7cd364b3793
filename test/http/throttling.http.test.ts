import { describe, expect, test } from "vitest";
import { signUp } from "@/lib/services/sign-up";
import { uniqueEmail } from "@/test/ids";
import { startApp } from "./app";
import { signedIn, signInError } from "./client";

// Sign-in and sign-up throttling as an attacker meets it: over HTTP, against the app as an operator runs it
// (no proxy trusted, the default limits: 5 failures per account and address, 20 per account, 50 per address
// in 15 minutes; 10 sign-ups per address an hour).

const app = await startApp();
const PASSWORD = "the right password 1";

async function account() {
  const email = uniqueEmail("throttle");
  await signUp(app.database.db, { email, password: PASSWORD, businessName: "Throttled", country: "US", currency: "USD" });
  return email;
}

describe("sign-in", () => {
  test("30 wrong passwords for one account from 30 forged X-Forwarded-For addresses end in 'too many attempts'", async () => {
    const email = await account();
    const client = app.client();
    const outcomes: string[] = [];
    for (let i = 0; i < 30; i++) {
      const csrf = JSON.parse((await client.send("/api/auth/csrf")).body) as { csrfToken: string };
      const answer = await client.send("/api/auth/callback/credentials", {
        form: { email, password: `guess-${i}`, csrfToken: csrf.csrfToken },
        headers: { "x-forwarded-for": `203.0.113.${i + 1}`, "x-real-ip": `198.51.100.${i + 1}`, origin: app.baseUrl },
      });
      outcomes.push(signInError(answer) ?? "?");
    }
    // The address limit (5 per account here) catches it: the forged header is not the address.
    expect(outcomes.slice(0, 5)).toEqual(Array(5).fill("credentials"));
    expect(outcomes.slice(5)).toEqual(Array(25).fill("too_many_attempts"));
    // And the owner, from elsewhere, still gets in (the account's own limit, 20, was not reached: only 5 were checked).
    expect(signedIn(await app.client().signIn(email, PASSWORD))).toBe(true);
  });

  test("from 30 real addresses, the account's own limit (20) ends it: no address can keep guessing", async () => {
    const email = await account();
    const outcomes: string[] = [];
    for (let i = 0; i < 30; i++) outcomes.push(signInError(await app.client().signIn(email, `guess-${i}`)) ?? "?");
    expect(outcomes.slice(0, 20)).toEqual(Array(20).fill("credentials"));
    expect(outcomes.slice(20)).toEqual(Array(10).fill("too_many_attempts"));
    // Now even the right password waits for the window to pass, from any address.
    expect(signInError(await app.client().signIn(email, PASSWORD))).toBe("too_many_attempts");
  });

  test("30 attempts sent at the same moment: only 5 passwords are checked", async () => {
    const email = await account();
    const client = app.client();
    const csrf = JSON.parse((await client.send("/api/auth/csrf")).body) as { csrfToken: string };
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        client.send("/api/auth/callback/credentials", { form: { email, password: `guess-${i}`, csrfToken: csrf.csrfToken }, headers: { origin: app.baseUrl } }),
      ),
    );
    const errors = answers.map(signInError);
    expect(errors.filter((e) => e === "credentials")).toHaveLength(5);
    expect(errors.filter((e) => e === "too_many_attempts")).toHaveLength(25);
  });

  test("one address spraying many accounts is stopped after 50 failures, whatever it forwards", async () => {
    const client = app.client();
    const emails = await Promise.all(Array.from({ length: 13 }, () => account()));
    const outcomes: string[] = [];
    for (let i = 0; i < 52; i++) {
      const csrf = JSON.parse((await client.send("/api/auth/csrf")).body) as { csrfToken: string };
      const answer = await client.send("/api/auth/callback/credentials", {
        form: { email: emails[i % 13]!, password: `spray-${i}`, csrfToken: csrf.csrfToken },
        headers: { "x-forwarded-for": `192.0.2.${i + 1}`, origin: app.baseUrl },
      });
      outcomes.push(signInError(answer) ?? "?");
    }
    expect(outcomes.slice(0, 50).every((o) => o === "credentials")).toBe(true);
    expect(outcomes.slice(50)).toEqual(["too_many_attempts", "too_many_attempts"]);
  });
});

test("sign-up: 10 accounts an hour per address, then a clear refusal", async () => {
  const client = app.client();
  const page = await client.send("/signup");
  expect(page.status).toBe(200);
  const results: number[] = [];
  for (let i = 0; i < 11; i++) {
    const answer = await signUpOverHttp(client, page.body, uniqueEmail("signup"));
    results.push(answer.includes("Too many accounts were created from your network") ? 0 : 1);
  }
  expect(results).toEqual([...Array(10).fill(1), 0]);
  // Another address is not affected.
  const other = app.client();
  expect(await signUpOverHttp(other, (await other.send("/signup")).body, uniqueEmail("signup"))).not.toContain("Too many accounts");
});

/**
 * Posts the sign-up form the way the browser's form does without JavaScript: a multipart post of the form's
 * fields plus the server action's hidden inputs, read from the page.
 */
async function signUpOverHttp(client: ReturnType<typeof app.client>, html: string, email: string): Promise<string> {
  const hidden = [...html.matchAll(/<input type="hidden" name="(\$ACTION_[^"]+)"(?: value="([^"]*)")?/g)].map((m) => [m[1]!, decodeHtml(m[2] ?? "")] as const);
  const form = new FormData();
  for (const [name, value] of hidden) form.set(name, value);
  form.set("email", email);
  form.set("password", PASSWORD);
  form.set("businessName", "Sign-up Throttle");
  form.set("country", "US");
  form.set("currency", "USD");
  const request = new Request("http://x/", { method: "POST", body: form });
  const body = Buffer.from(await request.arrayBuffer());
  const answer = await client.send("/signup", { body, headers: { "content-type": request.headers.get("content-type")!, origin: client.baseUrl } });
  return `${answer.status} ${answer.location ?? ""} ${answer.body}`;
}

function decodeHtml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&#x27;/g, "'");
}
