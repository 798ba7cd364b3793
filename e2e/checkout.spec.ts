import { devices, type Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { findOrderByToken } from "@/db/queries/orders";
import { merchants, orders, type OrderRow } from "@/db/schema";
import type { Database } from "@/db/client";
import { TEST_CARDS } from "@/lib/processor/simulated";
import { cancelOrder } from "@/lib/services/cancel-order";
import { createOrder } from "@/lib/services/create-order";
import { createPaymentLink } from "@/lib/services/create-payment-link";
import { getOrder } from "@/lib/services/get-order";
import { getPaymentLink } from "@/lib/services/get-payment-link";
import { updatePaymentLink } from "@/lib/services/update-payment-link";
import type { CreatePaymentLinkInput } from "@/lib/links/schemas";
import { simulatorContext } from "@/test/payments";
import { expect, newMerchant, test } from "./api/fixtures";

/** The simulator's timing as the e2e server has it, for a test that calls the services directly. */
const SIMULATOR_TIMING = { bankTransferSeconds: 3600, refundSeconds: 1 };

// The hosted checkout as a buyer on a phone uses it: pay a link or an order with the simulated processor's
// test cards, wallets and bank transfer, fix mistakes, retry after a decline, and meet dead links.
// Data is set up through the services on the e2e server's database.

test.use({ ...devices["Pixel 7"] });

/** The checkout's error summary (Next.js keeps an empty role="alert" route announcer on every page too). */
const errorSummary = (page: Page) => page.getByRole("alert").filter({ has: page.getByRole("heading") });

const EXPIRY = `12/${String((new Date().getUTCFullYear() + 5) % 100).padStart(2, "0")}`;
const spaced = (number: string) => number.replace(/(\d{4})(?=\d)/g, "$1 ");

async function setUp(database: Database, baseURL: string | undefined, input: Partial<CreatePaymentLinkInput> = {}) {
  const { merchantId } = await newMerchant(database, "checkout");
  const ctx = { merchantId, livemode: false, appUrl: baseURL! };
  const link = await createPaymentLink(database.db, ctx, { item_name: "Coffee beans", amount: 2500, currency: "USD", default_country: "US", ...input });
  return { ctx, link, path: new URL(link.url).pathname };
}

async function fillBuyer(page: Page, { email = "ana@example.com", name = "Ana Silva" } = {}) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Full name").fill(name);
}

async function fillCard(page: Page, number: string) {
  await page.getByRole("radio", { name: "Card" }).check();
  await page.getByLabel("Card number").fill(spaced(number));
  await page.getByLabel("Expiry date").fill(EXPIRY);
  await page.getByLabel("Security code").fill("123");
}

/** The order behind the /o/{token}/… page the browser is on. */
async function currentOrder(page: Page, database: Database): Promise<OrderRow> {
  const token = new URL(page.url()).pathname.split("/")[2]!;
  const order = await findOrderByToken(database.db, token);
  expect(order).not.toBeNull();
  return order!;
}

async function ordersOfLink(database: Database, linkId: string) {
  return database.db.select().from(orders).where(eq(orders.paymentLinkId, linkId));
}

test("pay a link with the success card: receipt with the card's last four", async ({ page, database, baseURL }) => {
  const { ctx, link, path } = await setUp(database, baseURL, { description: "1 kg, whole beans", after_completion: { type: "message", message: "We roast on Mondays." } });
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: "Coffee beans" })).toBeVisible();
  await expect(page.getByText("1 kg, whole beans")).toBeVisible();
  await expect(page.getByText("Test mode")).toBeVisible();
  await expect(page.getByRole("group", { name: "Payment method" })).toBeVisible();

  await fillBuyer(page);
  await fillCard(page, TEST_CARDS.success);
  await page.getByRole("button", { name: "Pay $25.00" }).click();

  await expect(page).toHaveURL(/\/o\/[0-9A-Za-z]{32}\/complete$/);
  await expect(page.getByRole("heading", { level: 1, name: "Payment successful" })).toBeVisible();
  await expect(page.getByText("Visa •••• 4242")).toBeVisible();
  await expect(page.getByText("We roast on Mondays.")).toBeVisible();
  const order = await currentOrder(page, database);
  await expect(page.getByText(order.id)).toBeVisible();
  expect(order).toMatchObject({ status: "paid", amount: 2500, attempts: 1, customerEmail: "ana@example.com", customerName: "Ana Silva" });
  expect((await getPaymentLink(database.db, ctx, link.id)).stats).toEqual({ visit_count: 1, pay_count: 1, success_amount: 2500 });
});

test("a declined card, then the success card on the same order", async ({ page, database, baseURL }) => {
  const { link, path } = await setUp(database, baseURL);
  await page.goto(path);
  await fillBuyer(page);
  await fillCard(page, TEST_CARDS.declined);
  await page.getByRole("button", { name: /^Pay/ }).click();

  await expect(page).toHaveURL(/\/o\/[0-9A-Za-z]{32}$/);
  await expect(errorSummary(page)).toContainText("Your card was declined.");
  const declined = await currentOrder(page, database);
  expect(declined).toMatchObject({ status: "open", attempts: 1 });
  // What the buyer typed is kept, the card is not.
  await expect(page.getByLabel("Email")).toHaveValue("ana@example.com");
  await expect(page.getByLabel("Card number")).toHaveValue("");

  await fillCard(page, TEST_CARDS.success);
  await page.getByRole("button", { name: "Pay $25.00" }).click();
  await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
  await expect(page.getByText(declined.id)).toBeVisible();
  const paid = await currentOrder(page, database);
  expect(paid).toMatchObject({ id: declined.id, status: "paid", attempts: 2 });
  expect(await ordersOfLink(database, link.id)).toHaveLength(1);
});

test("3-D Secure: completed pays, failed comes back with a message", async ({ page, database, baseURL }) => {
  const { path } = await setUp(database, baseURL);
  await page.goto(path);
  await fillBuyer(page);
  await fillCard(page, TEST_CARDS.threeDSecure);
  await page.getByRole("button", { name: /^Pay/ }).click();
  await expect(page).toHaveURL(/\/authenticate$/);
  await expect(page.getByText("Visa •••• 3220")).toBeVisible();
  await page.getByRole("button", { name: "Fail authentication" }).click();

  await expect(page).toHaveURL(/\/o\/[0-9A-Za-z]{32}$/);
  await expect(errorSummary(page)).toContainText("Authentication failed. Try again or use another card.");
  expect(await currentOrder(page, database)).toMatchObject({ status: "open", attempts: 1 });

  await fillCard(page, TEST_CARDS.threeDSecure);
  await page.getByRole("button", { name: /^Pay/ }).click();
  await page.getByRole("button", { name: "Complete authentication" }).click();
  await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
  expect(await currentOrder(page, database)).toMatchObject({ status: "paid", attempts: 2 });
});

test("Alipay, approved on the wallet page", async ({ page, database, baseURL }) => {
  const { path } = await setUp(database, baseURL, { payment_methods: ["card", "alipay", "wechat_pay"] });
  await page.goto(path);
  const methods = page.getByRole("group", { name: "Payment method" }).getByRole("radio");
  await expect(methods).toHaveCount(3);
  await fillBuyer(page);
  await page.getByRole("radio", { name: "Alipay" }).check();
  // Card fields belong to Card only.
  await expect(page.getByLabel("Card number")).toBeHidden();
  await page.getByRole("button", { name: "Pay $25.00" }).click();

  await expect(page).toHaveURL(/\/wallet$/);
  await expect(page.getByRole("heading", { name: "Pay with Alipay" })).toBeVisible();
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
  await expect(page.getByText("Alipay", { exact: true })).toBeVisible();
});

test("a declined wallet payment goes back to the form with that method chosen", async ({ page, database, baseURL }) => {
  const { path } = await setUp(database, baseURL, { payment_methods: ["card", "wechat_pay"] });
  await page.goto(path);
  await fillBuyer(page);
  await page.getByRole("radio", { name: "WeChat Pay" }).check();
  await page.getByRole("button", { name: /^Pay/ }).click();
  await page.getByRole("button", { name: "Decline" }).click();
  await expect(errorSummary(page)).toContainText("The payment was not approved in WeChat Pay.");
  await expect(page.getByRole("radio", { name: "WeChat Pay" })).toBeChecked();
});

test("bank transfer, confirmed with the simulator control", async ({ page, database, baseURL }) => {
  const { path } = await setUp(database, baseURL, { payment_methods: ["bank_transfer"] });
  await page.goto(path);
  await fillBuyer(page);
  await page.getByRole("button", { name: "Pay $25.00" }).click();

  await expect(page).toHaveURL(/\/bank-transfer$/);
  await expect(page.getByRole("heading", { name: "Waiting for your bank" })).toBeVisible();
  const order = await currentOrder(page, database);
  expect(order.status).toBe("processing");
  await expect(page.getByText(order.id)).toBeVisible();
  await page.getByRole("button", { name: "Simulate bank confirmation" }).click();
  await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
  await expect(page.getByText("Bank transfer", { exact: true })).toBeVisible();
  expect((await currentOrder(page, database)).status).toBe("paid");
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });

  test("a declined card, a mistake, then payment, end to end", async ({ page, database, baseURL }) => {
    const { ctx, link, path } = await setUp(database, baseURL, { payment_methods: ["card", "alipay"] });
    await page.goto(path);
    await fillBuyer(page);
    await fillCard(page, TEST_CARDS.declined);
    await page.getByRole("button", { name: "Pay $25.00" }).click();
    await expect(errorSummary(page)).toContainText("Your card was declined.");

    await page.getByLabel("Card number").fill(spaced(TEST_CARDS.success));
    await page.getByLabel("Expiry date").fill(EXPIRY);
    await page.getByRole("button", { name: "Pay $25.00" }).click();
    await expect(errorSummary(page)).toContainText("Enter the security code.");
    await expect(page.getByLabel("Security code")).toHaveAttribute("aria-invalid", "true");

    await fillCard(page, TEST_CARDS.success);
    await page.getByRole("button", { name: "Pay $25.00" }).click();
    await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
    await expect(page.getByText("Visa •••• 4242")).toBeVisible();
    expect(await currentOrder(page, database)).toMatchObject({ status: "paid", attempts: 2 });
    expect((await getPaymentLink(database.db, ctx, link.id)).stats.visit_count).toBe(1);
  });

  test("a wallet payment", async ({ page, database, baseURL }) => {
    const { path } = await setUp(database, baseURL, { payment_methods: ["card", "alipay"] });
    await page.goto(path);
    await fillBuyer(page);
    await page.getByRole("radio", { name: "Alipay" }).check();
    await expect(page.getByLabel("Card number")).toBeHidden();
    await page.getByRole("button", { name: /^Pay/ }).click();
    await page.getByRole("button", { name: "Approve" }).click();
    await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
  });
});

test("an API order is pre-filled; the buyer's correction is what the order keeps", async ({ page, database, baseURL }) => {
  const { merchantId } = await newMerchant(database, "checkout");
  const ctx = { merchantId, livemode: false, ...simulatorContext(database.db, SIMULATOR_TIMING, baseURL!) };
  const created = await createOrder(database.db, ctx, {
    amount: 4200,
    currency: "EUR",
    item_name: "Invoice 1042",
    customer: { email: "typo@exmaple.com", name: "Bo Berg" },
    cancel_url: "https://shop.example/cart",
  });
  await page.goto(new URL(created.url).pathname);
  await expect(page.getByRole("heading", { level: 1, name: "Invoice 1042" })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("typo@exmaple.com");
  await expect(page.getByLabel("Full name")).toHaveValue("Bo Berg");
  await expect(page.getByRole("link", { name: "Cancel and return to checkout merchant" })).toHaveAttribute("href", "https://shop.example/cart");

  await page.getByLabel("Email").fill("bo@example.com");
  await fillCard(page, TEST_CARDS.successMastercard);
  await page.getByRole("button", { name: "Pay €42.00" }).click();
  await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
  await expect(page.getByText("Mastercard •••• 4444")).toBeVisible();
  const order = await getOrder(database.db, ctx, created.id);
  expect(order).toMatchObject({ status: "paid", customer: { email: "bo@example.com", name: "Bo Berg" }, payment: { card: { brand: "mastercard", last4: "4444" } } });

  // Paid: the order's checkout now shows the receipt.
  await page.goto(new URL(created.url).pathname);
  await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
});

test("an API order with a success URL sends the buyer back to the merchant", async ({ page, database, baseURL }) => {
  const { merchantId } = await newMerchant(database, "checkout");
  const ctx = { merchantId, livemode: false, ...simulatorContext(database.db, SIMULATOR_TIMING, baseURL!) };
  const created = await createOrder(database.db, ctx, { amount: 990, currency: "USD", item_name: "Socks", success_url: "https://shop.example/thanks?order=42" });
  await page.goto(new URL(created.url).pathname);
  await fillBuyer(page);
  await fillCard(page, TEST_CARDS.success);
  // The pay form's answer sends the browser on to the merchant's page: a top-level navigation there, redirected
  // from the form's POST. (shop.example cannot be reached from here, and a route stub does not catch a redirect's
  // target in the headless shell, so the request is what is checked, not the page it would show.)
  const toMerchant = page.waitForRequest("https://shop.example/thanks?order=42");
  await page.getByRole("button", { name: "Pay $9.90" }).click();
  const sent = await toMerchant;
  expect(sent.isNavigationRequest() && sent.frame() === page.mainFrame()).toBe(true);
  expect(sent.redirectedFrom()?.method()).toBe("POST");
  expect(new URL(sent.redirectedFrom()!.url()).pathname).toBe(`${new URL(created.url).pathname}/pay`);

  // The receipt is still there, with a way back. Opened in a second tab: the first one is still failing to reach
  // shop.example, and its error page would interrupt a navigation started there.
  const receipt = await page.context().newPage();
  await receipt.goto(`${new URL(created.url).pathname}/complete`);
  await expect(receipt.getByRole("heading", { name: "Payment successful" })).toBeVisible();
  await expect(receipt.getByRole("link", { name: "Return to checkout merchant" })).toHaveAttribute("href", "https://shop.example/thanks?order=42");
});

test("expired and canceled orders are no longer available", async ({ page, database, baseURL }) => {
  const { merchantId } = await newMerchant(database, "checkout");
  const ctx = { merchantId, livemode: false, ...simulatorContext(database.db, SIMULATOR_TIMING, baseURL!) };
  const created = await createOrder(database.db, ctx, { amount: 500, currency: "USD", item_name: "Gift card" });
  await cancelOrder(database.db, ctx, created.id);
  await page.goto(new URL(created.url).pathname);
  await expect(page.getByRole("heading", { name: "This payment is no longer available" })).toBeVisible();
  await expect(page.getByText("canceled this order")).toBeVisible();

  const expiring = await createOrder(database.db, ctx, { amount: 500, currency: "USD", item_name: "Gift card" });
  await database.db.update(orders).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(orders.id, expiring.id));
  await page.goto(new URL(expiring.url).pathname);
  await expect(page.getByRole("heading", { name: "This payment is no longer available" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Pay/ })).toHaveCount(0);

  const missing = await page.goto("/o/doesNotExist000000000000000000000");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This payment is no longer available" })).toBeVisible();
});

test("a disabled link says so and refuses payment", async ({ page, database, baseURL }) => {
  const { ctx, link, path } = await setUp(database, baseURL);
  await page.goto(path);
  const submission = await page.locator('input[name="submission"]').inputValue();
  await updatePaymentLink(database.db, ctx, link.id, { active: false });

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "This payment link is no longer available" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Pay/ })).toHaveCount(0);

  // A form still open in another tab posts anyway (as a browser does: with the page's Origin): refused, and nothing is charged.
  const response = await page.request.post(`${path}/pay`, {
    form: { submission, method: "card", email: "ana@example.com", name: "Ana", cardNumber: TEST_CARDS.success, expiry: EXPIRY, cvc: "123" },
    headers: { origin: new URL(baseURL!).origin },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
  expect(response.headers()["location"]).toBe(path);
  expect(await ordersOfLink(database, link.id)).toHaveLength(0);

  expect((await page.request.post("/l/not-a-token/pay", { form: { method: "card" }, maxRedirects: 0 })).status()).toBe(404);

  const unknown = await page.goto("/l/noSuchLink0000000000000000000000");
  expect(unknown?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This payment link is no longer available" })).toBeVisible();
});

test("a used-up link is no longer available", async ({ page, database, baseURL }) => {
  const { path } = await setUp(database, baseURL, { max_payments: 1 });
  await page.goto(path);
  await fillBuyer(page);
  await fillCard(page, TEST_CARDS.success);
  await page.getByRole("button", { name: "Pay $25.00" }).click();
  await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: "This payment link is no longer available" })).toBeVisible();
});

test("live mode with no processor connected: the buyer is told, and a forged post pays nothing and makes no order", async ({ page, database, baseURL }) => {
  const { merchantId } = await newMerchant(database, "checkout");
  const link = await createPaymentLink(database.db, { merchantId, livemode: true, appUrl: baseURL! }, { item_name: "Live tea", amount: 700, currency: "USD", default_country: "US" });
  const path = new URL(link.url).pathname;
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: "This business is not accepting payments yet" })).toBeVisible();
  await expect(page.getByText("Live tea")).toBeVisible();
  await expect(page.getByText("Test mode")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Pay/ })).toHaveCount(0);
  await expect(page.getByLabel("Card number")).toHaveCount(0);

  // The form the test-mode page would have, posted anyway with the success card.
  const response = await page.request.post(`${path}/pay`, {
    form: { method: "card", email: "ana@example.com", name: "Ana Silva", cardNumber: TEST_CARDS.success, expiry: EXPIRY, cvc: "123" },
    headers: { origin: new URL(baseURL!).origin },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
  expect(response.headers()["location"]).toBe(path);
  expect(await ordersOfLink(database, link.id)).toHaveLength(0);
  expect((await getPaymentLink(database.db, { merchantId, livemode: true, appUrl: baseURL! }, link.id)).stats).toMatchObject({ pay_count: 0, success_amount: 0 });
});

test("visits: each page view counts once, the view after a refused post does not", async ({ page, database, baseURL }) => {
  const { ctx, link, path } = await setUp(database, baseURL);
  await page.goto(path);
  await page.goto(path);
  expect((await getPaymentLink(database.db, ctx, link.id)).stats.visit_count).toBe(2);

  await page.getByRole("button", { name: "Pay $25.00" }).click();
  await expect(errorSummary(page)).toContainText("Enter your email address.");
  expect((await getPaymentLink(database.db, ctx, link.id)).stats.visit_count).toBe(2);
});

test("a card number that fails the Luhn check is refused on the form, accessibly", async ({ page, database, baseURL }) => {
  const { link, path } = await setUp(database, baseURL);
  await page.goto(path);
  await fillBuyer(page);
  await fillCard(page, "4242424242424241");
  await page.getByRole("button", { name: "Pay $25.00" }).click();

  const summary = errorSummary(page);
  await expect(summary).toContainText("This card number is not valid. Check it and try again.");
  await expect(summary).toBeFocused();
  const field = page.getByLabel("Card number");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription("This card number is not valid. Check it and try again.");
  await expect(field).toHaveValue("");
  await expect(page.getByLabel("Expiry date")).toHaveAccessibleDescription("MM/YY");
  // The summary links to the field.
  await summary.getByRole("link", { name: /card number is not valid/ }).click();
  await expect(field).toBeFocused();
  expect(await ordersOfLink(database, link.id)).toHaveLength(0);
});

test("a buyer-chosen amount: pre-filled with the preset, held to the bounds", async ({ page, database, baseURL }) => {
  const { link, path } = await setUp(database, baseURL, { amount: undefined, custom_amount: { minimum: 500, maximum: 10000, preset: 2000 }, collect_name: false });
  await page.goto(path);
  await expect(page.getByLabel("Full name")).toHaveCount(0);
  const amount = page.getByLabel("Amount");
  await expect(amount).toHaveValue("20.00");
  await expect(amount).toHaveAccessibleDescription(/between \$5\.00 and \$100\.00/);

  await amount.fill("2");
  await page.getByLabel("Email").fill("ana@example.com");
  await fillCard(page, TEST_CARDS.success);
  await page.getByRole("button", { name: /^Pay/ }).click();
  await expect(errorSummary(page)).toContainText("Enter at least $5.00.");
  await expect(page.getByLabel("Amount")).toHaveValue("2");

  await page.getByLabel("Amount").fill("12.50");
  await fillCard(page, TEST_CARDS.success);
  await page.getByRole("button", { name: /^Pay/ }).click();
  await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
  await expect(page.getByText("You paid $12.50")).toBeVisible();
  const [order] = await ordersOfLink(database, link.id);
  expect(order).toMatchObject({ amount: 1250, status: "paid" });
});

test("a double-tapped Pay button pays once", async ({ page, database, baseURL }) => {
  const { link, path } = await setUp(database, baseURL);
  await page.goto(path);
  const submission = await page.locator('input[name="submission"]').inputValue();
  const form = { submission, method: "card", email: "ana@example.com", name: "Ana", cardNumber: TEST_CARDS.success, expiry: EXPIRY, cvc: "123" };
  // Two posts of the same form, as a browser sends them (with the page's Origin).
  const headers = { origin: new URL(baseURL!).origin };
  const [first, second] = await Promise.all([
    page.request.post(`${path}/pay`, { form, headers, maxRedirects: 0 }),
    page.request.post(`${path}/pay`, { form, headers, maxRedirects: 0 }),
  ]);
  expect([first.status(), second.status()]).toEqual([303, 303]);
  expect(first.headers()["location"]).toMatch(/^\/o\/[0-9A-Za-z]{32}\/complete$/);
  expect(second.headers()["location"]).toBe(first.headers()["location"]);
  const placed = await ordersOfLink(database, link.id);
  expect(placed).toHaveLength(1);
  expect(placed[0]).toMatchObject({ status: "paid", attempts: 1 });
});

test("text on the merchant's colour keeps its contrast; the logo has a name", async ({ page, database, baseURL }) => {
  const { merchantId } = await newMerchant(database, "checkout");
  await database.db.update(merchants).set({ brandColor: "#facc15", logoUrl: "https://cdn.shop.example/logo.svg" }).where(eq(merchants.id, merchantId));
  const link = await createPaymentLink(database.db, { merchantId, livemode: false, appUrl: baseURL! }, { item_name: "Lemonade", amount: 300, currency: "USD", default_country: "US" });
  await page.route("https://cdn.shop.example/**", (route) =>
    route.fulfill({ contentType: "image/svg+xml", body: '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><circle cx="20" cy="20" r="18" fill="#222"/></svg>' }),
  );
  await page.goto(new URL(link.url).pathname);
  await expect(page.getByRole("img", { name: "checkout merchant logo" })).toBeVisible();
  const button = page.getByRole("button", { name: "Pay $3.00" });
  await expect(button).toHaveCSS("background-color", "rgb(250, 204, 21)");
  await expect(button).toHaveCSS("color", "rgb(0, 0, 0)");
});
