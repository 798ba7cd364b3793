import { readFileSync } from "node:fs";
import { devices, type Page } from "@playwright/test";
import { sql } from "drizzle-orm";
import { TEST_CARDS } from "@/lib/processor/simulated";
import { createPaymentLink } from "@/lib/services/create-payment-link";
import { e2eServerLogFile } from "@/test/databases";
import { expect, newMerchant, test } from "./api/fixtures";

// Card numbers typed on the checkout must end up nowhere: not in any table, not in the server's log, not in
// a URL or a cookie. Only brand and last four digits are kept.

test.use({ ...devices["Pixel 7"] });

/** The checkout's error summary (Next.js keeps an empty role="alert" route announcer on every page too). */
const errorSummary = (page: Page) => page.getByRole("alert").filter({ has: page.getByRole("heading") });

const EXPIRY = `12/${String((new Date().getUTCFullYear() + 5) % 100).padStart(2, "0")}`;
const CARDS = [TEST_CARDS.success, TEST_CARDS.declined, TEST_CARDS.threeDSecure];
const spaced = (number: string) => number.replace(/(\d{4})(?=\d)/g, "$1 ");
const forms = (number: string) => [number, spaced(number), number.replace(/(\d{4})(?=\d)/g, "$1-"), encodeURIComponent(spaced(number)), spaced(number).replaceAll(" ", "+")];

async function payWith(page: Page, number: string) {
  await page.getByLabel("Card number").fill(spaced(number));
  await page.getByLabel("Expiry date").fill(EXPIRY);
  await page.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: "Pay $12.00" }).click();
}

test("card numbers are stored and logged nowhere", async ({ page, context, database, baseURL }) => {
  const { merchantId } = await newMerchant(database, "cards");
  const link = await createPaymentLink(database.db, { merchantId, livemode: false, appUrl: baseURL! }, { item_name: "Tea", amount: 1200, currency: "USD", default_country: "US" });
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));

  await page.goto(new URL(link.url).pathname);
  await page.getByLabel("Email").fill("ana@example.com");
  await page.getByLabel("Full name").fill("Ana Silva");
  // A typo first (refused on the form), then a decline, a 3-D Secure attempt that fails, then success.
  await payWith(page, "4242424242424241");
  await expect(errorSummary(page)).toContainText("not valid");
  await payWith(page, TEST_CARDS.declined);
  await expect(errorSummary(page)).toContainText("Your card was declined.");
  await payWith(page, TEST_CARDS.threeDSecure);
  await page.getByRole("button", { name: "Fail authentication" }).click();
  await expect(errorSummary(page)).toContainText("Authentication failed.");
  await payWith(page, TEST_CARDS.success);
  await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
  await expect(page.getByText("Visa •••• 4242")).toBeVisible();

  const needles = [...CARDS, "4242424242424241"].flatMap(forms);
  const found = (haystack: string) => needles.filter((needle) => haystack.includes(needle));

  // Every row of every table, as text.
  const tables = (await database.db.execute(
    sql`select schemaname, tablename from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`,
  )) as unknown as { schemaname: string; tablename: string }[];
  expect(tables.length).toBeGreaterThan(5);
  const hits: string[] = [];
  for (const { schemaname, tablename } of tables) {
    const rows = (await database.db.execute(sql.raw(`select t::text as row from "${schemaname}"."${tablename}" t`))) as unknown as { row: string }[];
    for (const { row } of rows) for (const needle of found(row)) hits.push(`${schemaname}.${tablename}: ${needle}`);
  }
  expect(hits).toEqual([]);

  // The server's log (give the pipe a moment to flush).
  await new Promise((resolve) => setTimeout(resolve, 500));
  const log = readFileSync(e2eServerLogFile(new URL(baseURL!).port), "utf8");
  expect(log.length).toBeGreaterThan(0);
  expect(found(log)).toEqual([]);

  // Every URL the browser asked for, and every cookie it holds.
  expect(urls.flatMap(found)).toEqual([]);
  expect((await context.cookies()).flatMap((c) => found(`${c.name}=${c.value}`))).toEqual([]);
});
