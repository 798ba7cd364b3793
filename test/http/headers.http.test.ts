import { request as httpRequest } from "node:http";
import { describe, expect, test } from "vitest";
import { createPaymentLink } from "@/lib/services/create-payment-link";
import { newMerchantScope } from "@/test/payments";
import { startApp } from "./app";
import { HttpClient } from "./client";

// What every response says to the browser, and what the proxy refuses before Next.js reads a body: checked
// on the wire, against the app as an operator runs it (http here; a second instance with an https APP_URL).

const app = await startApp();
const httpsApp = await startApp({ APP_URL: "https://pay.example.test" });

async function checkoutPath() {
  const scope = await newMerchantScope(app.database.db);
  const link = await createPaymentLink(app.database.db, { ...scope, appUrl: app.baseUrl }, { item_name: "Tea", amount: 500, currency: "USD", default_country: "US" });
  return new URL(link.url).pathname;
}

function header(answer: { headers: Record<string, string | string[] | undefined> }, name: string): string {
  const value = answer.headers[name];
  return Array.isArray(value) ? value.join(", ") : (value ?? "");
}

describe("security headers", () => {
  test("every HTML page: a CSP whose nonce is on every script and changes per response; nosniff; no framing", async () => {
    const checkout = await checkoutPath();
    const client = app.client();
    for (const path of ["/", "/signin", "/signup", "/docs/api", checkout, "/no-such-page"]) {
      const answer = await client.send(path);
      expect(answer.headers["content-type"], path).toMatch(/^text\/html/);
      const csp = header(answer, "content-security-policy");
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce, path).toBeTruthy();
      expect(csp).toContain("'strict-dynamic'");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("object-src 'none'");
      const scripts = [...answer.body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const script of scripts) expect(script, `${path}: ${script}`).toContain(`nonce="${nonce}"`);
      expect(header(answer, "x-content-type-options")).toBe("nosniff");
      expect(header(answer, "x-frame-options")).toBe("DENY");
      expect(header(answer, "strict-transport-security")).toBe("");
      const again = /'nonce-([^']+)'/.exec(header(await client.send(path), "content-security-policy"))?.[1];
      expect(again).not.toBe(nonce);
    }
  });

  test("checkout pages send no referrer and narrow their forms to this site; the dashboard keeps forms on this site", async () => {
    const checkout = await app.client().send(await checkoutPath());
    expect(header(checkout, "referrer-policy")).toBe("no-referrer");
    expect(checkout.body).toMatch(/<meta http-equiv="Content-Security-Policy" content="form-action &#x27;self&#x27;"\/>/);
    const signIn = await app.client().send("/signin");
    expect(header(signIn, "referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(header(signIn, "content-security-policy")).toContain("form-action 'self';");
    const redirect = await app.client().send("/dashboard");
    expect(redirect.status).toBe(307);
    expect(header(redirect, "content-security-policy")).toContain("frame-ancestors 'none'");
  });

  test("API answers: nothing in them may run; nosniff", async () => {
    const answer = await app.client().send("/api/v1/orders");
    expect(answer.status).toBe(401);
    expect(header(answer, "content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    expect(header(answer, "x-content-type-options")).toBe("nosniff");
  });

  test("with an https APP_URL: Strict-Transport-Security, and http sub-resources are upgraded", async () => {
    const answer = await new HttpClient(httpsApp.baseUrl).send("/signin");
    expect(header(answer, "strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(header(answer, "content-security-policy")).toContain("upgrade-insecure-requests");
  });
});

describe("checkout posts come from the checkout's own page", () => {
  test.each([
    ["no Origin and no Sec-Fetch-Site (a script elsewhere)", {}, 403],
    ["a sibling subdomain", { "sec-fetch-site": "same-site", origin: "http://shop.127.0.0.1.nip.io" }, 403],
    ["another site", { "sec-fetch-site": "cross-site", origin: "https://evil.example" }, 403],
    ["another Origin", { origin: "https://evil.example" }, 403],
    ["its own page (Origin)", { origin: "self" }, 303],
    ["its own page (Sec-Fetch-Site)", { "sec-fetch-site": "same-origin" }, 303],
  ])("%s → %s", async (_name, headers: Record<string, string>, status) => {
    const path = await checkoutPath();
    const sent = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v === "self" ? app.baseUrl : v]));
    const answer = await app.client().send(`${path}/pay`, { form: { method: "card", email: "a@example.com", name: "A" }, headers: sent });
    expect(answer.status).toBe(status);
  });
});

/** Sends `size` bytes to `path`, with their Content-Length or chunked (no length), as a client may. */
function sendBody(path: string, size: number, contentType: string, { chunked = false } = {}): Promise<number> {
  const url = new URL(path, app.baseUrl);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "content-type": contentType, origin: app.baseUrl };
    if (!chunked) headers["content-length"] = String(size);
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    // A server that answers before the end may close the connection under the rest: that is an answer too.
    req.on("error", (error) => (/EPIPE|ECONNRESET/.test(error.message) ? undefined : reject(error)));
    const chunk = Buffer.alloc(64 * 1024, "a");
    for (let sent = 0; sent < size; sent += chunk.length) req.write(chunk.subarray(0, Math.min(chunk.length, size - sent)));
    req.end();
  });
}

describe("bodies over the limit are refused before anything reads them", () => {
  test("a checkout post of 2 MB: 413 from the proxy (its limit is 32 KB); chunked without a length: 400", async () => {
    const path = `${await checkoutPath()}/pay`;
    expect(await sendBody(path, 2 * 1024 * 1024, "application/x-www-form-urlencoded")).toBe(413);
    expect(await sendBody(path, 2 * 1024 * 1024, "application/x-www-form-urlencoded", { chunked: true })).toBe(400);
  });

  test("an API request of 300 KB gets the API's own error", async () => {
    expect(await sendBody("/api/v1/payment_links", 300 * 1024, "application/json")).toBe(400);
  });

  test("a server action of 5 MB (the sign-in form) is refused with 413", async () => {
    expect(await sendBody("/signin", 5 * 1024 * 1024, "multipart/form-data; boundary=x")).toBe(413);
  });

  test("the server is healthy and logged no error after them", async () => {
    expect((await app.client().send("/api/health")).status).toBe(200);
    expect(app.process.output.filter((line) => /"level":"(error|fatal)"|    at /.test(line))).toEqual([]);
  });
});
