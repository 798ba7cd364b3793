import { gzipSync } from "node:zlib";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import { paymentLinks } from "@/db/schema";
import { createApiKey } from "@/lib/services/create-api-key";
import { createPaymentLink } from "@/lib/services/create-payment-link";
import { LOCALES, textDirection } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { newMerchantScope } from "@/test/payments";
import { startApp } from "./app";

// The checkout's languages over the wire: which language a page is served in, the switcher's form post (its
// cookie, where it goes back to, what it refuses), `locale` on the API, and what each language weighs — the
// words render on the server, so no language may load a script another does not.

const app = await startApp();
const db = app.database.db;
const weights: Record<string, { html_bytes: number; html_gzip_bytes: number; scripts: number }> = {};
afterAll(() => {
  // The figures the README's Languages section quotes.
  console.log(`checkout page weight by language: ${JSON.stringify(weights)}`);
});

async function newLink(input: Record<string, unknown> = {}) {
  const scope = await newMerchantScope(db);
  const link = await createPaymentLink(db, { ...scope, appUrl: app.baseUrl }, { item_name: "Tea set", amount: 4500, currency: "USD", default_country: "US", ...input });
  return { scope, link, path: new URL(link.url).pathname };
}

/** The Set-Cookie line that remembers the language, or "" (the answer also sets the page's flash). */
const localeCookie = (answer: { headers: Record<string, string | string[] | undefined> }) => [answer.headers["set-cookie"] ?? []].flat().find((line) => line.startsWith("paylink_locale=")) ?? "";

const htmlAttributes = (body: string) => /<html([^>]*)>/.exec(body)?.[1] ?? "";
const scriptsOf = (body: string) => [...body.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!).sort();

describe("which language a checkout page speaks", () => {
  test("each language by Accept-Language: <html lang dir>, its words, and the same scripts as English", async () => {
    const { path } = await newLink();
    const english = await app.client().send(path, { headers: { "accept-language": "en" } });
    for (const locale of LOCALES) {
      const page = await app.client().send(path, { headers: { "accept-language": `${locale},en;q=0.5` } });
      expect(page.status).toBe(200);
      expect(htmlAttributes(page.body)).toContain(`lang="${locale}"`);
      expect(htmlAttributes(page.body)).toContain(`dir="${textDirection(locale)}"`);
      expect(page.body).toContain(translator(locale, "checkout")("page.secureCheckout"));
      expect(scriptsOf(page.body), locale).toEqual(scriptsOf(english.body));
      weights[locale] = { html_bytes: Buffer.byteLength(page.body), html_gzip_bytes: gzipSync(page.body).length, scripts: scriptsOf(page.body).length };
    }
  });

  test("the merchant's setting beats the browser; the buyer's pick beats both, on that checkout only", async () => {
    const { path, scope } = await newLink({ locale: "de" });
    const other = await createPaymentLink(db, { ...scope, appUrl: app.baseUrl }, { item_name: "Cups", amount: 900, currency: "USD", default_country: "US" });
    const buyer = app.client();
    const page = await buyer.send(path, { headers: { "accept-language": "ja" } });
    expect(htmlAttributes(page.body)).toContain('lang="de"');

    const switched = await buyer.send(`${path}/language`, { form: { locale: "ar", return: `${path}?src=qr` }, headers: { "sec-fetch-site": "same-origin" } });
    expect(switched.status).toBe(303);
    expect(switched.location).toBe(`${path}?src=qr`);
    const cookie = localeCookie(switched);
    expect(cookie).toMatch(new RegExp(`^paylink_locale=ar; Path=${path}; Max-Age=\\d+; HttpOnly; SameSite=Lax$`));
    expect(htmlAttributes((await buyer.send(path, { headers: { "accept-language": "ja", cookie: "paylink_locale=ar" } })).body)).toContain('dir="rtl"');
    // The cookie's path keeps it to this checkout (this client, unlike a browser, would send it anywhere).
    expect(cookie).not.toContain(new URL(other.url).pathname);
    expect(htmlAttributes((await app.client().send(new URL(other.url).pathname, { headers: { "accept-language": "ja" } })).body)).toContain('lang="ja"');
    // A cookie that names no locale is ignored.
    expect(htmlAttributes((await buyer.send(path, { headers: { cookie: "paylink_locale=klingon" } })).body)).toContain('lang="de"');
  });

  test("the switcher goes back only within its own checkout, and refuses what no page of it posts", async () => {
    const { path } = await newLink();
    const post = (form: Record<string, string>, headers: Record<string, string> = { "sec-fetch-site": "same-origin" }) => app.client().send(`${path}/language`, { form, headers });
    for (const away of ["//evil.example/x", "https://evil.example/", "/l/someoneelse", `${path}x`, "/dashboard", `${path}/\\evil`, "javascript:alert(1)", `${path}/../../o/${"a".repeat(32)}`, "", "relative"]) {
      const answer = await post({ locale: "ja", return: away });
      expect([answer.status, answer.location], away).toEqual([303, path]);
    }
    // Within the checkout: kept, as a URL parser writes it (anything outside ASCII percent-encoded, so it can
    // be a header), and dot segments that stay inside resolved.
    expect((await post({ locale: "ja", return: `${path}?note=日本` })).location).toBe(`${path}?note=%E6%97%A5%E6%9C%AC`);
    expect((await post({ locale: "ja", return: `${path}/x/../?src=qr` })).location).toBe(`${path}/?src=qr`);
    const bad = await post({ locale: "xx", return: path });
    expect(bad.status).toBe(303);
    expect(localeCookie(bad)).toBe("");
    expect((await post({ locale: "ja" }, { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await app.client().send(`${path}/language`, { method: "GET" })).status).toBe(405);
    expect((await app.client().send("/l/notatoken/language", { form: { locale: "ja" }, headers: { "sec-fetch-site": "same-origin" } })).status).toBe(404);
  });
});

test("switching language is the same visit, not a new one in the link's counts", async () => {
  const { path, link } = await newLink();
  const buyer = app.client();
  const visits = async () => (await db.select({ n: paymentLinks.visitCount }).from(paymentLinks).where(eq(paymentLinks.id, link.id)))[0]!.n;
  await buyer.send(`${path}?src=qr`);
  expect(await visits()).toBe(1);
  const switched = await buyer.send(`${path}/language`, { form: { locale: "sv", return: `${path}?src=qr` }, headers: { "sec-fetch-site": "same-origin" } });
  // The client keeps both cookies (the language and the page's flash) as a browser would for that path.
  const back = await buyer.send(switched.location!);
  expect(htmlAttributes(back.body)).toContain('lang="sv"');
  expect(await visits()).toBe(1);
});

describe("locale on the API", () => {
  test("set, read back, and refused in the documented shape when it is not one of ours", async () => {
    const scope = await newMerchantScope(db);
    const { secret } = await createApiKey(db, scope);
    const client = app.client();
    const headers = { authorization: `Bearer ${secret}` };
    const created = await client.send("/api/v1/payment_links", { json: { item_name: "Tea", amount: 1500, currency: "JPY", default_country: "JP", locale: "ja" }, headers });
    expect(created.status).toBe(201);
    expect(JSON.parse(created.body)).toMatchObject({ locale: "ja" });
    const refused = await client.send("/api/v1/orders", { json: { item_name: "Tea", amount: 1500, currency: "JPY", locale: "jp" }, headers });
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { type: "invalid_request_error", code: "parameter_invalid", param: "locale" } });
  });
});
