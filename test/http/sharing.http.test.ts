import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { createApiKey } from "@/lib/services/create-api-key";
import { linkIn, startMailCatcher, type CaughtMail } from "@/test/mail-catcher";
import { newMerchantScope } from "@/test/payments";
import { decodeQrPng } from "@/test/qr-decode";
import { waitFor } from "@/test/receiver";
import { startApp } from "./app";

// Sharing over the wire, as merchants and buyers do it: a link sent by email through a real SMTP server
// (smtp-server in-process), the buyer opening the mailed URL and paying, the receipt with its PDF arriving,
// and the link's funnel counting the buyer under `email`; an order's invoice attached and served; QR codes
// decoded back to their URL.

const catcher = await startMailCatcher();
afterAll(() => catcher.close());
const SEND_MAX_PER_HOUR = 6;
const app = await startApp({ SMTP_URL: catcher.url, EMAIL_FROM: "Paylink <no-reply@paylink.test>", SEND_MAX_PER_HOUR: String(SEND_MAX_PER_HOUR) });
const db = app.database.db;
const EXPIRY = `12/${String((new Date().getUTCFullYear() + 5) % 100).padStart(2, "0")}`;
const scratch = mkdtempSync(join(tmpdir(), "paylink-sharing-"));

async function apiKey() {
  const scope = await newMerchantScope(db);
  return { scope, secret: (await createApiKey(db, scope)).secret };
}

async function api(secret: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const answer = await app.client().send(path, { method, ...(body === undefined ? {} : { json: body }), headers: { authorization: `Bearer ${secret}`, ...headers } });
  return { ...answer, json: JSON.parse(answer.body || "null") as Record<string, unknown> };
}

/** Binary answers (PDF, PNG) as bytes. */
async function bytes(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(new URL(path, app.baseUrl), { headers });
  return { status: response.status, type: response.headers.get("content-type") ?? "", disposition: response.headers.get("content-disposition") ?? "", body: Buffer.from(await response.arrayBuffer()) };
}

function pdfText(pdf: Buffer): string {
  const file = join(scratch, `doc-${Date.now()}-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

async function mailTo(to: string, subject: RegExp): Promise<CaughtMail> {
  await waitFor(() => catcher.to(to).some((m) => subject.test(m.subject)), 20_000);
  return catcher.to(to).find((m) => subject.test(m.subject))!;
}

describe("a link sent by email", () => {
  test("arrives with src=email; the buyer pays from it; the receipt PDF arrives; the funnel shows one paid from email", async () => {
    const { secret } = await apiKey();
    const link = await api(secret, "POST", "/api/v1/payment_links", { item_name: "Pottery class", amount: 4500, currency: "USD", default_country: "US" });
    expect(link.status).toBe(201);
    const id = String(link.json.id);

    const sent = await api(secret, "POST", `/api/v1/payment_links/${id}/send`, { channel: "email", to: "ana@example.com" });
    expect(sent.status).toBe(201);
    expect(sent.json).toMatchObject({ object: "message", channel: "email", kind: "payment_request", to: "ana@example.com", payment_link: id, status: "queued" });
    const mail = await mailTo("ana@example.com", /payment request for Pottery class/);
    expect(mail.text).toContain("$45.00");
    const mailed = new URL(linkIn(mail.text, "/l/"));
    expect(mailed.searchParams.get("src")).toBe("email");
    await waitFor(async () => (await api(secret, "GET", `/api/v1/messages/${String(sent.json.id)}`)).json.status === "sent", 10_000);

    // The buyer opens the mailed URL (one visit from email) and pays with the form the page gives.
    const buyer = app.client();
    const page = await buyer.send(`${mailed.pathname}${mailed.search}`);
    expect(page.status).toBe(200);
    const action = page.body.match(/action="([^"]*\/pay[^"]*)"/)?.[1]?.replace(/&amp;/g, "&");
    expect(action).toBe(`${mailed.pathname}/pay?src=email`);
    const paid = await buyer.send(action!, {
      form: { method: "card", email: "ana@example.com", name: "Ana Silva", cardNumber: "4242 4242 4242 4242", expiry: EXPIRY, cvc: "123" },
      headers: { origin: app.baseUrl, "sec-fetch-site": "same-origin" },
    });
    expect(paid.status).toBe(303);
    expect(paid.location).toMatch(/\/o\/[A-Za-z0-9]+\/complete/);

    const receipt = await mailTo("ana@example.com", /Your receipt from/);
    expect(receipt.text).toContain("$45.00");
    expect(receipt.attachments).toHaveLength(1);
    expect(receipt.attachments[0]).toMatchObject({ contentType: "application/pdf" });
    const receiptText = pdfText(Buffer.from(receipt.attachments[0]!.content, "base64"));
    expect(receiptText).toContain("Pottery class");
    expect(receiptText).toContain("$45.00");

    const funnel = await api(secret, "GET", `/api/v1/payment_links/${id}/funnel`);
    expect(funnel.status).toBe(200);
    expect(funnel.json).toEqual({ object: "funnel", payment_link: id, sources: [{ source: "email", visit_count: 1, started_count: 1, pay_count: 1, success_amount: 4500 }] });
    const stats = (await api(secret, "GET", `/api/v1/payment_links/${id}`)).json.stats;
    expect(stats).toEqual({ visit_count: 1, pay_count: 1, success_amount: 4500 });
  });

  test("a send retried with its Idempotency-Key answers the first message again and sends once", async () => {
    const { secret } = await apiKey();
    const link = await api(secret, "POST", "/api/v1/payment_links", { item_name: "Candle", amount: 1200, currency: "GBP", default_country: "GB" });
    const path = `/api/v1/payment_links/${String(link.json.id)}/send`;
    const key = { "idempotency-key": `send-${String(link.json.id)}` };
    const [first, second] = await Promise.all([api(secret, "POST", path, { channel: "sms", to: "+447700900123" }, key), api(secret, "POST", path, { channel: "sms", to: "+447700900123" }, key)]);
    const answers = [first, second].map((a) => a.status).sort();
    // Twins at once: one sends, the other is told its twin is in flight (or gets the replay if it came second).
    expect(answers[0]).toBe(201);
    expect([201, 409]).toContain(answers[1]);
    const replay = await api(secret, "POST", path, { channel: "sms", to: "+447700900123" }, key);
    expect(replay.status).toBe(201);
    expect(replay.headers["idempotent-replayed"]).toBe("true");
    expect(replay.json.id).toBe((first.status === 201 ? first : second).json.id);
    const list = await api(secret, "GET", `/api/v1/messages?payment_link=${String(link.json.id)}`);
    expect((list.json.data as unknown[]).length).toBe(1);
  });

  test("a bad address is 400 on `to`; a disabled link is 409 payment_link_inactive", async () => {
    const { secret } = await apiKey();
    const link = await api(secret, "POST", "/api/v1/payment_links", { item_name: "Tea", amount: 500, currency: "EUR", default_country: "DE" });
    const id = String(link.json.id);
    const bad = await api(secret, "POST", `/api/v1/payment_links/${id}/send`, { channel: "sms", to: "0701234567" });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: { type: "invalid_request_error", code: "parameter_invalid", param: "to" } });
    const unknown = await api(secret, "POST", `/api/v1/payment_links/${id}/send`, { channel: "email", to: "a@example.com", cc: "b@example.com" });
    expect(unknown.json).toMatchObject({ error: { code: "parameter_unknown", param: "cc" } });
    await api(secret, "PATCH", `/api/v1/payment_links/${id}`, { active: false });
    const closed = await api(secret, "POST", `/api/v1/payment_links/${id}/send`, { channel: "email", to: "a@example.com" });
    expect(closed.status).toBe(409);
    expect(closed.json).toMatchObject({ error: { code: "payment_link_inactive" } });
  });
});

test("a business may send SEND_MAX_PER_HOUR links an hour; then 429 rate_limited with Retry-After, and nothing queued", async () => {
  const { secret } = await apiKey();
  const link = await api(secret, "POST", "/api/v1/payment_links", { item_name: "Flyer", amount: 100, currency: "USD", default_country: "US" });
  const send = () => api(secret, "POST", `/api/v1/payment_links/${String(link.json.id)}/send`, { channel: "sms", to: "+46701234567" });
  for (let i = 0; i < SEND_MAX_PER_HOUR; i++) expect((await send()).status).toBe(201);
  const refused = await send();
  expect(refused.status).toBe(429);
  expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
  expect(refused.json).toMatchObject({ error: { type: "rate_limit_error", code: "rate_limited" } });
  const list = await api(secret, "GET", `/api/v1/messages?payment_link=${String(link.json.id)}&limit=100`);
  expect((list.json.data as unknown[]).length).toBe(SEND_MAX_PER_HOUR);
});

describe("an order's documents", () => {
  test("the order email carries the invoice PDF; the public and API invoices answer it; the receipt is 404 until paid", async () => {
    const { secret } = await apiKey();
    const created = await api(secret, "POST", "/api/v1/orders", { amount: 1234, currency: "KWD", item_name: "会员年费", reference: "INV-2026-7", customer: { email: "li@example.com" } });
    expect(created.status).toBe(201);
    const id = String(created.json.id);
    const token = new URL(String(created.json.url)).pathname.split("/").at(-1)!;

    const sent = await api(secret, "POST", `/api/v1/orders/${id}/send`, { channel: "email", to: "li@example.com" });
    expect(sent.status).toBe(201);
    const mail = await mailTo("li@example.com", /payment request/);
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([["invoice-INV-2026-7.pdf", "application/pdf"]]);
    const invoiceText = pdfText(Buffer.from(mail.attachments[0]!.content, "base64"));
    for (const expected of ["会员年费", "INV-2026-7", "1.234", `/o/${token}?src=pdf`]) expect(invoiceText).toContain(expected);

    const invoice = await bytes(`/o/${token}/invoice.pdf`);
    expect(invoice.status).toBe(200);
    expect(invoice.type).toBe("application/pdf");
    expect(pdfText(invoice.body)).toContain("INV-2026-7");
    const viaApi = await bytes(`/api/v1/orders/${id}/invoice`, { authorization: `Bearer ${secret}` });
    expect(viaApi.status).toBe(200);
    expect(viaApi.type).toBe("application/pdf");
    const other = await apiKey();
    const hidden = await bytes(`/api/v1/orders/${id}/invoice`, { authorization: `Bearer ${other.secret}` });
    expect(hidden.status).toBe(404);
    expect(JSON.parse(hidden.body.toString())).toMatchObject({ error: { code: "resource_missing" } });
    expect((await bytes(`/o/${token}/receipt.pdf`)).status).toBe(404);
  });

  test("QR codes decode to the checkout URL with src=qr", async () => {
    const { secret } = await apiKey();
    const link = await api(secret, "POST", "/api/v1/payment_links", { item_name: "Coffee", amount: 300, currency: "SEK", default_country: "SE" });
    const url = new URL(String(link.json.url));
    const png = await bytes(`${url.pathname}/qr.png`);
    expect(png.status).toBe(200);
    expect(png.type).toBe("image/png");
    expect(decodeQrPng(png.body)).toBe(`${url.origin}${url.pathname}?src=qr`);
    const svg = await bytes(`${url.pathname}/qr.svg`);
    expect(svg.type).toMatch(/^image\/svg\+xml/);
    expect(svg.body.toString()).toContain("<svg");
    expect((await bytes(`/l/${"x".repeat(32)}/qr.png`)).status).toBe(404);
  });
});

describe("a double tap that lands after the first tap's payment", () => {
  test("the late twin follows the same submission to the receipt; a new submission on the paid order goes to its page", async () => {
    const { secret } = await apiKey();
    const created = await api(secret, "POST", "/api/v1/orders", { amount: 700, currency: "EUR", item_name: "Ticket" });
    const path = new URL(String(created.json.url)).pathname;
    const buyer = app.client();
    const post = (submission: string) =>
      buyer.send(`${path}/pay`, {
        form: { method: "card", email: "twin@example.com", name: "Twin Tap", cardNumber: "4242 4242 4242 4242", expiry: EXPIRY, cvc: "123", submission },
        headers: { origin: app.baseUrl, "sec-fetch-site": "same-origin" },
      });
    const first = await post("TwinSubmission0000000001");
    expect(first.status).toBe(303);
    expect(first.location).toBe(`${path}/complete`);
    // The second tap of the same form arrives once the order is paid: it gets the first tap's answer.
    const twin = await post("TwinSubmission0000000001");
    expect(twin.location).toBe(`${path}/complete`);
    // Another submission on the paid order: the order's page, which says it is paid.
    const fresh = await post("FreshSubmission000000001");
    expect(fresh.location).toBe(path);
  });
});
