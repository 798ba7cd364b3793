import { devices, type Page } from "@playwright/test";
import { displayPayment, findOrderByToken } from "@/db/queries/orders";
import type { Database } from "@/db/client";
import { scopeOf } from "@/lib/core/scope";
import { parseEmv, parseEmvTemplate } from "@/lib/payments/emv-qr";
import { TEST_IBANS } from "@/lib/processor/simulated";
import { createPaymentLink } from "@/lib/services/create-payment-link";
import type { CreatePaymentLinkInput } from "@/lib/links/schemas";
import { decodeQrPng } from "@/test/qr-decode";
import { expect, newMerchant, test } from "./api/fixtures";
import { expectNoSeriousViolations } from "./axe";

// Each payment method of the contract's table, paid end to end in Chromium as a buyer on a phone does: the
// QR methods (the QR on the page decoded back to its payload), the bank pages, Klarna, SEPA Direct Debit.
// The simulated bank's answers come from the test-mode buttons; the worker's own delivery of them is tested
// over HTTP (test/http/capture.http.test.ts). Every method is also paid with JavaScript off: the checkout
// is server-rendered forms and redirects, and the QR code an image drawn on the server.

test.use({ ...devices["Pixel 7"] });

const errorSummary = (page: Page) => page.getByRole("alert").filter({ has: page.getByRole("heading") });

async function linkPath(database: Database, baseURL: string | undefined, input: Partial<CreatePaymentLinkInput> & Pick<CreatePaymentLinkInput, "currency" | "amount" | "payment_methods">) {
  const { merchantId } = await newMerchant(database, "methods");
  const link = await createPaymentLink(database.db, { merchantId, livemode: false, appUrl: baseURL! }, { item_name: "Market basket", default_country: "US", collect_name: false, ...input });
  return new URL(link.url).pathname;
}

async function startPaying(page: Page, path: string, method: string, payLabel: RegExp = /^Pay/) {
  await page.goto(path);
  await page.getByLabel("Email").fill("buyer@example.com");
  await page.getByRole("radio", { name: method, exact: true }).check();
  await page.getByRole("button", { name: payLabel }).click();
}

async function currentOrder(page: Page, database: Database) {
  const token = new URL(page.url()).pathname.split("/")[2]!;
  return (await findOrderByToken(database.db, token))!;
}

/** The bank-redirect methods, each with its currency and a bank from its list that is not the preselected first. */
const BANK_REDIRECTS = [
  { method: "ideal", label: "iDEAL", currency: "EUR", bank: "ING" },
  { method: "bancontact", label: "Bancontact", currency: "EUR", bank: "KBC" },
  { method: "fpx", label: "FPX", currency: "MYR", bank: "Maybank2u" },
] as const;

/**
 * The QR code on the page, decoded from a screenshot of it as a banking app would read it: exactly the payload
 * the processor gave for the order's pending payment (stored with it), with a CRC that matches (parseEmv
 * refuses one that does not). Its fields are returned to check what the app would show the buyer.
 */
async function scanQr(page: Page, database: Database, method: "promptpay" | "pix"): Promise<{ payload: string; fields: Record<string, string> }> {
  const payload = decodeQrPng(await page.getByTestId("payment-qr").screenshot());
  expect(payload).not.toBeNull();
  const order = await currentOrder(page, database);
  const payment = await displayPayment(database.db, scopeOf(order), order);
  expect(payment).toMatchObject({ method, status: "pending", details: { qr: payload } });
  return { payload: payload!, fields: parseEmv(payload!) };
}

/** Pays a PromptPay link of ฿450.50 up to its QR page, and checks the code scans to the payment's payload. */
async function promptPayQr(page: Page, database: Database, baseURL: string | undefined) {
  const path = await linkPath(database, baseURL, { currency: "THB", amount: 45_050, payment_methods: ["card", "promptpay"] });
  await startPaying(page, path, "PromptPay", /Pay ฿450\.50|Pay THB/);
  await expect(page).toHaveURL(/\/qr$/);
  await expect(page.getByRole("heading", { name: "Scan to pay with PromptPay" })).toBeVisible();
  await expect(page.getByRole("img", { name: /PromptPay QR code/ })).toBeVisible();
  const { fields } = await scanQr(page, database, "promptpay");
  // A dynamic code (01 = 12) for this amount in baht, in Thailand, to a PromptPay proxy (template 29).
  expect(fields).toMatchObject({ "00": "01", "01": "12", "53": "764", "54": "450.50", "58": "TH" });
  expect(parseEmvTemplate(fields["29"]!)["00"]).toBe("A000000677010111");
  expect((await currentOrder(page, database)).status).toBe("processing");
}

/** The test-mode control on the QR page: the simulated bank reports the payment, and the buyer sees the receipt. */
async function confirmPromptPay(page: Page, database: Database) {
  await page.getByRole("button", { name: "Simulate the payment in a banking app" }).click();
  await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
  await expect(page.getByText("PromptPay", { exact: true })).toBeVisible();
  expect((await currentOrder(page, database)).status).toBe("paid");
}

test("PromptPay: a THB QR code on the page that decodes to the payment, axe clean, paid when the bank reports it", async ({ page, database, baseURL }) => {
  await promptPayQr(page, database, baseURL);
  await expectNoSeriousViolations(page, "PromptPay QR page");
  await confirmPromptPay(page, database);
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });

  test("PIX: the QR code and the copy-and-paste code carry the same payload; paid when the bank reports it", async ({ page, database, baseURL }) => {
    const path = await linkPath(database, baseURL, { currency: "BRL", amount: 12_990, payment_methods: ["pix", "card"] });
    await startPaying(page, path, "Pix");
    await expect(page).toHaveURL(/\/qr$/);
    const { payload, fields } = await scanQr(page, database, "pix");
    await expect(page.getByLabel("Pix copy-and-paste code")).toHaveValue(payload);
    expect(fields).toMatchObject({ "53": "986", "54": "129.90", "58": "BR", "59": "methods merchant" });
    await page.getByRole("button", { name: "Simulate the payment in a banking app" }).click();
    await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
  });

  test("PromptPay: the QR code, checking again before the bank has reported it, then paid", async ({ page, database, baseURL }) => {
    await promptPayQr(page, database, baseURL);
    // The buyer's way to see progress without JavaScript: a link that loads the page again.
    await page.getByRole("link", { name: "Check again now" }).click();
    await expect(page).toHaveURL(/\/qr$/);
    await expect(page.getByRole("heading", { name: "Scan to pay with PromptPay" })).toBeVisible();
    await confirmPromptPay(page, database);
  });

  test("iDEAL, Bancontact and FPX: the bank chosen on the bank's page is posted with the approval and named on the receipt", async ({ page, database, baseURL }) => {
    for (const { method, label, currency, bank } of BANK_REDIRECTS) {
      const path = await linkPath(database, baseURL, { currency, amount: 2_500, payment_methods: ["card", method] });
      await startPaying(page, path, label);
      await expect(page).toHaveURL(/\/bank$/);
      await page.getByRole("radio", { name: bank }).check();
      await page.getByRole("button", { name: "Approve payment" }).click();
      await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
      await expect(page.getByText(`${label} · ${bank}`)).toBeVisible();
      expect((await currentOrder(page, database)).status).toBe("paid");
    }
  });

  test("Klarna: declined on its page comes back to the form with the reason; approved pays", async ({ page, database, baseURL }) => {
    const path = await linkPath(database, baseURL, { currency: "EUR", amount: 10_000, payment_methods: ["klarna", "card"] });
    await startPaying(page, path, "Klarna");
    await expect(page).toHaveURL(/\/pay-later$/);
    await expect(page.getByText("€33.34")).toBeVisible();
    await page.getByRole("button", { name: "Decline" }).click();
    await expect(errorSummary(page)).toContainText("Klarna did not approve this purchase.");
    expect((await currentOrder(page, database)).status).toBe("open");
    await page.getByRole("radio", { name: "Klarna" }).check();
    await page.getByRole("button", { name: "Pay €100.00" }).click();
    await page.getByRole("button", { name: "Confirm and pay" }).click();
    await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
    expect(await currentOrder(page, database)).toMatchObject({ status: "paid", attempts: 2 });
  });

  test("SEPA Direct Debit: IBAN and mandate on the form, processing, then debited; the failing test IBAN comes back with the bank's reason", async ({ page, database, baseURL }) => {
    const path = await linkPath(database, baseURL, { currency: "EUR", amount: 8_000, payment_methods: ["card", "sepa_debit"] });
    await page.goto(path);
    await page.getByLabel("Email").fill("buyer@example.com");
    await page.getByRole("radio", { name: "SEPA Direct Debit" }).check();
    await page.getByLabel("Account holder").fill("Ana Silva");
    // A typo in the IBAN and no mandate: both said, by their fields.
    await page.getByLabel("IBAN", { exact: true }).fill("DE89 3704 0044 0532 0130 01");
    await page.getByRole("button", { name: "Pay €80.00" }).click();
    await expect(errorSummary(page)).toContainText("Enter a valid IBAN");
    await expect(errorSummary(page)).toContainText("Accept the direct debit mandate");

    await page.getByRole("radio", { name: "SEPA Direct Debit" }).check();
    await page.getByLabel("IBAN", { exact: true }).fill(TEST_IBANS.failsWhileProcessing);
    await page.getByRole("checkbox", { name: /you authorise methods merchant/ }).check();
    await page.getByRole("button", { name: "Pay €80.00" }).click();
    await expect(page).toHaveURL(/\/debit$/);
    await expect(page.getByRole("heading", { name: "Your direct debit is being processed" })).toBeVisible();
    await expect(page.getByText("DE•• •••• 3002")).toBeVisible();
    await page.getByRole("button", { name: "Simulate the bank's answer" }).click();
    await expect(errorSummary(page)).toContainText("The bank refused the direct debit");
    expect((await currentOrder(page, database)).status).toBe("open");

    await page.getByRole("radio", { name: "SEPA Direct Debit" }).check();
    await page.getByLabel("Account holder").fill("Ana Silva");
    await page.getByLabel("IBAN", { exact: true }).fill("de89 3704 0044 0532 0130 00");
    await page.getByRole("checkbox", { name: /you authorise methods merchant/ }).check();
    await page.getByRole("button", { name: "Pay €80.00" }).click();
    await page.getByRole("button", { name: "Simulate the bank's answer" }).click();
    await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
    await expect(page.getByText("SEPA Direct Debit •••• 3000")).toBeVisible();
    expect(await currentOrder(page, database)).toMatchObject({ status: "paid", attempts: 2 });
  });
});

for (const { method, label, currency, bank } of BANK_REDIRECTS) {
  test(`${label}: sent to the bank's page, picks ${bank}, approves; the receipt names the bank`, async ({ page, database, baseURL }) => {
    const path = await linkPath(database, baseURL, { currency, amount: 2_500, payment_methods: ["card", method] });
    await startPaying(page, path, label);
    await expect(page).toHaveURL(/\/bank$/);
    await expect(page.getByRole("heading", { name: `Pay with ${label}` })).toBeVisible();
    await page.getByRole("radio", { name: bank }).check();
    await page.getByRole("button", { name: "Approve payment" }).click();
    await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
    await expect(page.getByText(`${label} · ${bank}`)).toBeVisible();
  });
}

test("a payment cancelled at the bank comes back to the form with the reason, and a card then pays", async ({ page, database, baseURL }) => {
  const path = await linkPath(database, baseURL, { currency: "EUR", amount: 2_500, payment_methods: ["ideal", "card"] });
  await startPaying(page, path, "iDEAL");
  await page.getByRole("button", { name: "Cancel at my bank" }).click();
  await expect(errorSummary(page)).toContainText("The payment was not approved at your bank (iDEAL).");
  expect((await currentOrder(page, database)).status).toBe("open");
  await page.getByRole("radio", { name: "Card" }).check();
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel("Expiry date").fill(`12/${String((new Date().getUTCFullYear() + 5) % 100).padStart(2, "0")}`);
  await page.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: "Pay €25.00" }).click();
  await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
  expect(await currentOrder(page, database)).toMatchObject({ status: "paid", attempts: 2 });
});

test("Klarna: the instalment plan adds up to the amount; approved pays, declined does not; a chosen amount outside its limits is refused", async ({ page, database, baseURL }) => {
  const path = await linkPath(database, baseURL, { currency: "EUR", amount: 10_000, payment_methods: ["klarna", "card"] });
  await startPaying(page, path, "Klarna");
  await expect(page).toHaveURL(/\/pay-later$/);
  await expect(page.getByText("€33.34")).toBeVisible();
  await expect(page.getByText("€33.33")).toHaveCount(2);
  await page.getByRole("button", { name: "Decline" }).click();
  await expect(errorSummary(page)).toContainText("Klarna did not approve this purchase.");
  await page.getByRole("radio", { name: "Klarna" }).check();
  await page.getByRole("button", { name: "Pay €100.00" }).click();
  await page.getByRole("button", { name: "Confirm and pay" }).click();
  await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();

  // The buyer chooses the amount: Klarna is offered, and 0.50 is refused for it with its limits.
  const chosen = await linkPath(database, baseURL, { currency: "EUR", amount: null, custom_amount: { minimum: 10 }, payment_methods: ["klarna", "card"] });
  await page.goto(chosen);
  await page.getByLabel("Amount").fill("0.50");
  await page.getByLabel("Email").fill("buyer@example.com");
  await page.getByRole("radio", { name: "Klarna" }).check();
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(errorSummary(page)).toContainText("Klarna takes €1.00 to €10,000.00");
});

test("axe finds no serious violation on the methods' pages: the SEPA form with errors, the bank, pay-later, debit and PIX QR pages", async ({ page, database, baseURL }) => {
  const check = (what: string) => expectNoSeriousViolations(page, what);
  const path = await linkPath(database, baseURL, { currency: "EUR", amount: 6_000, payment_methods: ["sepa_debit", "ideal", "klarna", "card"] });
  await page.goto(path);
  await page.getByRole("radio", { name: "SEPA Direct Debit" }).check();
  await page.getByRole("button", { name: "Pay €60.00" }).click();
  await expect(errorSummary(page)).toContainText("Enter your IBAN.");
  await check("SEPA form with errors");

  await startPaying(page, path, "iDEAL");
  await expect(page.getByRole("button", { name: "Approve payment" })).toBeVisible();
  await check("bank page");
  await page.getByRole("button", { name: "Cancel at my bank" }).click();

  await page.getByRole("radio", { name: "Klarna" }).check();
  await page.getByRole("button", { name: "Pay €60.00" }).click();
  await expect(page.getByRole("button", { name: "Confirm and pay" })).toBeVisible();
  await check("pay-later page");
  await page.getByRole("button", { name: "Decline" }).click();

  await page.getByRole("radio", { name: "SEPA Direct Debit" }).check();
  await page.getByLabel("Account holder").fill("Ana Silva");
  await page.getByLabel("IBAN", { exact: true }).fill(TEST_IBANS.success);
  await page.getByRole("checkbox", { name: /you authorise/ }).check();
  await page.getByRole("button", { name: "Pay €60.00" }).click();
  await expect(page.getByRole("heading", { name: "Your direct debit is being processed" })).toBeVisible();
  await check("debit page");

  const qr = await linkPath(database, baseURL, { currency: "BRL", amount: 1_000, payment_methods: ["pix"] });
  await startPaying(page, qr, "Pix");
  await expect(page.getByTestId("payment-qr")).toBeVisible();
  await check("QR page");
});
