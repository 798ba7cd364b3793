import { eq } from "drizzle-orm";
import { expect, test, type Page } from "@playwright/test";
import type { Database } from "@/db/client";
import { merchants, webhookEndpoints } from "@/db/schema";
import { newId } from "@/lib/core/ids";
import { createPaymentLink } from "@/lib/services/create-payment-link";
import { startReceiver, waitFor } from "@/test/receiver";
import { merchantOfUser, openE2eDatabase, signUp, uniqueEmail } from "./helpers";

// A platform's webhook endpoint that also hears its connected merchants' events, set up in the dashboard: the
// checkbox only platforms see, a connected merchant's event delivered to it (with `merchant`), and the endpoint's
// log telling that delivery apart from the platform's own.

let database: Database;

test.beforeAll(async ({}, workerInfo) => {
  database = await openE2eDatabase(workerInfo.project.use.baseURL!);
});

test.afterAll(async () => {
  await database?.close();
});

const CHECKBOX = "Also receive the events of connected merchants";

async function openWebhooks(page: Page) {
  await page.goto("/dashboard/developers/webhooks");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Webhooks");
}

test("a platform adds an endpoint that also receives its connected merchants' events; others are not offered the choice", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  let secret = "";
  const receiver = await startReceiver(() => secret);
  try {
    const email = uniqueEmail("connect-hooks");
    await signUp(page, { email, business: "Market Platform" });
    await openWebhooks(page);
    await expect(page.getByLabel(CHECKBOX)).toHaveCount(0);

    // Made a platform (Settings or the admin command), with one connected merchant in test mode.
    const { ctx } = await merchantOfUser(database, email, baseURL!);
    await database.db.update(merchants).set({ platform: true }).where(eq(merchants.id, ctx.merchantId));
    const connected = newId("merchant");
    await database.db.insert(merchants).values({ id: connected, name: "Corner Shop", country: "US", defaultCurrency: "USD", platformId: ctx.merchantId, connectedLivemode: false });

    await openWebhooks(page);
    await page.getByLabel("Endpoint URL").fill(receiver.url);
    await page.getByLabel(CHECKBOX).check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const shown = page.getByRole("region", { name: `Endpoint added: ${receiver.url}` });
    secret = await shown.getByLabel("Signing secret").inputValue();
    const row = page.getByTestId("endpoint-row");
    await expect(row).toContainText("Also of connected merchants");
    const [endpoint] = await database.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.merchantId, ctx.merchantId));
    expect(endpoint!.connect).toBe(true);

    // The platform, acting for its connected merchant, creates a link: the event reaches the platform's endpoint.
    await createPaymentLink(database.db, { merchantId: connected, livemode: false, appUrl: baseURL!, actingPlatformId: ctx.merchantId }, { item_name: "Bagels", amount: 600, default_country: "US" });
    await waitFor(() => receiver.received.length >= 1, 20_000, "the connected merchant's event");
    expect(receiver.received[0]!.error).toBeNull();
    expect(receiver.received[0]!.verified).toMatchObject({ type: "payment_link.created", merchant: connected });

    await row.getByRole("link", { name: receiver.url }).click();
    await expect(page.getByTestId("endpoint-connect")).toHaveText("Their events are sent here too");
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("delivery-last-status")).toHaveText("200", { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    // Not a link into this business's event log, where the connected merchant's event is not.
    await expect(page.getByTestId("delivery-connected-merchant")).toHaveText(`of connected merchant ${connected}`);
    await expect(page.getByTestId("delivery").getByRole("link", { name: "payment_link.created" })).toHaveCount(0);
    const eventId = String(receiver.received[0]!.headers["webhook-id"]);
    await page.getByRole("button", { name: `Resend payment_link.created ${eventId}` }).click();
    await expect(page.getByText(`Queued: ${eventId} will be delivered again.`)).toBeVisible();
    await waitFor(() => receiver.received.length >= 2, 15_000, "the resend");
    expect(receiver.received[1]!.body).toBe(receiver.received[0]!.body);

    // Unchecked in the edit form: the endpoint hears only the platform's own events again.
    await page.getByText("Edit URL, events or description").click();
    await expect(page.getByLabel(CHECKBOX)).toBeChecked();
    await page.getByLabel(CHECKBOX).uncheck();
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Changes saved.")).toBeVisible();
    await expect(page.getByTestId("endpoint-connect")).toHaveText("Not sent here: only this business's own events");
  } finally {
    await receiver.close();
  }
});
