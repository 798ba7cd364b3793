import { devices, type Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { merchants } from "@/db/schema";
import { TEST_CARDS } from "@/lib/processor/simulated";
import { createPaymentLink } from "@/lib/services/create-payment-link";
import { expect, newMerchant, test } from "./api/fixtures";
import { expectNoSeriousViolations } from "./axe";

// axe on the checkout's pages, on a phone: no serious or critical violations on the form, the form with
// errors, the 3-D Secure challenge, the wallet page and the receipt — with a light and a dark brand colour.

test.use({ ...devices["Pixel 7"] });

/** The checkout's error summary (Next.js keeps an empty role="alert" route announcer on every page too). */
const errorSummary = (page: Page) => page.getByRole("alert").filter({ has: page.getByRole("heading") });

const EXPIRY = `12/${String((new Date().getUTCFullYear() + 5) % 100).padStart(2, "0")}`;

for (const brandColor of ["#4f46e5", "#fde047"]) {
  test(`checkout pages with brand colour ${brandColor}`, async ({ page, database, baseURL }) => {
    const { merchantId } = await newMerchant(database, "a11y");
    await database.db.update(merchants).set({ brandColor }).where(eq(merchants.id, merchantId));
    const link = await createPaymentLink(
      database.db,
      { merchantId, livemode: false, appUrl: baseURL! },
      {
        item_name: "Pottery class",
        description: "Two hours, materials included",
        amount: 4500,
        currency: "USD",
        default_country: "US",
        payment_methods: ["card", "alipay", "apple_pay", "bank_transfer"],
        after_completion: { type: "message", message: "See you in the studio." },
      },
    );
    const path = new URL(link.url).pathname;

    await page.goto(path);
    await expect(page.getByRole("button", { name: "Pay $45.00" })).toBeVisible();
    await expectNoSeriousViolations(page, "link checkout");

    await page.getByLabel("Card number").fill("4242 4242 4242 4241");
    await page.getByRole("button", { name: "Pay $45.00" }).click();
    await expect(errorSummary(page)).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await expectNoSeriousViolations(page, "checkout with errors");

    await page.getByLabel("Email").fill("ana@example.com");
    await page.getByLabel("Full name").fill("Ana Silva");
    await page.getByLabel("Card number").fill(TEST_CARDS.threeDSecure);
    await page.getByLabel("Expiry date").fill(EXPIRY);
    await page.getByLabel("Security code").fill("123");
    await page.getByRole("button", { name: "Pay $45.00" }).click();
    await expect(page.getByRole("button", { name: "Complete authentication" })).toBeVisible();
    await expectNoSeriousViolations(page, "3-D Secure challenge");

    await page.getByRole("button", { name: "Fail authentication" }).click();
    await expect(errorSummary(page)).toContainText("Authentication failed.");
    await expectNoSeriousViolations(page, "order checkout after a failed authentication");

    await page.getByRole("radio", { name: "Alipay" }).check();
    await page.getByRole("button", { name: "Pay $45.00" }).click();
    await expect(page.getByRole("button", { name: "Approve" })).toBeVisible();
    await expectNoSeriousViolations(page, "wallet page");

    await page.getByRole("button", { name: "Approve" }).click();
    await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
    await expectNoSeriousViolations(page, "receipt");
  });
}

test("the no-longer-available page", async ({ page }) => {
  await page.goto("/l/noSuchLink0000000000000000000000");
  await expect(page.getByRole("heading", { name: "This payment link is no longer available" })).toBeVisible();
  await expectNoSeriousViolations(page, "unknown link");
});
