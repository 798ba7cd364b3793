import type { Page } from "@playwright/test";
import { TEST_CARDS } from "@/lib/processor/simulated";
import { createPaymentLink } from "@/lib/services/create-payment-link";
import { expect, newMerchant, test } from "./api/fixtures";
import { signUp, uniqueEmail } from "./helpers";

// The Content-Security-Policy as a browser enforces it: the app's own pages run under it without a single
// violation (every script Next.js sends carries the response's nonce), and other sites cannot frame them.

const EXPIRY = `12/${String((new Date().getUTCFullYear() + 5) % 100).padStart(2, "0")}`;

/** Every CSP violation the page reports, from the browser's own console. */
function violations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

test("a buyer pays and a merchant works in the dashboard with no CSP violation, scripts running", async ({ page, database, baseURL }) => {
  const seen = violations(page);
  const { merchantId } = await newMerchant(database, "csp");
  const link = await createPaymentLink(database.db, { merchantId, livemode: false, appUrl: baseURL! }, { item_name: "Beans", amount: 1200, currency: "USD", default_country: "US" });
  await page.goto(new URL(link.url).pathname);
  await page.getByLabel("Email").fill("ana@example.com");
  await page.getByLabel("Full name").fill("Ana Silva");
  await page.getByRole("radio", { name: "Card" }).check();
  await page.getByLabel("Card number").fill(TEST_CARDS.success);
  await page.getByLabel("Expiry date").fill(EXPIRY);
  await page.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: "Pay $12.00" }).click();
  await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();

  // The dashboard is a React app: its client components only work if their scripts were allowed to run.
  await signUp(page, { email: uniqueEmail("csp"), business: "Nonce Roasters" });
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Developers" }).click();
  await page.getByRole("button", { name: "Create test key" }).click();
  await expect(page.getByLabel("Secret key")).toHaveValue(/^sk_test_/);
  await expect(page.getByRole("button", { name: "Copy" })).toBeVisible(); // rendered only once hydrated
  expect(seen).toEqual([]);
});

test("another site cannot frame the checkout or the dashboard", async ({ page, database, baseURL }) => {
  const { merchantId } = await newMerchant(database, "frame");
  const link = await createPaymentLink(database.db, { merchantId, livemode: false, appUrl: baseURL! }, { item_name: "Framed tea", amount: 100, currency: "USD", default_country: "US" });
  // An attacker's page (served from another origin) that frames both; goto waits for the frames' load too.
  await page.route("https://attacker.example/", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<iframe id="checkout" src="${link.url}"></iframe><iframe id="dashboard" src="${baseURL}/signin"></iframe>`,
    }),
  );
  await page.goto("https://attacker.example/", { waitUntil: "load" });
  const frames = page.frames().filter((frame) => frame !== page.mainFrame());
  expect(frames).toHaveLength(2);
  for (const frame of frames) {
    // The browser refused to render them: an error page stands in the frame, not Paylink's.
    const html = await frame.content().catch(() => "");
    expect(html).not.toContain("Framed tea");
    expect(html).not.toContain("Sign in to Paylink");
  }
  // The same pages open normally as top-level pages.
  await page.goto(link.url);
  await expect(page.getByText("Framed tea")).toBeVisible();
});
