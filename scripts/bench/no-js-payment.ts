import { chromium, devices, type Page } from "@playwright/test";
import { TEST_CARDS } from "@/lib/processor/simulated";
import { DEFAULT_CHROME_PATH } from "./lighthouse.ts";

// Issue #6 for `npm run bench`: a whole payment on a phone with JavaScript off, timed from opening the
// checkout to the receipt.

export interface NoJavaScriptPayment {
  ok: boolean;
  /** From opening the checkout to the receipt on screen, typing included. */
  ms: number;
  /** Where the buyer ended up. */
  url: string | null;
  error: string | null;
}

const EXPIRY = `12/${String((new Date().getUTCFullYear() + 5) % 100).padStart(2, "0")}`;

/**
 * "The whole payment works before any JavaScript has run": a phone with JavaScript off opens the checkout,
 * fills what the link asks for (email and name when it collects them) and the simulated processor's success
 * card, taps Pay and must land on the receipt. The labels are the ones e2e/checkout.spec.ts uses.
 */
export async function payWithoutJavaScript(checkoutUrl: string, { chromePath = DEFAULT_CHROME_PATH } = {}): Promise<NoJavaScriptPayment> {
  const browser = await chromium.launch({
    executablePath: chromePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", `--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE ${new URL(checkoutUrl).hostname}`],
  });
  const started = performance.now();
  let page: Page | null = null;
  try {
    const context = await browser.newContext({ ...devices["Pixel 7"], javaScriptEnabled: false });
    context.setDefaultTimeout(30_000);
    page = await context.newPage();
    await page.goto(checkoutUrl);
    const email = page.getByLabel("Email", { exact: true });
    if (await email.count()) await email.fill("buyer@example.com");
    const name = page.getByLabel("Full name", { exact: true });
    if (await name.count()) await name.fill("Ana Silva");
    await page.getByRole("radio", { name: "Card", exact: true }).check();
    await page.getByLabel("Card number").fill(TEST_CARDS.success.replace(/(\d{4})(?=\d)/g, "$1 "));
    await page.getByLabel("Expiry date").fill(EXPIRY);
    await page.getByLabel("Security code").fill("123");
    await page.getByRole("button", { name: /^Pay/ }).click();
    await page.waitForURL(/\/o\/[0-9A-Za-z]+\/complete$/);
    await page.getByRole("heading", { level: 1, name: "Payment successful" }).waitFor();
    await page.getByText(`•••• ${TEST_CARDS.success.slice(-4)}`).waitFor();
    return { ok: true, ms: Math.round(performance.now() - started), url: page.url(), error: null };
  } catch (error) {
    return { ok: false, ms: Math.round(performance.now() - started), url: page?.url() ?? null, error: error instanceof Error ? error.message : String(error) };
  } finally {
    await browser.close();
  }
}
