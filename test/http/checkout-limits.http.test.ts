import { eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { events, orders, payments } from "@/db/schema";
import { TEST_CARDS } from "@/lib/processor/simulated";
import { createPaymentLink } from "@/lib/services/create-payment-link";
import { newMerchantScope } from "@/test/payments";
import { waitFor } from "@/test/receiver";
import { startApp } from "./app";

// One client cannot keep a link to itself: its checkout posts are limited per address and link, and a buyer
// who never finishes 3-D Secure gives the seat back after PAYMENT_ACTION_TIMEOUT_SECONDS (2 s here; the
// worker's sweep runs every second).

const app = await startApp({ PAYMENT_ACTION_TIMEOUT_SECONDS: "2", SCHEDULER_TICK_SECONDS: "1" });
const EXPIRY = `12/${String((new Date().getUTCFullYear() + 5) % 100).padStart(2, "0")}`;

async function link(extra: Record<string, unknown> = {}) {
  const scope = await newMerchantScope(app.database.db);
  const created = await createPaymentLink(app.database.db, { ...scope, appUrl: app.baseUrl }, { item_name: "Ticket", amount: 1500, currency: "USD", default_country: "US", ...extra });
  return { ...created, path: new URL(created.url).pathname };
}

const cardForm = (number: string) => ({ method: "card", email: "ana@example.com", name: "Ana Silva", cardNumber: number, expiry: EXPIRY, cvc: "123" });

test("21 posts from one address to one link: the 21st is refused before anything is tried; another buyer is not affected", async () => {
  const { id, path } = await link();
  const client = app.client();
  const declined: string[] = [];
  for (let i = 0; i < 21; i++) {
    const answer = await client.send(`${path}/pay`, { form: cardForm(TEST_CARDS.declined), headers: { origin: app.baseUrl } });
    expect(answer.status).toBe(303);
    declined.push(answer.location ?? "");
  }
  // Each of the first 20 was a real (declined) attempt with an order of its own; the 21st made none.
  const made = await app.database.db.select().from(orders).where(eq(orders.paymentLinkId, id));
  expect(made).toHaveLength(20);
  const page = await client.send(declined[20]!);
  expect(page.body).toContain("Too many attempts from your network on this checkout");

  const other = app.client();
  const paid = await other.send(`${path}/pay`, { form: cardForm(TEST_CARDS.success), headers: { origin: app.baseUrl } });
  expect(paid.location).toMatch(/\/complete$/);
});

test("a buyer who leaves 3-D Secure unfinished holds the last seat only until the timeout: then order.payment_failed, action_timeout", async () => {
  const { id, path } = await link({ max_payments: 1 });
  const leaver = app.client();
  const started = await leaver.send(`${path}/pay`, { form: cardForm(TEST_CARDS.threeDSecure), headers: { origin: app.baseUrl } });
  expect(started.location).toMatch(/\/authenticate$/);

  // While the challenge waits, the link is full for everyone else.
  const late = app.client();
  const refused = await late.send(`${path}/pay`, { form: cardForm(TEST_CARDS.success), headers: { origin: app.baseUrl } });
  expect(refused.location).toBe(path);
  expect((await late.send(path)).body).toContain("This payment link is no longer available");

  const db = app.database.db;
  const [order] = await db.select().from(orders).where(eq(orders.paymentLinkId, id));
  await waitFor(async () => (await db.select().from(orders).where(eq(orders.id, order!.id)))[0]!.status === "open", 15_000, "the timeout to fail the payment");
  const [payment] = await db.select().from(payments).where(eq(payments.orderId, order!.id));
  expect(payment).toMatchObject({ status: "failed", failureCode: "action_timeout" });
  const types = (await db.select({ type: events.type }).from(events).where(eq(events.objectId, order!.id)).orderBy(events.id)).map((e) => e.type);
  expect(types).toEqual(["order.created", "order.processing", "order.payment_failed"]);

  // The seat is free again.
  const paid = await late.send(`${path}/pay`, { form: cardForm(TEST_CARDS.success), headers: { origin: app.baseUrl } });
  expect(paid.location).toMatch(/\/complete$/);
});
