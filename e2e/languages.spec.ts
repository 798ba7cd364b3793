import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { devices, type Page, type TestInfo } from "@playwright/test";
import { eq } from "drizzle-orm";
import { orders } from "@/db/schema";
import { formatMoney } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import type { CreatePaymentLinkInput } from "@/lib/links/schemas";
import { createPaymentLink } from "@/lib/services/create-payment-link";
import { expect, newMerchant, test } from "./api/fixtures";
import { waitForMail } from "./mail";

// The checkout in the buyer's language, as buyers meet it: a Chinese phone and an Arabic one (right to left)
// paying the same kind of link, the merchant's language on a link, and the switcher with JavaScript off — whose
// choice the receipt email and its PDF then speak. The words are looked up in the catalogues, so a test
// proves the page shows that locale's words, whatever they are.

test.use({ ...devices["Pixel 7"] });

const EXPIRY = `12/${String((new Date().getUTCFullYear() + 5) % 100).padStart(2, "0")}`;
const words = (locale: Locale) => translator(locale, "checkout");

async function newLink(database: Parameters<typeof newMerchant>[0], baseURL: string, input: Partial<CreatePaymentLinkInput> = {}) {
  const { merchantId } = await newMerchant(database, "lang");
  const ctx = { merchantId, livemode: false, appUrl: baseURL };
  const link = await createPaymentLink(database.db, ctx, { item_name: "Tea set", amount: 4500, currency: "USD", default_country: "US", ...input });
  return { ctx, link, path: new URL(link.url).pathname };
}

/** Fills the form and pays with the simulator's success card, in the page's own words. */
async function payWithCard(page: Page, locale: Locale, email: string, amount: string) {
  const t = words(locale);
  await page.getByLabel(t("form.email.label")).fill(email);
  await page.getByLabel(t("form.name.label")).fill("Ana Silva");
  await page.getByRole("radio", { name: t("methods.card") }).check();
  await page.getByLabel(t("form.card.numberLabel")).fill("4242 4242 4242 4242");
  await page.getByLabel(t("form.card.expiryLabel")).fill(EXPIRY);
  await page.getByLabel(t("form.card.cvcLabel")).fill("123");
  await page.getByRole("button", { name: t("form.payAmount", { amount }) }).click();
  await expect(page.getByRole("heading", { level: 1, name: t("receipt.title") })).toBeVisible();
}

async function expectAxeClean(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, what).toEqual([]);
}

/** A full-page screenshot kept in the test's output folder (test-results/…), passed or failed, and attached. */
async function keepScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const file = testInfo.outputPath(name);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

async function buyerLocaleOf(database: Parameters<typeof newMerchant>[0], page: Page): Promise<string | null> {
  const token = new URL(page.url()).pathname.split("/")[2]!;
  const [order] = await database.db.select({ buyerLocale: orders.buyerLocale }).from(orders).where(eq(orders.token, token));
  return order?.buyerLocale ?? null;
}

test("a buyer whose phone speaks Chinese pays a link in zh-CN", async ({ browser, database, baseURL }) => {
  const { path: linkPath } = await newLink(database, baseURL!);
  const context = await browser.newContext({ ...devices["Pixel 7"], locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto(linkPath);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.getByText(words("zh-CN")("page.testMode"))).toBeVisible();
  await payWithCard(page, "zh-CN", "ana@example.com", formatMoney(4500, "USD", "zh-CN"));
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  expect(await buyerLocaleOf(database, page)).toBe("zh-CN");
  await context.close();
});

test("a buyer whose phone speaks Arabic pays the same kind of link, laid out right to left", async ({ browser, database, baseURL }, testInfo) => {
  const { path: linkPath } = await newLink(database, baseURL!);
  const context = await browser.newContext({ ...devices["Pixel 7"], locale: "ar-EG" });
  const page = await context.newPage();
  await page.goto(linkPath);
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  // Numbers stay left to right inside the right-to-left page.
  const t = words("ar");
  await expect(page.getByLabel(t("form.card.numberLabel"))).toHaveAttribute("dir", "ltr");
  // The form's start edge is the right one: the email field's label sits at the right of the column.
  const label = await page.getByText(t("form.email.label"), { exact: true }).boundingBox();
  const field = await page.getByLabel(t("form.email.label")).boundingBox();
  expect(label!.x + label!.width).toBeGreaterThan(field!.x + field!.width - 24);
  await expectAxeClean(page, "checkout in ar");
  await keepScreenshot(page, testInfo, "checkout-ar.png");

  await payWithCard(page, "ar", "ana@example.com", formatMoney(4500, "USD", "ar"));
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectAxeClean(page, "receipt in ar");
  await keepScreenshot(page, testInfo, "receipt-ar.png");
  expect(await buyerLocaleOf(database, page)).toBe("ar");
  await context.close();
});

test("a link the merchant set to Japanese shows Japanese to an English browser, axe clean", async ({ page, database, baseURL }) => {
  const { path: linkPath } = await newLink(database, baseURL!, { locale: "ja", amount: 1500, currency: "JPY", default_country: "JP" });
  await page.goto(linkPath);
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  // JPY has no decimals, in Japanese or any language.
  await expect(page.getByRole("button", { name: words("ja")("form.payAmount", { amount: formatMoney(1500, "JPY", "ja") }) })).toBeVisible();
  expect(formatMoney(1500, "JPY", "ja")).not.toMatch(/[.,]00/);
  await expectAxeClean(page, "checkout in ja");
});

test("without JavaScript, the buyer switches to Japanese; the choice stays on that checkout, and the receipt email and PDF are Japanese", async ({ browser, database, baseURL }) => {
  const { ctx, path: linkPath } = await newLink(database, baseURL!);
  const other = await createPaymentLink(database.db, ctx, { item_name: "Cups", amount: 900, currency: "USD", default_country: "US" });
  const context = await browser.newContext({ ...devices["Pixel 7"], locale: "en-US", javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${linkPath}?src=email`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await page.getByLabel(translator("en", "language")("label")).selectOption("ja");
  await page.getByRole("button", { name: translator("en", "language")("change") }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  // Back on the same page, its source kept.
  expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(`${linkPath}?src=email`);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.getByLabel(translator("ja", "language")("label"))).toHaveValue("ja");

  // Another checkout on the same browser keeps the browser's language.
  const otherPage = await context.newPage();
  await otherPage.goto(new URL(other.url).pathname);
  await expect(otherPage.locator("html")).toHaveAttribute("lang", "en");
  await otherPage.close();

  const email = `lang-${Date.now()}@example.com`;
  await payWithCard(page, "ja", email, formatMoney(4500, "USD", "ja"));
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");

  const merchantName = "lang merchant";
  const subject = translator("ja", "email")("receipt.subject", { merchant: merchantName });
  const mail = await waitForMail(baseURL!, email, new RegExp(subject.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  expect(mail.html).toContain('lang="ja"');
  expect(mail.html).toContain(translator("ja", "email")("receipt.heading"));
  expect(mail.attachments).toHaveLength(1);
  const dir = mkdtempSync(path.join(tmpdir(), "receipt-ja-"));
  const file = path.join(dir, "receipt.pdf");
  writeFileSync(file, Buffer.from(mail.attachments[0]!.content, "base64"));
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  expect(text).toContain(translator("ja", "pdf")("receipt"));
  expect(text).toContain(translator("ja", "pdf")("amountPaid"));
  expect(text.replace(/\s/g, "")).toContain(formatMoney(4500, "USD", "ja").replace(/\s/g, ""));
  await context.close();
});
