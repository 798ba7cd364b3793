import { describe, expect, test } from "vitest";
import { readRawObject } from "@/lib/onerway/raw-json";
import { sign } from "@/lib/onerway/sign";
import { createOnerwayCredentials } from "@/lib/services/onerway-credentials";
import { workerEnv } from "@/test/drills/harness";
import { newMerchantScope } from "@/test/payments";
import { startApp } from "./app";

// The Onerway-compatible endpoints over the wire, as a client written against seed 002 calls them: real
// signatures, every respCode of the contract, and the seed's own example requests end to end.

// Per merchant and mode per second: low, so the limit is reached; the other tests pace their calls under it.
const RATE = 5;
const app = await startApp({ ONERWAY_RATE_LIMIT_PER_SECOND: String(RATE) });
const db = app.database.db;
const AUTH_SECRET = workerEnv("").AUTH_SECRET!;
const EXPIRY = `12/${String((new Date().getUTCFullYear() + 5) % 100).padStart(2, "0")}`;

async function credentials(livemode = false) {
  const scope = await newMerchantScope(db);
  const made = await createOnerwayCredentials(db, { ...scope, livemode }, AUTH_SECRET);
  return { scope, merchantNo: made.merchant_no, key: made.secret_key };
}

/** Posts `json` (its exact text) with a `sign` computed the client's way, unless one is given. */
async function call(op: string, json: string, key: string, signature?: string) {
  const signed = signature ?? sign(readRawObject(json), key);
  const body = `${json.slice(0, json.lastIndexOf("}")).trimEnd()}${json.trim() === "{}" ? "" : ","}"sign":${JSON.stringify(signed)}}`;
  const answer = await app.client().send(`/v1/txn/paymentLink/${op}`, { method: "POST", body, headers: { "content-type": "application/json" } });
  expect(answer.status).toBe(200);
  return JSON.parse(answer.body) as { respCode: string; respMsg: string; data: Record<string, unknown> | null };
}

const addBody = (merchantNo: string, over = "") =>
  `{"merchantNo":"${merchantNo}","linkName":"Membership Renewal","amount":99.99,"currency":"USD","defaultCountry":"US","itemName":"Membership","description":"Annual membership renewal","collectEmail":true,"collectName":true${over}}`;

describe("the seed's examples", () => {
  test("add, list with the seed's filters, updateStatus(false): the disabled link refuses payment on the checkout", async () => {
    const { scope, merchantNo, key } = await credentials();
    const added = await call("add", addBody(merchantNo), key);
    expect(added).toMatchObject({ respCode: "20000", respMsg: "Success", data: { id: expect.stringMatching(/^\d+$/), linkUrl: expect.stringMatching(/\/l\/[0-9A-Za-z]{32}$/) } });
    const id = String(added.data!.id);

    // An ordinary Paylink link: the JSON API shows it with its onerway_id, 99.99 USD as 9999 minor units, card only.
    const { createApiKey } = await import("@/lib/services/create-api-key");
    const apiKey = (await createApiKey(db, scope)).secret;
    const links = JSON.parse((await app.client().send("/api/v1/payment_links", { headers: { authorization: `Bearer ${apiKey}` } })).body) as { data: Record<string, unknown>[] };
    expect(links.data[0]).toMatchObject({ onerway_id: id, name: "Membership Renewal", item_name: "Membership", amount: 9999, currency: "USD", payment_methods: ["card"], collect_email: true, active: true });

    const today = new Date().toISOString().slice(0, 10);
    const listed = await call("list", `{"merchantNo":"${merchantNo}","linkStatus":1,"keywords":"Membership","startTime":"2026-05-01 00:00:00","endTime":"${today} 23:59:59","current":1,"size":10}`, key);
    expect(listed.respCode).toBe("20000");
    expect(listed.data).toMatchObject({ total: "1", size: "10", current: "1" });
    expect((listed.data!.records as unknown[])[0]).toEqual({
      id,
      linkUrl: added.data!.linkUrl,
      merchantNo,
      linkName: "Membership Renewal",
      amount: "99.99",
      currency: "USD",
      defaultCountry: "US",
      itemName: "Membership",
      description: "Annual membership renewal",
      linkStatus: 1,
      createTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
      visitCount: "0",
      payCount: "0",
      successAmount: "0.00",
    });

    const disabled = await call("updateStatus", `{"id":${id},"linkStatus":false,"merchantNo":"${merchantNo}"}`, key);
    expect(disabled).toEqual({ respCode: "20000", respMsg: "Success", data: null });
    const path = new URL(String(added.data!.linkUrl)).pathname;
    const page = await app.client().send(path);
    expect(page.body).toContain("no longer available");
    const pay = await app.client().send(`${path}/pay`, {
      form: { method: "card", email: "ana@example.com", name: "Ana Silva", cardNumber: "4242 4242 4242 4242", expiry: EXPIRY, cvc: "123" },
      headers: { origin: app.baseUrl, "sec-fetch-site": "same-origin" },
    });
    expect(pay.status).toBe(303);
    expect(pay.location).toBe(path);
    const { orders } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    expect(await db.select().from(orders).where(eq(orders.merchantId, scope.merchantId))).toHaveLength(0);

    // Filtered out once disabled; found with linkStatus 0 and by its id as keyword.
    expect((await call("list", `{"merchantNo":"${merchantNo}","linkStatus":1}`, key)).data).toMatchObject({ total: "0", records: [] });
    expect((await call("list", `{"merchantNo":"${merchantNo}","linkStatus":0,"keywords":"${id}"}`, key)).data).toMatchObject({ total: "1" });
  });
});

describe("every respCode", () => {
  test("40014: a wrong or missing sign, a sign with another key, an unknown merchantNo", async () => {
    const { merchantNo, key } = await credentials();
    expect(await call("add", addBody(merchantNo), key, "0".repeat(64))).toEqual({ respCode: "40014", respMsg: "Signature verification failed", data: null });
    expect((await call("add", addBody(merchantNo), "another key")).respCode).toBe("40014");
    expect((await call("add", addBody("99999999999"), key)).respCode).toBe("40014");
    const unsigned = await app.client().send("/v1/txn/paymentLink/add", { method: "POST", body: addBody(merchantNo), headers: { "content-type": "application/json" } });
    expect(JSON.parse(unsigned.body)).toMatchObject({ respCode: "40014" });
    // A value changed after signing (the amount's digits as sent) no longer verifies.
    const signed = sign(readRawObject(addBody(merchantNo)), key);
    expect((await call("add", addBody(merchantNo).replace("99.99", "99.990"), key, signed)).respCode).toBe("40014");
  });

  test("40013: each malformed field named; more decimals than the currency allows; bad JSON", async () => {
    const { merchantNo, key } = await credentials();
    const cases: [string, string, RegExp][] = [
      ["add", addBody(merchantNo).replace('"amount":99.99', '"amount":99.999'), /^Abnormal parameters: amount has more decimals than USD allows/],
      ["add", addBody(merchantNo).replace('"currency":"USD"', '"currency":"JPY"').replace("99.99", "1500.5"), /^Abnormal parameters: amount has more decimals than JPY allows/],
      ["add", addBody(merchantNo).replace('"amount":99.99', '"amount":-5'), /^Abnormal parameters: amount/],
      ["add", addBody(merchantNo).replace('"amount":99.99', '"amount":1e3'), /^Abnormal parameters: amount/],
      ["add", addBody(merchantNo).replace('"currency":"USD"', '"currency":"XYZ"'), /^Abnormal parameters: currency/],
      ["add", addBody(merchantNo).replace('"itemName":"Membership",', ""), /^Abnormal parameters: itemName is required/],
      ["add", addBody(merchantNo).replace('"defaultCountry":"US"', '"defaultCountry":"ZZ"'), /^Abnormal parameters: defaultCountry/],
      ["add", addBody(merchantNo).replace('"collectEmail":true', '"collectEmail":"yes"'), /^Abnormal parameters: collectEmail/],
      ["list", `{"merchantNo":"${merchantNo}","size":101}`, /^Abnormal parameters: size/],
      ["list", `{"merchantNo":"${merchantNo}","current":0}`, /^Abnormal parameters: current/],
      ["list", `{"merchantNo":"${merchantNo}","startTime":"2026-13-01 00:00:00"}`, /^Abnormal parameters: startTime/],
      ["list", `{"merchantNo":"${merchantNo}","linkStatus":2}`, /^Abnormal parameters: linkStatus/],
      ["updateStatus", `{"merchantNo":"${merchantNo}","linkStatus":true}`, /^Abnormal parameters: id is required/],
      ["updateStatus", `{"id":"abc","merchantNo":"${merchantNo}","linkStatus":true}`, /^Abnormal parameters: id/],
      ["updateStatus", `{"id":100,"merchantNo":"${merchantNo}"}`, /^Abnormal parameters: linkStatus is required/],
    ];
    for (const [op, json, message] of cases) {
      // (A refused parameter still counts against the rate limit: under RATE a second.)
      await new Promise((resolve) => setTimeout(resolve, 1000 / RATE + 20));
      const answer = await call(op, json, key);
      expect(answer.respCode, `${op} ${json}`).toBe("40013");
      expect(answer.respMsg).toMatch(message);
      expect(answer.data).toBeNull();
    }
    // A platform's Paylink-Merchant has no meaning here: refused, not ignored (the link would be the key's own).
    const acting = await app.client().send("/v1/txn/paymentLink/add", { method: "POST", body: addBody(merchantNo), headers: { "content-type": "application/json", "paylink-merchant": "mch_someone" } });
    expect(JSON.parse(acting.body)).toMatchObject({ respCode: "40013", respMsg: expect.stringMatching(/^Abnormal parameters: Paylink-Merchant is not accepted here/), data: null });
    const broken = await app.client().send("/v1/txn/paymentLink/add", { method: "POST", body: '{"merchantNo":', headers: { "content-type": "application/json" } });
    expect(broken.status).toBe(200);
    expect(JSON.parse(broken.body)).toMatchObject({ respCode: "40013", respMsg: expect.stringMatching(/^Abnormal parameters: body/) });
  });

  test("40013 also for what never reaches a field: a body over the limit, text PostgreSQL cannot store, another method", async () => {
    const { merchantNo, key } = await credentials();
    const huge = addBody(merchantNo).replace('"Annual membership renewal"', JSON.stringify("x".repeat(300 * 1024)));
    const tooLarge = await app.client().send("/v1/txn/paymentLink/add", { method: "POST", body: huge, headers: { "content-type": "application/json" } });
    expect(tooLarge.status).toBe(200);
    expect(JSON.parse(tooLarge.body)).toEqual({ respCode: "40013", respMsg: "Abnormal parameters: body is larger than 256 KB.", data: null });
    const nul = await call("add", addBody(merchantNo).replace('"itemName":"Membership"', '"itemName":"Member\\u0000ship"'), key);
    expect(nul).toMatchObject({ respCode: "40013", respMsg: "Abnormal parameters: itemName may not contain NUL characters or unpaired UTF-16 surrogates." });
    // (Refused before the signature is looked at: no client could sign it unambiguously.)
    const twice = await call("list", `{"merchantNo":"${merchantNo}","size":1,"size":2}`, key, "0".repeat(64));
    expect(twice).toMatchObject({ respCode: "40013", respMsg: expect.stringContaining("size appears more than once") });
    for (const method of ["GET", "PUT", "DELETE"]) {
      const other = await app.client().send("/v1/txn/paymentLink/list", { method });
      expect(other.status).toBe(200);
      expect(JSON.parse(other.body)).toMatchObject({ respCode: "40013", respMsg: `Abnormal parameters: method ${method} is not supported; use POST.` });
    }
  });

  test("55058 for an id that does not exist, 55059 for another merchant's link or the other mode's", async () => {
    const a = await credentials();
    const b = await credentials();
    const added = await call("add", addBody(a.merchantNo), a.key);
    const id = String(added.data!.id);
    expect(await call("updateStatus", `{"id":999999999,"linkStatus":false,"merchantNo":"${b.merchantNo}"}`, b.key)).toEqual({ respCode: "55058", respMsg: "Payment link not found.", data: null });
    expect(await call("updateStatus", `{"id":${id},"linkStatus":false,"merchantNo":"${b.merchantNo}"}`, b.key)).toEqual({ respCode: "55059", respMsg: "Payment link does not belong to this merchant.", data: null });
    // a's live key: the link is a test-mode link.
    const live = await createOnerwayCredentials(db, { ...a.scope, livemode: true }, AUTH_SECRET);
    expect(live.merchant_no).toBe(a.merchantNo);
    expect((await call("updateStatus", `{"id":${id},"linkStatus":false,"merchantNo":"${a.merchantNo}"}`, live.secret_key)).respCode).toBe("55059");
    // Still enabled: neither refusal changed it.
    expect((await call("list", `{"merchantNo":"${a.merchantNo}","linkStatus":1}`, a.key)).data).toMatchObject({ total: "1" });
  });

  test("50134 past the per-merchant rate limit (add and list), for that merchant only", async () => {
    const a = await credentials();
    const b = await credentials();
    const answers = await Promise.all(Array.from({ length: RATE * 3 }, () => call("list", `{"merchantNo":"${a.merchantNo}"}`, a.key)));
    expect(answers.filter((x) => x.respCode === "50134").length).toBeGreaterThan(0);
    expect(answers.find((x) => x.respCode === "50134")).toEqual({ respCode: "50134", respMsg: "Too many requests", data: null });
    expect((await call("list", `{"merchantNo":"${b.merchantNo}"}`, b.key)).respCode).toBe("20000");
  });

  test("pages: total, size and current as strings, newest first", async () => {
    const { merchantNo, key } = await credentials();
    const ids: string[] = [];
    for (const item of ["One", "Two", "Three"]) {
      ids.push(String((await call("add", addBody(merchantNo).replace('"itemName":"Membership"', `"itemName":"${item}"`), key)).data!.id));
      await new Promise((resolve) => setTimeout(resolve, 350));
    }
    const first = await call("list", `{"merchantNo":"${merchantNo}","size":2,"current":1}`, key);
    expect(first.data).toMatchObject({ total: "3", size: "2", current: "1" });
    expect((first.data!.records as { id: string }[]).map((r) => r.id)).toEqual([ids[2], ids[1]]);
    await new Promise((resolve) => setTimeout(resolve, 350));
    const second = await call("list", `{"merchantNo":"${merchantNo}","size":"2","current":"2"}`, key);
    expect((second.data!.records as { id: string }[]).map((r) => r.id)).toEqual([ids[0]]);
  });
});
