import { eq } from "drizzle-orm";
import { expect, test, type Locator, type Page } from "@playwright/test";
import type { Database } from "@/db/client";
import { findCallbackSecret } from "@/db/queries/webhooks";
import { events, webhookEndpoints } from "@/db/schema";
import { createPaymentLink } from "@/lib/services/create-payment-link";
import { createWebhookEndpoint } from "@/lib/services/create-webhook-endpoint";
import { addMember } from "@/lib/services/add-member";
import { payLink } from "@/lib/services/pay-link";
import { signUp as signUpService } from "@/lib/services/sign-up";
import { cardBuyer, simulatorContext } from "@/test/payments";
import { startReceiver, waitFor, type Received } from "@/test/receiver";
import { merchantOfUser, openE2eDatabase, PASSWORD, signIn, signUp, uniqueEmail } from "./helpers";

// Webhooks as a merchant sets them up: an endpoint added in the dashboard, its secret copied from the page
// into a real receiver that verifies every delivery with the standardwebhooks library, a link paid through
// the services on the e2e server's database (buyers pay, not the merchant), and the deliveries, their
// attempts and a resend seen in the dashboard. The e2e server allows loopback URLs and retries within seconds;
// URLs are IP literals because a URL's host must resolve when it is saved (the sandbox may have no DNS).

let database: Database;

test.beforeAll(async ({}, workerInfo) => {
  database = await openE2eDatabase(workerInfo.project.use.baseURL!);
});

test.afterAll(async () => {
  await database?.close();
});

/** A buyer pays a new €amount link of the merchant by card. */
async function payNewLink(ctx: { merchantId: string; livemode: boolean; appUrl: string }, amount: number) {
  const { db } = database;
  const link = await createPaymentLink(db, ctx, { item_name: "Rye loaf", amount, currency: "EUR", default_country: "DE" });
  const paymentContext = simulatorContext(db, { bankTransferSeconds: 0, refundSeconds: 1 }, ctx.appUrl);
  const paid = await payLink(db, paymentContext, link.url.split("/l/")[1]!, cardBuyer());
  expect(paid.kind).toBe("paid");
  return { link, order: paid.order };
}

function heading(page: Page): Locator {
  return page.getByRole("heading", { level: 1 });
}

const typeOf = (r: Received) => (r.verified as { type: string } | null)?.type;
const idOf = (r: Received) => String(r.headers["webhook-id"]);

function delivery(page: Page, type: string, { resent = false } = {}): Locator {
  const all = page.getByTestId("delivery").filter({ has: page.getByRole("link", { name: type, exact: true }) });
  return resent ? all.filter({ hasText: "Resent by hand" }) : all.filter({ hasNotText: "Resent by hand" });
}

test("an owner adds an endpoint, its receiver verifies every delivery, and a delivery is resent from the dashboard", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  let secrets: string[] = [];
  const receiver = await startReceiver(() => secrets);
  try {
    const email = uniqueEmail("hooks");
    await signUp(page, { email, business: "Hook Bakery" });

    await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Developers" }).click();
    const overview = page.getByRole("region", { name: "Webhooks and events" });
    await expect(overview.getByTestId("webhooks-summary")).toHaveText("No test endpoints yet: add one to hear about payments and refunds.");
    await overview.getByRole("link", { name: /^Webhooks/ }).click();
    await expect(heading(page)).toHaveText("Webhooks");
    await expect(page.getByRole("note", { name: "Private webhook URLs allowed" })).toContainText(
      "Private and loopback webhook URLs are allowed — for local development and tests only",
    );
    await expect(page.getByText("No test endpoints yet.")).toBeVisible();

    // The URL guard's refusal and an empty choice of events are shown on the form, with what was typed kept.
    await page.getByLabel("Endpoint URL").fill("ftp://files.example/hooks");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByText("Webhook URLs must start with https:// or http://.")).toBeVisible();
    await expect(page.getByLabel("Endpoint URL")).toHaveValue("ftp://files.example/hooks");
    await page.getByLabel("Endpoint URL").fill(receiver.url);
    await page.getByLabel("Only the events checked below").check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByText("Check at least one event type, or choose All events.")).toBeVisible();
    await expect(page.getByLabel("Endpoint URL")).toHaveValue(receiver.url);

    await page.getByLabel("All events").check();
    await page.getByLabel("Description (optional)").fill("Bakery back office");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const shown = page.getByRole("region", { name: `Endpoint added: ${receiver.url}` });
    await expect(shown).toContainText("it won’t be shown again");
    // Copied with the page's button, as a person would, and handed to the receiver.
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
    await shown.getByRole("button", { name: "Copy secret" }).click();
    await expect(shown.getByText("Copied to the clipboard.")).toBeVisible();
    const secret = await page.evaluate(() => navigator.clipboard.readText());
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32,}$/);
    await expect(shown.getByLabel("Signing secret")).toHaveValue(secret);
    secrets = [secret];

    const row = page.getByTestId("endpoint-row");
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("All events");
    await expect(row).toContainText("Bakery back office");
    await expect(row.getByTestId("endpoint-status")).toHaveText("Enabled");

    // A buyer pays a link: payment_link.created, order.created, order.processing and order.paid reach the
    // receiver, verified — and message.sent, for the receipt emailed to the buyer.
    const { ctx } = await merchantOfUser(database, email, baseURL!);
    const { order } = await payNewLink(ctx, 1250);
    await waitFor(() => receiver.received.length >= 5, 20_000, "five deliveries");
    expect(receiver.received.map(typeOf).sort()).toEqual(["message.sent", "order.created", "order.paid", "order.processing", "payment_link.created"]);
    const paidEventId = idOf(receiver.received.find((r) => typeOf(r) === "order.paid")!);

    // The endpoint's delivery log shows them with status 200 (reloaded until the attempts are recorded).
    await row.getByRole("link", { name: receiver.url }).click();
    await expect(heading(page)).toContainText(receiver.url);
    await expect(page.getByRole("note", { name: "Private webhook URLs allowed" })).toBeVisible();
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("delivery")).toHaveCount(5, { timeout: 1_000 });
      await expect(page.getByTestId("delivery-last-status")).toHaveText(["200", "200", "200", "200", "200"], { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    const paid = delivery(page, "order.paid");
    await expect(paid).toContainText(paidEventId);
    await expect(paid.getByTestId("delivery-status")).toHaveText("Succeeded");
    await expect(paid.getByTestId("delivery-attempts")).toHaveText("1");
    await paid.getByText("1 attempt").click();
    const attempt = paid.getByTestId("delivery-attempt");
    await expect(attempt).toContainText("Attempt 1");
    await expect(attempt).toContainText("Status code: 200");
    await expect(attempt).toContainText(/Latency: \d+ ms/);
    await expect(attempt).toContainText("ok");

    // Resend: the receiver gets the same event again, with the same webhook-id, and the log shows a new delivery.
    await paid.getByRole("button", { name: `Resend order.paid ${paidEventId}` }).click();
    await expect(page.getByText(`Queued: ${paidEventId} will be delivered again.`)).toBeVisible();
    await waitFor(() => receiver.received.filter((r) => idOf(r) === paidEventId).length >= 2, 15_000, "the resent delivery");
    await expect(async () => {
      await page.reload();
      await expect(delivery(page, "order.paid", { resent: true }).getByTestId("delivery-last-status")).toHaveText("200", { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await expect(page.getByTestId("delivery")).toHaveCount(6);

    // The event log: newest first (the receipt's message.sent came last), filtered by type, and the event with
    // its JSON and both deliveries.
    await page.getByRole("link", { name: "← Webhooks" }).click();
    await page.getByRole("link", { name: "Event log" }).click();
    await expect(heading(page)).toHaveText("Events");
    await expect(page.getByTestId("event-row")).toHaveCount(5);
    await expect(page.getByTestId("event-row").first()).toContainText("message.sent");
    const filters = page.getByRole("search", { name: "Filter events" });
    await filters.getByLabel("Type").selectOption("order.created");
    await filters.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/[?&]type=order\.created/);
    await expect(page.getByTestId("event-row")).toHaveCount(1);
    await expect(page.getByTestId("event-row")).toContainText(order.id);
    await page.getByRole("link", { name: "Clear filter" }).click();
    await expect(page.getByTestId("event-row")).toHaveCount(5);
    await page.getByRole("link", { name: paidEventId }).click();
    await expect(heading(page)).toHaveText("order.paid");
    const json = JSON.parse((await page.getByTestId("event-json").textContent())!);
    expect(json).toMatchObject({ id: paidEventId, object: "event", type: "order.paid", livemode: false, data: { object: { id: order.id, status: "paid" } } });
    await expect(page.getByTestId("delivery")).toHaveCount(2);
    await expect(page.getByTestId("delivery-last-status")).toHaveText(["200", "200"]);

    // Rotating shows the new secret once; for 24 hours deliveries carry both signatures, so a receiver that
    // checks each of the two secrets accepts the next one.
    await page.getByTestId("delivery").first().getByRole("link", { name: receiver.url }).click();
    await page.getByText("Rotate secret", { exact: true }).click();
    await expect(page.getByText("The current secret keeps signing deliveries, beside the new one, for 24 hours.")).toBeVisible();
    await page.getByRole("button", { name: "Confirm rotate" }).click();
    const rotated = page.getByRole("region", { name: "New signing secret" });
    await expect(rotated).toContainText("signed with both the old and the new secret");
    const newSecret = await rotated.getByLabel("Signing secret").inputValue();
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(secret);
    secrets = [newSecret, secret];
    await page.goto(`/dashboard/developers/events/${paidEventId}`);
    await page.getByRole("button", { name: `Resend to ${receiver.url}` }).click();
    await expect(page.getByText(`Queued: ${paidEventId} will be delivered again.`)).toBeVisible();
    await waitFor(() => receiver.received.filter((r) => idOf(r) === paidEventId).length >= 3, 15_000, "the delivery after rotation");
    const last = receiver.received.filter((r) => idOf(r) === paidEventId).at(-1)!;
    expect(String(last.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("delivery")).toHaveCount(3, { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });

    // Every delivery the receiver got verified with the secret the dashboard showed.
    expect(receiver.received.length).toBeGreaterThanOrEqual(5);
    for (const r of receiver.received) expect(r.error).toBeNull();

    await page.goto("/dashboard/developers");
    await expect(page.getByTestId("webhooks-summary")).toHaveText("1 test endpoint, all delivering.");
    await expect(page.getByTestId("endpoint-health-notice")).toHaveCount(0);

    // Another merchant's endpoint and event are not found here, exactly like ids that do not exist.
    const other = await signUpService(database.db, { email: uniqueEmail("hooks-other"), password: PASSWORD, businessName: "Other", country: "US", currency: "USD" });
    const otherCtx = { merchantId: other.merchantId, livemode: false };
    const otherEndpoint = await createWebhookEndpoint(database.db, { ...otherCtx, allowPrivate: true }, { url: "http://127.0.0.1:9/hooks", events: ["*"] });
    const otherLink = await createPaymentLink(database.db, { ...otherCtx, appUrl: baseURL! }, { item_name: "Theirs", amount: 100, default_country: "US" });
    const [otherEvent] = await database.db.select().from(events).where(eq(events.objectId, otherLink.id));
    for (const path of [`/dashboard/developers/webhooks/${otherEndpoint.id}`, `/dashboard/developers/events/${otherEvent!.id}`]) {
      await page.goto(path);
      await expect(page.getByText("This page could not be found.")).toBeVisible();
    }
  } finally {
    await receiver.close();
  }
});

test("failing and disabled endpoints are flagged; the callback secret; viewers; no JavaScript", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const failing = await startReceiver(() => [], () => 500);
  try {
    const email = uniqueEmail("hooks-health");
    await signUp(page, { email, business: "Flaky Mill" });
    const { userId, ctx } = await merchantOfUser(database, email, baseURL!);
    const { db } = database;
    const webhookCtx = { merchantId: ctx.merchantId, livemode: false, allowPrivate: true };
    const broken = await createWebhookEndpoint(db, webhookCtx, { url: failing.url, events: ["payment_link.created"] });
    const parked = await createWebhookEndpoint(db, webhookCtx, { url: "http://127.0.0.1:9/parked", events: ["*"], description: "Old shop" });
    // What the worker does after WEBHOOK_DISABLE_AFTER_HOURS of failures, which a test cannot wait for.
    await db
      .update(webhookEndpoints)
      .set({ enabled: false, disabledReason: "Disabled automatically: every delivery failed for 120 hours.", failingSince: new Date(Date.now() - 121 * 3600_000) })
      .where(eq(webhookEndpoints.id, parked.id));
    await createPaymentLink(db, ctx, { item_name: "Flour", amount: 900, currency: "EUR", default_country: "DE" });
    await waitFor(() => failing.received.length >= 2, 20_000, "a retried delivery");

    await page.goto("/dashboard/developers");
    const notice = page.getByTestId("endpoint-health-notice");
    await expect(async () => {
      await page.reload();
      await expect(notice).toContainText("Webhook endpoints need attention (1 disabled, 1 failing)", { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await expect(notice).toContainText("http://127.0.0.1:9/parked — Disabled automatically: every delivery failed for 120 hours.");
    // Every dashboard page tells the merchant an endpoint was disabled.
    await page.goto("/dashboard/orders");
    await expect(page.getByRole("alert").filter({ hasText: "disabled after failing for days" })).toBeVisible();
    await page.goto("/dashboard/developers");
    await expect(notice).toContainText(`${failing.url} — every delivery has failed since`);
    await expect(page.getByTestId("webhooks-summary")).toHaveText("2 test endpoints — 1 disabled, 1 failing.");

    await page.goto("/dashboard/developers/webhooks");
    await expect(page.getByTestId("endpoint-health-notice")).toContainText("Disabled automatically: every delivery failed for 120 hours.");
    await expect(page.getByTestId("endpoint-row").filter({ hasText: "Old shop" }).getByTestId("endpoint-status")).toHaveText("Disabled");

    // The failing endpoint's log shows each attempt's status code, error and the receiver's answer.
    await page.getByTestId("endpoint-health-notice").getByRole("link", { name: failing.url }).click();
    await expect(page.getByTestId("endpoint-health-notice")).toContainText("Every delivery has failed since");
    const failed = delivery(page, "payment_link.created");
    await expect(failed.getByTestId("delivery-last-status")).toHaveText("500");
    await expect(failed.getByTestId("delivery-attempt").first()).toContainText("Status code: 500");
    await expect(failed.getByTestId("delivery-attempt").first()).toContainText("Error: HTTP 500");
    await expect(failed.getByTestId("delivery-attempt").first()).toContainText("not now");

    // Enabling the disabled endpoint clears its failure state.
    await page.goto(`/dashboard/developers/webhooks/${parked.id}`);
    await expect(page.getByTestId("endpoint-health-notice")).toContainText("Disabled automatically: every delivery failed for 120 hours.");
    await page.getByRole("button", { name: "Enable endpoint" }).click();
    await expect(heading(page).getByTestId("endpoint-status")).toHaveText("Enabled");
    await expect(page.getByTestId("endpoint-health-notice")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Disable endpoint" })).toBeVisible();

    // Editing: only some events, a new description.
    await page.getByText("Edit URL, events or description", { exact: true }).click();
    await page.getByLabel("Only the events checked below").check();
    await page.getByLabel("order.paid").check();
    await page.getByLabel("Description (optional)").fill("New shop");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Changes saved.")).toBeVisible();
    await expect(page.getByLabel("order.paid")).toBeChecked();
    await expect(page.getByLabel("Only the events checked below")).toBeChecked();
    await expect(page.getByRole("region", { name: "Settings" })).toContainText("New shop");
    expect((await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, parked.id)))[0]).toMatchObject({ events: ["order.paid"], description: "New shop", enabled: true });

    // Settings → Status callbacks: the test secret, masked and never shown; rolled with a confirmation, shown once.
    await page.goto("/dashboard/settings");
    const before = (await findCallbackSecret(db, { merchantId: ctx.merchantId, livemode: false }))!;
    const liveBefore = (await findCallbackSecret(db, { merchantId: ctx.merchantId, livemode: true }))!;
    await expect(page.getByTestId("callback-secret-masked")).toHaveText(`whsec_••••••••${before.slice(-4)}`);
    expect(await page.content()).not.toContain(before);
    await page.getByText("Roll test callback secret", { exact: true }).click();
    await page.getByRole("button", { name: "Confirm roll" }).click();
    const shown = page.getByRole("region", { name: "New test callback secret" });
    const after = await shown.getByLabel("Signing secret").inputValue();
    expect(after).toMatch(/^whsec_/);
    expect(after).not.toBe(before);
    expect(await findCallbackSecret(db, { merchantId: ctx.merchantId, livemode: false })).toBe(after);
    expect(await findCallbackSecret(db, { merchantId: ctx.merchantId, livemode: true })).toBe(liveBefore);
    await expect(page.getByTestId("callback-secret-masked")).toHaveText(`whsec_••••••••${after.slice(-4)}`);
    // Shown once: after a reload only its last characters remain.
    await page.reload();
    expect(await page.content()).not.toContain(after);

    // Without JavaScript: adding an endpoint shows its secret in the page, and deleting asks first.
    const plain = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
    const noJs = await plain.newPage();
    await noJs.goto("/dashboard/developers/webhooks");
    await noJs.getByLabel("Endpoint URL").fill("http://127.0.0.1:9/plain");
    await noJs.getByRole("button", { name: "Add endpoint" }).click();
    await expect(noJs.getByLabel("Signing secret")).toHaveValue(/^whsec_/);
    await expect(noJs.getByRole("button", { name: "Copy secret" })).toHaveCount(0);
    await noJs.getByTestId("endpoint-row").getByRole("link", { name: "http://127.0.0.1:9/plain" }).click();
    await noJs.getByText("Delete endpoint", { exact: true }).click();
    await noJs.getByRole("button", { name: "Confirm delete" }).click();
    await expect(heading(noJs)).toHaveText("Webhooks");
    await expect(noJs.getByTestId("endpoint-row")).toHaveCount(2);
    await expect(noJs.getByRole("link", { name: "http://127.0.0.1:9/plain" })).toHaveCount(0);
    await plain.close();

    // A viewer sees endpoints and deliveries, but no controls, no resend and no callback secret.
    const viewerEmail = uniqueEmail("hooks-viewer");
    await signUpService(db, { email: viewerEmail, password: PASSWORD, businessName: "Viewer's Own", country: "DE", currency: "EUR" }, { verified: true });
    await addMember(db, { userId, merchantId: ctx.merchantId }, { email: viewerEmail, role: "viewer" });
    const viewerContext = await browser.newContext();
    const viewer = await viewerContext.newPage();
    await viewer.goto("/signin");
    await signIn(viewer, viewerEmail);
    await viewer.getByLabel("Business").selectOption({ label: "Flaky Mill (viewer)" });
    await viewer.getByRole("button", { name: "Switch", exact: true }).click();
    await expect(heading(viewer)).toHaveText("Flaky Mill");
    await viewer.goto("/dashboard/developers/webhooks");
    await expect(viewer.getByTestId("endpoint-row")).toHaveCount(2);
    await expect(viewer.getByRole("button", { name: "Add endpoint" })).toHaveCount(0);
    await viewer.goto(`/dashboard/developers/webhooks/${broken.id}`);
    await expect(viewer.getByText("Only an owner or admin can change this endpoint or resend events.")).toBeVisible();
    await expect(viewer.getByTestId("delivery").first()).toBeVisible();
    await expect(viewer.getByRole("button", { name: /Resend|Save changes|Disable endpoint|Confirm/ })).toHaveCount(0);
    await expect(viewer.getByText("Rotate secret", { exact: true })).toHaveCount(0);
    await viewer.goto("/dashboard/settings");
    await expect(viewer.getByText("Only an owner or admin can roll the callback secret.")).toBeVisible();
    await expect(viewer.getByText("Roll test callback secret", { exact: true })).toHaveCount(0);
    expect(await viewer.content()).not.toContain(after);
    await viewerContext.close();
  } finally {
    await failing.close();
  }
});
