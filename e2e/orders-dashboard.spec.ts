import { expect, test, type Locator, type Page } from "@playwright/test";
import type { Database } from "@/db/client";
import { findOrderByToken } from "@/db/queries/orders";
import { createOrder } from "@/lib/services/create-order";
import { createPaymentLink } from "@/lib/services/create-payment-link";
import { addMember } from "@/lib/services/add-member";
import { payLink } from "@/lib/services/pay-link";
import { payOrder } from "@/lib/services/pay-order";
import { signUp as signUpService } from "@/lib/services/sign-up";
import { cardBuyer, simulatorContext } from "@/test/payments";
import { expectNoSeriousViolations } from "./axe";
import { merchantOfUser, openE2eDatabase, PASSWORD, signIn, signUp, uniqueEmail } from "./helpers";

// Orders come from buyers, so the test pays them through the services on the e2e server's database, then
// drives the dashboard as the merchant: void, settle, refund in two parts, cancel, filter, the link's orders,
// with and without JavaScript, and as a viewer who may only look; capture; the refund rules of PromptPay and
// PIX.

let database: Database;

test.beforeAll(async ({}, workerInfo) => {
  database = await openE2eDatabase(workerInfo.project.use.baseURL!);
});

test.afterAll(async () => {
  await database?.close();
});

/** The merchant the dashboard user signed up with, a link of theirs selling for €amount, and a way to pay it. */
async function merchantWithLink(email: string, appUrl: string, amount: number) {
  const { db } = database;
  const { userId, ctx } = await merchantOfUser(database, email, appUrl);
  const paymentContext = simulatorContext(db, { bankTransferSeconds: 0, refundSeconds: 1 }, appUrl);
  const link = await createPaymentLink(db, ctx, { item_name: "Sourdough box", amount, currency: "EUR", default_country: "DE" });
  const linkToken = link.url.split("/l/")[1]!;
  return { userId, ctx, paymentContext, link, pay: (card?: string) => payLink(db, paymentContext, linkToken, cardBuyer(card)) };
}

function heading(page: Page): Locator {
  return page.getByRole("heading", { level: 1 });
}

function row(page: Page, orderId: string): Locator {
  return page.getByTestId("order-row").filter({ has: page.getByRole("link", { name: orderId }) });
}

/** The e2e server settles refunds about every second; reload until the order shows the status. */
async function reloadUntilStatus(page: Page, status: string) {
  await expect(async () => {
    await page.reload();
    await expect(heading(page).getByTestId("order-status")).toHaveText(status, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

test("a merchant voids an unsettled order, settles and refunds another in two parts, and finds them", async ({ page, baseURL }) => {
  const email = uniqueEmail("orders");
  await signUp(page, { email, business: "Crumb Bakery" });

  const { db } = database;
  const { paymentContext, link, pay } = await merchantWithLink(email, baseURL!, 2500);
  const toVoid = await pay();
  // The other is declined once, then paid with another card: its timeline tells both.
  const declined = await pay("4000000000000002");
  const toRefund = await payOrder(db, paymentContext, declined.order.token, cardBuyer("5555555555554444"));
  expect([toVoid.kind, declined.kind, toRefund.kind]).toEqual(["paid", "declined", "paid"]);
  const voidId = toVoid.order.id;
  const refundId = toRefund.order.id;

  // Another merchant's order is not found here.
  const other = await signUpService(db, { email: uniqueEmail("other"), password: PASSWORD, businessName: "Other", country: "US", currency: "USD" });
  const otherLink = await createPaymentLink(db, { merchantId: other.merchantId, livemode: false, appUrl: baseURL! }, { item_name: "Other thing", amount: 100, default_country: "US" });
  const otherOrder = await payLink(db, paymentContext, otherLink.url.split("/l/")[1]!, cardBuyer());

  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Orders" }).click();
  await expect(heading(page)).toHaveText("Orders");
  await expect(page.getByTestId("order-row")).toHaveCount(2);
  await expect(row(page, voidId)).toContainText("Sourdough box");
  await expect(row(page, voidId)).toContainText("€25.00");
  await expect(row(page, voidId)).toContainText("Not settled");
  await expect(row(page, voidId)).toContainText("Card · Visa •••• 4242");
  await expect(row(page, voidId)).toContainText("buyer@example.com");
  await expect(row(page, refundId)).toContainText("Card · Mastercard •••• 4444");

  // Void the first: paid and not settled, so it can be voided and not refunded.
  await row(page, voidId).getByRole("link", { name: voidId }).click();
  await expect(heading(page)).toContainText("Sourdough box");
  await expect(heading(page).getByTestId("order-status")).toHaveText("Paid");
  await expect(page.getByText("Refund", { exact: true })).toHaveCount(0);
  await expect(page.getByText("Cancel order", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Confirm void" })).toBeHidden();
  await page.getByText("Void payment", { exact: true }).click();
  await expect(page.getByText("The payment of €25.00 is canceled before it settles")).toBeVisible();
  await page.getByRole("button", { name: "Confirm void" }).click();
  await expect(heading(page).getByTestId("order-status")).toHaveText("Voided");
  const voidTimeline = page.getByTestId("timeline-entry");
  await expect(voidTimeline).toHaveText([
    /^Order created — €25\.00\./,
    /^Payment started — Visa •••• 4242\./,
    /^Payment succeeded — €25\.00 by Visa •••• 4242\./,
    /^Payment voided — the buyer is not charged\./,
  ]);
  await expect(page.getByText("Void payment", { exact: true })).toHaveCount(0);
  await expect(page.getByText("Cancel order", { exact: true })).toHaveCount(0);
  await expect(page.getByText("Refund", { exact: true })).toHaveCount(0);

  // Settle the other one now (test mode), which makes it refundable and no longer voidable.
  await page.getByRole("link", { name: "← Orders" }).click();
  await expect(row(page, voidId)).toContainText("Voided");
  await page.getByRole("button", { name: "Settle test payments now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settled 1 test payment." })).toBeVisible();
  await expect(row(page, refundId)).not.toContainText("Not settled");
  await page.getByRole("button", { name: "Settle test payments now" }).click();
  await expect(page.getByText("No paid test payments were waiting to settle.")).toBeVisible();

  await row(page, refundId).getByRole("link", { name: refundId }).click();
  await expect(heading(page).getByTestId("order-status")).toHaveText("Paid");
  await expect(page.getByTestId("timeline-entry").nth(2)).toHaveText(/^Payment failed — Your card was declined\./);
  await expect(page.getByText("Payment settled — from now on it can be refunded, no longer voided.")).toBeVisible();
  await expect(page.getByText("Void payment", { exact: true })).toHaveCount(0);

  // A refund larger than the order is refused with the service's message; nothing changes.
  await page.getByText("Refund", { exact: true }).click();
  const amount = page.getByLabel("Amount to refund (EUR)");
  await expect(amount).toHaveValue("25.00");
  await amount.fill("30.00");
  await page.getByRole("button", { name: "Confirm refund" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "can still be refunded on this order" })).toContainText("€25.00");
  await expect(amount).toHaveValue("30.00");
  await amount.fill("10.001");
  await page.getByRole("button", { name: "Confirm refund" }).click();
  await expect(page.getByText("EUR has at most 2 decimals")).toBeVisible();

  // Part of it: pending first, then partially refunded once the processor settles the refund.
  await amount.fill("10.00");
  await page.getByLabel("Reason (optional)").fill("Damaged box");
  await page.getByRole("button", { name: "Confirm refund" }).click();
  await expect(heading(page)).toContainText("Refund pending");
  await expect(page.getByTestId("refund-row")).toHaveCount(1);
  await expect(page.getByTestId("refund-row")).toContainText("€10.00");
  await expect(page.getByTestId("refund-row")).toContainText("Damaged box");
  await reloadUntilStatus(page, "Partially refunded");
  await expect(heading(page)).not.toContainText("Refund pending");
  await expect(page.getByTestId("refund-row")).toContainText("Succeeded");
  await expect(page.getByText("Partially refunded — €10.00 of €25.00 refunded in total.")).toBeVisible();

  // The rest: the amount starts at what is still refundable.
  await page.getByText("Refund", { exact: true }).click();
  await expect(page.getByLabel("Amount to refund (EUR)")).toHaveValue("15.00");
  await page.getByRole("button", { name: "Confirm refund" }).click();
  await expect(page.getByTestId("refund-row")).toHaveCount(2);
  await reloadUntilStatus(page, "Refunded");
  await expect(page.getByText("Fully refunded — €25.00 of €25.00 refunded in total.")).toBeVisible();
  await expect(page.getByText("Refund", { exact: true })).toHaveCount(0);
  await expect(page.getByText("Void payment", { exact: true })).toHaveCount(0);
  await expect(page.getByText("Cancel order", { exact: true })).toHaveCount(0);

  // Filter by status.
  await page.getByRole("link", { name: "← Orders" }).click();
  const filters = page.getByRole("search", { name: "Filter orders" });
  await filters.getByLabel("Status").selectOption("voided");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]status=voided/);
  await expect(page.getByTestId("order-row")).toHaveCount(1);
  await expect(row(page, voidId)).toBeVisible();
  await filters.getByLabel("Status").selectOption("canceled");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No orders match these filters.")).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page.getByTestId("order-row")).toHaveCount(2);

  // The link's page lists its orders and leads to them.
  await page.goto(`/dashboard/links/${link.id}`);
  const latest = page.getByRole("region", { name: "Latest orders" });
  await expect(latest.getByTestId("order-row")).toHaveCount(2);
  await expect(row(page, refundId)).toContainText("Refunded");
  await latest.getByRole("link", { name: "All orders of this link" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]payment_link=${link.id}`));
  await expect(page.getByTestId("order-row")).toHaveCount(2);

  // Another merchant's order is a 404, exactly like one that does not exist.
  await page.goto(`/dashboard/orders/${otherOrder.order.id}`);
  await expect(page.getByText("This page could not be found.")).toBeVisible();
});

test("without JavaScript the owner settles, refunds and cancels; a viewer sees the orders read-only", async ({ page: ownerPage, browser, baseURL }) => {
  const email = uniqueEmail("orders-nojs");
  await signUp(ownerPage, { email, business: "Quiet Tea" });
  const { userId, ctx, pay } = await merchantWithLink(email, baseURL!, 1800);
  const paid = await pay();
  const open = await pay("4000000000000002");
  expect([paid.kind, open.kind]).toEqual(["paid", "declined"]);

  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await ownerPage.context().storageState() });
  const page = await context.newPage();
  await page.goto("/dashboard/orders");
  await page.getByRole("button", { name: "Settle test payments now" }).click();
  await expect(page.getByText("Settled 1 test payment.")).toBeVisible();

  // A refund the form refuses keeps its disclosure open with the answer; then a partial refund.
  await row(page, paid.order.id).getByRole("link", { name: paid.order.id }).click();
  await page.getByText("Refund", { exact: true }).click();
  await page.getByLabel("Amount to refund (EUR)").fill("abc");
  await page.getByRole("button", { name: "Confirm refund" }).click();
  await expect(page.getByText("Enter an amount such as 19.99.")).toBeVisible();
  await expect(page.getByLabel("Amount to refund (EUR)")).toHaveValue("abc");
  await page.getByLabel("Amount to refund (EUR)").fill("5");
  await page.getByRole("button", { name: "Confirm refund" }).click();
  await expect(heading(page)).toContainText("Refund pending");
  await expect(page.getByTestId("refund-row")).toContainText("€5.00");

  // Canceling a settled order refunds what is left, as the API's cancel does, and says so first.
  await page.getByText("Cancel order", { exact: true }).click();
  await expect(page.getByText("The payment has settled, so canceling refunds the remaining €13.00 in full.")).toBeVisible();
  await page.getByRole("button", { name: "Confirm cancel" }).click();
  await expect(page.getByTestId("refund-row")).toHaveCount(2);
  await expect(page.getByTestId("refund-row").first()).toContainText("Order canceled");
  await reloadUntilStatus(page, "Refunded");

  // An open order (its payment was declined) is simply canceled.
  await page.goto(`/dashboard/orders/${open.order.id}`);
  await expect(heading(page).getByTestId("order-status")).toHaveText("Open");
  await expect(page.getByText("Payment failed — Your card was declined.")).toBeVisible();
  await expect(page.getByText("Refund", { exact: true })).toHaveCount(0);
  await expect(page.getByText("Void payment", { exact: true })).toHaveCount(0);
  await page.getByText("Cancel order", { exact: true }).click();
  await expect(page.getByText("The order is closed: the buyer can no longer pay it.")).toBeVisible();
  await page.getByRole("button", { name: "Confirm cancel" }).click();
  await expect(heading(page).getByTestId("order-status")).toHaveText("Canceled");
  await expect(page.getByText("Order canceled — it can no longer be paid.")).toBeVisible();
  await context.close();

  // A viewer of the business sees orders, but neither the controls nor the settle button.
  const unsettled = await pay();
  const viewerEmail = uniqueEmail("orders-viewer");
  await signUpService(database.db, { email: viewerEmail, password: PASSWORD, businessName: "Viewer's Own", country: "DE", currency: "EUR" }, { verified: true });
  await addMember(database.db, { userId, merchantId: ctx.merchantId }, { email: viewerEmail, role: "viewer" });
  const viewer = await (await browser.newContext()).newPage();
  await viewer.goto("/signin");
  await signIn(viewer, viewerEmail);
  await viewer.getByLabel("Business").selectOption({ label: "Quiet Tea (viewer)" });
  await viewer.getByRole("button", { name: "Switch", exact: true }).click();
  await expect(viewer.getByRole("heading", { level: 1, name: "Quiet Tea" })).toBeVisible();
  await viewer.goto("/dashboard/orders");
  await expect(viewer.getByTestId("order-row")).toHaveCount(3);
  await expect(viewer.getByRole("button", { name: "Settle test payments now" })).toHaveCount(0);
  await row(viewer, unsettled.order.id).getByRole("link", { name: unsettled.order.id }).click();
  await expect(heading(viewer).getByTestId("order-status")).toHaveText("Paid");
  await expect(viewer.getByText("Only an owner or admin of this business can capture, void, refund or cancel orders.")).toBeVisible();
  await expect(viewer.getByText("Void payment", { exact: true })).toHaveCount(0);
  await expect(viewer.getByText("Cancel order", { exact: true })).toHaveCount(0);
});

test("a merchant captures part of an authorized payment, after an amount above the authorization is refused", async ({ page, baseURL }) => {
  const email = uniqueEmail("capture");
  await signUp(page, { email, business: "Harbour Hotel" });
  const { db } = database;
  const { ctx } = await merchantOfUser(database, email, baseURL!);
  const paymentContext = simulatorContext(db, { bankTransferSeconds: 0, refundSeconds: 1 }, baseURL!);
  const created = await createOrder(db, { ...ctx, ...paymentContext }, { amount: 18_000, currency: "EUR", item_name: "Two nights", capture_method: "manual" });
  const authorized = await payOrder(db, paymentContext, created.url.split("/o/")[1]!, cardBuyer());
  expect(authorized.kind).toBe("authorized");

  await page.goto(`/dashboard/orders/${created.id}`);
  await expect(heading(page).getByTestId("order-status")).toHaveText("Authorized");
  await expect(page.getByText("Manual: you capture the authorized payment")).toBeVisible();
  await expect(page.getByText("Refund", { exact: true })).toHaveCount(0);
  await expect(page.getByTestId("timeline-entry").last()).toHaveText(/^Payment authorized — €180\.00 by Visa •••• 4242, waiting for you to capture it\./);

  // More than was authorized is refused with the service's words; then part of it is captured.
  await page.getByText("Capture", { exact: true }).click();
  const amount = page.getByLabel("Amount to capture (EUR)");
  await expect(amount).toHaveValue("180.00");
  await amount.fill("200.00");
  await page.getByRole("button", { name: "Confirm capture" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "was authorized and can be captured" })).toContainText("€180.00");
  await expectNoSeriousViolations(page, "capture form with a refused amount");
  await amount.fill("150.00");
  await page.getByRole("button", { name: "Confirm capture" }).click();
  await expect(heading(page).getByTestId("order-status")).toHaveText("Paid");
  await expect(page.getByTestId("timeline-entry").last()).toHaveText(/^Payment captured — €150\.00 by Visa •••• 4242\./);
  await expect(page.getByText("Capture", { exact: true })).toHaveCount(0);
  await expect(page.getByText("Void payment", { exact: true })).toBeVisible();
});

test("the refund rules of the method that paid: a settled PromptPay order offers no refund and says why, a PIX order only a full one", async ({ page, browser, baseURL }) => {
  const email = uniqueEmail("refund-rules");
  await signUp(page, { email, business: "Harbour Market" });
  const { ctx } = await merchantOfUser(database, email, baseURL!);

  // A buyer pays each link by its QR code; the test-mode control on the QR page has the simulated bank report it.
  const buyer = await browser.newPage();
  async function paidByQr(method: "promptpay" | "pix", label: string, currency: string, amount: number): Promise<string> {
    const link = await createPaymentLink(database.db, ctx, { item_name: `${label} basket`, amount, currency, default_country: "US", collect_name: false, payment_methods: [method] });
    await buyer.goto(new URL(link.url).pathname);
    await buyer.getByLabel("Email").fill("buyer@example.com");
    await buyer.getByRole("radio", { name: label, exact: true }).check();
    await buyer.getByRole("button", { name: /^Pay/ }).click();
    await buyer.getByRole("button", { name: "Simulate the payment in a banking app" }).click();
    await expect(buyer.getByRole("heading", { name: "Payment successful" })).toBeVisible();
    return (await findOrderByToken(database.db, new URL(buyer.url()).pathname.split("/")[2]!))!.id;
  }
  const promptPayId = await paidByQr("promptpay", "PromptPay", "THB", 45_050);
  const pixId = await paidByQr("pix", "Pix", "BRL", 12_990);
  await buyer.context().close();

  // Refunds wait for settlement, whatever the method: settle both, so only the method's rule is left.
  await page.goto("/dashboard/orders");
  await page.getByRole("button", { name: "Settle test payments now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settled 2 test payments." })).toBeVisible();

  await page.goto(`/dashboard/orders/${promptPayId}`);
  await expect(heading(page).getByTestId("order-status")).toHaveText("Paid");
  await expect(page.getByText("PromptPay payments cannot be refunded through Paylink: settle any refund with the buyer directly.")).toBeVisible();
  await expect(page.getByText("Refund", { exact: true })).toHaveCount(0);
  // Canceling a settled order would refund it, so it is not offered either.
  await expect(page.getByText("Cancel order", { exact: true })).toHaveCount(0);
  await expect(page.getByText("Void payment", { exact: true })).toHaveCount(0);

  // PIX: the refund's amount is the whole payment and cannot be changed; once refunded, nothing more can be.
  await page.goto(`/dashboard/orders/${pixId}`);
  await expect(heading(page).getByTestId("order-status")).toHaveText("Paid");
  await expect(page.getByText(/cannot be refunded/)).toHaveCount(0);
  await page.getByText("Refund", { exact: true }).click();
  const amount = page.getByLabel("Amount to refund (BRL)");
  await expect(amount).toHaveValue("129.90");
  await expect(amount).not.toBeEditable();
  await expect(page.getByText(/^R\$\s?129\.90: this payment method is refunded only in full, once\.$/)).toBeVisible();
  await page.getByRole("button", { name: "Confirm refund" }).click();
  await expect(page.getByTestId("refund-row")).toHaveCount(1);
  await expect(page.getByTestId("refund-row")).toContainText("129.90");
  await expect(page.getByText("Refund", { exact: true })).toHaveCount(0);
  await expect(page.getByText("Cancel order", { exact: true })).toHaveCount(0);
});
