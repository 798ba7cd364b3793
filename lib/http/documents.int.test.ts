import { PNG } from "pngjs";
import { afterAll, describe, expect, inject, test, vi } from "vitest";
import { GET as orderInvoiceApi, POST as orderInvoiceApiPost } from "@/app/api/v1/orders/[id]/invoice/route";
import { GET as linkQrPng } from "@/app/l/[token]/qr.png/route";
import { GET as linkQrSvg } from "@/app/l/[token]/qr.svg/route";
import { GET as invoicePdf } from "@/app/o/[token]/invoice.pdf/route";
import { GET as orderQrPng } from "@/app/o/[token]/qr.png/route";
import { GET as orderQrSvg } from "@/app/o/[token]/qr.svg/route";
import { GET as receiptPdf } from "@/app/o/[token]/receipt.pdf/route";
import { closeDatabase } from "@/db";
import { qrSvg } from "@/lib/documents/qr";
import { createApiKey } from "@/lib/services/create-api-key";
import { createOrder } from "@/lib/services/create-order";
import { createPaymentLink } from "@/lib/services/create-payment-link";
import { payOrder } from "@/lib/services/pay-order";
import { openTestDatabase } from "@/test/db";
import { cardBuyer, newMerchantScope, simulatorContext } from "@/test/payments";
import { decodeQrPng } from "@/test/qr-decode";

// The public document routes and the API's invoice, called as Next.js calls them, on the run's database.
const APP_URL = "https://pay.example.com";
vi.stubEnv("AUTH_SECRET", "documents-route-test-secret-0123456789abcdef");
vi.stubEnv("APP_URL", APP_URL);
vi.stubEnv("DATABASE_URL", inject("databaseUrl"));
afterAll(() => closeDatabase());

const { db } = await openTestDatabase();
const paymentContext = simulatorContext(db);
const scope = await newMerchantScope(db);
const ctx = { ...scope, ...paymentContext };
const link = await createPaymentLink(db, ctx, { item_name: "Coffee", amount: 2500, currency: "USD", default_country: "US" });
const linkToken = new URL(link.url).pathname.split("/").pop()!;
const reference = `A-${Date.now()}`;
const order = await createOrder(db, ctx, { amount: 12345, currency: "USD", item_name: "Invoice 7", reference });
const orderToken = new URL(order.url).pathname.split("/").pop()!;

type Handler = (request: Request, segment: { params: Promise<{ token: string }> }) => Promise<Response>;
const get = (handler: Handler, token: string, path: string) =>
  handler(new Request(new URL(path, APP_URL)), { params: Promise.resolve({ token }) });

const UNKNOWN_TOKENS = ["0".repeat(32), "nope", "..%2F..", "a".repeat(300)];

describe("GET /l|o/{token}/qr.svg", () => {
  test.each([
    ["link", linkQrSvg, linkToken, `${APP_URL}/l/${linkToken}?src=qr`, link.id],
    ["order", orderQrSvg, orderToken, `${APP_URL}/o/${orderToken}?src=qr`, order.id],
  ] as const)("the %s's checkout URL with src=qr, shown in the browser, kept privately for a while", async (_kind, handler, token, url, id) => {
    const response = await get(handler, token, `/x/${token}/qr.svg`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/svg+xml");
    expect(response.headers.get("content-disposition")).toBe(`inline; filename="qr-${id}.svg"`);
    expect(response.headers.get("cache-control")).toBe("private, max-age=300");
    expect(await response.text()).toBe(await qrSvg(url));
  });

  test("?download=1 saves it", async () => {
    const response = await get(linkQrSvg, linkToken, `/l/${linkToken}/qr.svg?download=1`);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="qr-${link.id}.svg"`);
  });

  test.each(UNKNOWN_TOKENS)("an unknown token (%s) is a bare 404", async (token) => {
    for (const handler of [linkQrSvg, orderQrSvg]) {
      const response = await get(handler, token, "/l/x/qr.svg");
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(await response.text()).toBe("Not found\n");
    }
  });
});

describe("GET /l|o/{token}/qr.png", () => {
  test("1024 pixels by default, scanning to the checkout URL with src=qr", async () => {
    const response = await get(orderQrPng, orderToken, `/o/${orderToken}/qr.png`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("content-disposition")).toBe(`inline; filename="qr-${order.id}.png"`);
    const png = Buffer.from(await response.arrayBuffer());
    expect(PNG.sync.read(png).width).toBe(1024);
    expect(decodeQrPng(png)).toBe(`${APP_URL}/o/${orderToken}?src=qr`);
  });

  test("?size= within 128..2048, and ?download=1", async () => {
    const response = await get(linkQrPng, linkToken, `/l/${linkToken}/qr.png?size=256&download=1`);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="qr-${link.id}.png"`);
    const png = Buffer.from(await response.arrayBuffer());
    expect(PNG.sync.read(png).width).toBe(256);
    expect(decodeQrPng(png)).toBe(`${APP_URL}/l/${linkToken}?src=qr`);
  });

  test.each(["64", "4096", "big", "", "512.5"])("?size=%j is refused with 400", async (size) => {
    const response = await get(linkQrPng, linkToken, `/l/${linkToken}/qr.png?size=${size}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/from 128 to 2048/);
  });

  test("an unknown token is a bare 404", async () => {
    const response = await get(linkQrPng, "0".repeat(32), "/l/x/qr.png");
    expect([response.status, await response.text()]).toEqual([404, "Not found\n"]);
  });
});

describe("GET /o/{token}/invoice.pdf and receipt.pdf", () => {
  test("the invoice: a PDF named by the reference, shown in the browser, asked for again each time", async () => {
    const response = await get(invoicePdf, orderToken, `/o/${orderToken}/invoice.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`inline; filename="invoice-${reference}.pdf"`);
    expect(response.headers.get("cache-control")).toBe("private, no-cache");
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  test("an unknown token is a bare 404", async () => {
    for (const handler of [invoicePdf, receiptPdf]) {
      for (const token of UNKNOWN_TOKENS) {
        const response = await get(handler, token, "/o/x/invoice.pdf");
        expect([response.status, await response.text()]).toEqual([404, "Not found\n"]);
      }
    }
  });

  test("the receipt is 404 until the order is paid, then a PDF (?download=1 saves it)", async () => {
    const unpaid = await createOrder(db, ctx, { amount: 500, currency: "EUR", item_name: "Sticker" });
    const token = new URL(unpaid.url).pathname.split("/").pop()!;
    expect((await get(receiptPdf, token, `/o/${token}/receipt.pdf`)).status).toBe(404);

    expect((await payOrder(db, paymentContext, token, cardBuyer())).kind).toBe("paid");
    const response = await get(receiptPdf, token, `/o/${token}/receipt.pdf?download=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="receipt-${unpaid.id}.pdf"`);
  });
});

describe("GET /api/v1/orders/{id}/invoice", () => {
  const call = (id: string, key: string | null, query = "") =>
    orderInvoiceApi(new Request(`${APP_URL}/api/v1/orders/${id}/invoice${query}`, { headers: key ? { authorization: `Bearer ${key}` } : {} }), {
      params: Promise.resolve({ id }),
    });

  test("answers the invoice PDF to the order's merchant", async () => {
    const { secret } = await createApiKey(db, scope);
    const response = await call(order.id, secret);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`inline; filename="invoice-${reference}.pdf"`);
    expect(response.headers.get("x-request-id")).toBeTruthy();
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  test("another merchant's order is resource_missing, as an unknown id is, in the JSON error shape", async () => {
    const other = await newMerchantScope(db);
    const { secret } = await createApiKey(db, other);
    for (const id of [order.id, "ord_nope"]) {
      const response = await call(id, secret);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await response.json()).toMatchObject({ error: { type: "invalid_request_error", code: "resource_missing", param: "id" } });
    }
  });

  test("the same refusals as every API call: no key, an unknown parameter, another method", async () => {
    const missing = await call(order.id, null);
    expect([missing.status, (await missing.json()).error.code]).toEqual([401, "api_key_missing"]);
    const { secret } = await createApiKey(db, scope);
    const unknown = await call(order.id, secret, "?format=png");
    expect([unknown.status, (await unknown.json()).error.code]).toEqual([400, "parameter_unknown"]);
    const post = orderInvoiceApiPost(new Request(`${APP_URL}/api/v1/orders/${order.id}/invoice`, { method: "POST" }));
    expect([post.status, (await post.json()).error.code]).toEqual([404, "resource_missing"]);
  });
});
