import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signUp, uniqueEmail } from "./helpers";
import { linkPath, waitForMail } from "./mail";

// Sharing a link the way a merchant does it: from the link's page, by email; the buyer opens the mailed URL,
// pays, and gets the receipt; the link's page then shows the payment under "Email" in its funnel.

const EXPIRY = `12/${String((new Date().getUTCFullYear() + 5) % 100).padStart(2, "0")}`;

test("a merchant emails a link; the buyer pays from the email, gets the receipt, and the funnel shows one paid from email", async ({ page, browser, baseURL }) => {
  await signUp(page, { email: uniqueEmail("share"), business: "Clay Studio" });
  await page.goto("/dashboard/links/new");
  await page.getByLabel("Item name").fill("Pottery class");
  await page.getByLabel("Currency").selectOption("USD");
  await page.getByLabel("Amount", { exact: true }).fill("45");
  await page.getByRole("button", { name: "Create payment link" }).click();
  await expect(page).toHaveURL(/\/dashboard\/links\/plink_[0-9A-Za-z]+$/);
  const linkPage = page.url();

  // The QR code is on the page, ready to print.
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();

  // Send it: the dialog is a plain form in a <details>.
  const buyerEmail = uniqueEmail("buyer");
  await page.getByText("Send to a buyer").click();
  await page.getByLabel("To").fill("not an address");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByText("Must be a valid email address")).toBeVisible();
  await page.getByLabel("To").fill(buyerEmail);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const messages = page.getByRole("region", { name: "Messages" });
  await expect(messages.getByRole("link", { name: buyerEmail })).toBeVisible();

  // The buyer, in a browser of their own, opens the mailed URL and pays.
  const mail = await waitForMail(baseURL!, buyerEmail, /Clay Studio: payment request for Pottery class/);
  const path = linkPath(mail, "/l/");
  expect(path).toMatch(/\?src=email$/);
  const buyer = await (await browser.newContext()).newPage();
  await buyer.goto(path);
  await buyer.getByLabel("Email").fill(buyerEmail);
  await buyer.getByLabel("Full name").fill("Ana Silva");
  await buyer.getByRole("radio", { name: "Card" }).check();
  await buyer.getByLabel("Card number").fill("4242 4242 4242 4242");
  await buyer.getByLabel("Expiry date").fill(EXPIRY);
  await buyer.getByLabel("Security code").fill("123");
  await buyer.getByRole("button", { name: "Pay $45.00" }).click();
  await expect(buyer.getByRole("heading", { level: 1, name: "Payment successful" })).toBeVisible();

  const receipt = await waitForMail(baseURL!, buyerEmail, /Your receipt from Clay Studio/);
  expect(receipt.attachments.map((a) => a.contentType)).toEqual(["application/pdf"]);

  // Back on the link's page: one visit, one started, one paid, all from email.
  await page.goto(linkPage);
  const funnel = page.getByRole("table", { name: /Where buyers of .* came from/ });
  const email = funnel.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Email" }) });
  await expect(email).toContainText("100%");
  await expect(email).toContainText("$45.00");
  await expect(messages.getByText(/Your receipt from Clay Studio/)).toBeVisible();

  // The page with its QR code, funnel, send dialog (open) and messages passes axe.
  await page.getByText("Send to a buyer").click();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);

  // Texted too (the dialog is open); then the Messages page: its filters narrow the list, and a message's page
  // shows how it went.
  await page.getByLabel("Send by").selectOption("sms");
  await page.getByLabel("To").fill("+46 70 123 45 67");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(messages.getByRole("link", { name: "+46701234567" })).toBeVisible();
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Messages" }).click();
  const listed = page.getByRole("table").getByRole("link");
  await expect(listed).toHaveText(["+46701234567", buyerEmail, buyerEmail]);
  await page.getByLabel("Channel").selectOption("sms");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]channel=sms/);
  await expect(listed).toHaveText(["+46701234567"]);
  await page.getByLabel("Channel").selectOption("email");
  await page.getByLabel("Status").selectOption("failed");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No messages match these filters.")).toBeVisible();
  await page.getByLabel("Status").selectOption("sent");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(listed).toHaveText([buyerEmail, buyerEmail]);
  await page.getByRole("row").filter({ hasText: "payment request for Pottery class" }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: "Clay Studio: payment request for Pottery class" })).toBeVisible();
  const history = page.getByRole("region", { name: "History" }).getByRole("listitem");
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText(/queued\s*Queued for sending\./);
  await expect(history.nth(1)).toContainText(/sent\s*Accepted by the SMTP server: 250/);
});

test("without JavaScript, a link is texted to a buyer from its page, and a bad number is refused in the dialog", async ({ browser }) => {
  const setup = await browser.newContext();
  const signedUp = await setup.newPage();
  await signUp(signedUp, { email: uniqueEmail("share-nojs"), business: "Plain Text Bakery" });
  const context = await browser.newContext({ storageState: await setup.storageState(), javaScriptEnabled: false });
  await setup.close();
  const page = await context.newPage();
  await page.goto("/dashboard/links/new");
  await page.getByLabel("Item name").fill("Sourdough");
  await page.getByLabel("Amount", { exact: true }).fill("6");
  await page.getByRole("button", { name: "Create payment link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sourdough" })).toBeVisible();

  await page.getByText("Send to a buyer").click();
  await page.getByLabel("Send by").selectOption("sms");
  await page.getByLabel("To").fill("070 123 45 67");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByText("Must be a phone number in E.164 form")).toBeVisible();
  await expect(page.getByLabel("To")).toHaveValue("070 123 45 67");
  await page.getByLabel("To").fill("+46 70 123 45 67");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const messages = page.getByRole("region", { name: "Messages" });
  await expect(messages.getByRole("link", { name: "+46701234567" })).toBeVisible();
  // The table shows the SMS's beginning; its page shows all of it, with the URL carrying src=sms.
  await expect(messages.getByText("Plain Text Bakery: please pay €6.00 for Sourdough")).toBeVisible();
  await messages.getByRole("link", { name: "+46701234567" }).click();
  await expect(page.getByText(/Plain Text Bakery: please pay €6.00 for Sourdough: http\S+\?src=sms/).first()).toBeVisible();
  await context.close();
});
