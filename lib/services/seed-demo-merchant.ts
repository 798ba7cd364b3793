import { sql } from "drizzle-orm";
import { memberships } from "@/db/schema";
import type { Db } from "@/db/client";
import { findUserByEmail } from "@/db/queries/users";
import type { CreatePaymentLinkInput } from "@/lib/links/schemas";
import { createPaymentLink } from "./create-payment-link";
import { signUp } from "./sign-up";
import type { BuyerPayment } from "@/lib/orders/checkout-input";
import { validateCard } from "@/lib/payments/card";
import { createSimulatedProcessor, SIMULATOR, TEST_CARDS } from "@/lib/processor/simulated";
import { notificationUrl, onlyConnector } from "@/lib/processor";
import { payLink } from "./pay-link";
import { payOrder } from "./pay-order";
import { settleOrders } from "./settle-orders";

export const DEMO_EMAIL = "demo@paylink.test";
export const DEMO_PASSWORD = "paylink-demo-1234";
export const DEMO_BOOKSHOP_OWNER_EMAIL = "tokyo-owner@paylink.test";

// Test-mode links that show the kinds a merchant can make: a fixed price, a buyer-chosen amount, a limited
// run offering wallets, and a zero-decimal currency.
const COFFEE_LINKS: CreatePaymentLinkInput[] = [
  {
    item_name: "House blend, 1 kg",
    description: "Our everyday medium roast, whole beans, roasted this week.",
    amount: 2400,
    currency: "USD",
    default_country: "US",
    metadata: { sku: "HB-1000" },
  },
  {
    name: "Tip jar",
    item_name: "Tip for the baristas",
    description: "Pay what you like. Thank you!",
    custom_amount: { minimum: 100, maximum: 10000, preset: 500 },
    currency: "USD",
    default_country: "US",
    collect_name: false,
  },
  {
    name: "Cupping class (12 seats)",
    item_name: "Saturday cupping class",
    description: "Two hours of tasting with our roaster. Twelve seats.",
    amount: 3500,
    currency: "USD",
    default_country: "US",
    max_payments: 12,
    payment_methods: ["card", "alipay", "wechat_pay"],
    after_completion: { type: "message", message: "Your seat is booked. See you on Saturday at 10:00!" },
  },
];

const BOOKSHOP_LINKS: CreatePaymentLinkInput[] = [
  {
    item_name: "Book token, ¥5,000",
    description: "Spend it on anything in the shop.",
    amount: 5000,
    currency: "JPY",
    default_country: "JP",
  },
];

/**
 * The demo merchant of the first `npm run dev`: an owner of "Demo Coffee Roasters" who is also an admin of a
 * second business, so switching merchants can be tried at once, and a few test-mode payment links in each.
 * Safe to run again: once the demo user exists it changes nothing. `appUrl` builds the absolute checkout
 * URLs that the links' `payment_link.created` events carry.
 */
export async function seedDemo(
  db: Db,
  appUrl = "http://localhost:3000",
): Promise<{ email: string; password: string; created: boolean }> {
  if (await findUserByEmail(db, DEMO_EMAIL)) return { email: DEMO_EMAIL, password: DEMO_PASSWORD, created: false };

  // All or nothing: a seed that stopped half-way would otherwise never be completed, since the user exists.
  await db.transaction(async (tx) => {
    const coffee = await signUp(tx, {
      email: DEMO_EMAIL,
      password: DEMO_PASSWORD,
      businessName: "Demo Coffee Roasters",
      country: "US",
      currency: "USD",
    }, { verified: true });
    // The bookshop belongs to a colleague; the demo user helps run it as an admin, so the switcher shows a
    // second business with a second role. clock_timestamp() keeps the coffee roasters first (the default).
    const books = await signUp(tx, {
      email: DEMO_BOOKSHOP_OWNER_EMAIL,
      password: DEMO_PASSWORD,
      businessName: "Demo Books Tokyo",
      country: "JP",
      currency: "JPY",
    }, { verified: true });
    await tx.insert(memberships).values({ userId: coffee.userId, merchantId: books.merchantId, role: "admin", createdAt: sql`clock_timestamp()` });

    const created: { merchantId: string; url: string }[] = [];
    for (const [merchantId, links] of [
      [coffee.merchantId, COFFEE_LINKS],
      [books.merchantId, BOOKSHOP_LINKS],
    ] as const) {
      for (const link of links) created.push({ merchantId, ...(await createPaymentLink(tx, { merchantId, livemode: false, appUrl }, link)) });
    }
    await seedDemoPayments(tx, appUrl, created[0]!.url, created[1]!.url);
  });
  return { email: DEMO_EMAIL, password: DEMO_PASSWORD, created: true };
}

/**
 * A few test payments through the simulated processor, so the demo's stats and order list are not empty:
 * two paid bags of coffee (one of them settled), a declined card retried successfully, and a tip.
 */
async function seedDemoPayments(tx: Db, appUrl: string, houseBlendUrl: string, tipJarUrl: string): Promise<void> {
  // Card payments only, which the simulator answers at once: it books no notification for them, so the
  // signing secret (the app's, derived from AUTH_SECRET) is never needed here.
  const simulator = createSimulatedProcessor({
    bankTransferSeconds: 60,
    refundSeconds: 10,
    db: tx,
    notifications: { url: notificationUrl(appUrl, SIMULATOR), secret: "card payments send no notification" },
  });
  const paymentContext = { appUrl, processors: onlyConnector(simulator), orderTtlHours: 24, connectorTimeoutSeconds: 30, authorizationValidityHours: 168, sendMaxPerHour: 500 };
  const token = (url: string) => url.slice(url.lastIndexOf("/") + 1);
  const buyer = (number: string, email: string, name: string): BuyerPayment => {
    const checked = validateCard({ number, expiry: "12/34", cvc: "123" });
    if (!checked.ok) throw new Error("seed card is invalid");
    return { method: "card", email, name, card: checked.card };
  };
  const first = await payLink(tx, paymentContext, token(houseBlendUrl), buyer(TEST_CARDS.success, "maria@example.com", "Maria Keller"));
  await settleOrders(tx, paymentContext, { merchantId: first.order.merchantId, livemode: false });
  await payLink(tx, paymentContext, token(houseBlendUrl), buyer(TEST_CARDS.successMastercard, "kenji@example.com", "Kenji Sato"));
  const declined = await payLink(tx, paymentContext, token(houseBlendUrl), buyer(TEST_CARDS.declined, "lea@example.com", "Léa Martin"));
  await payOrder(tx, paymentContext, declined.order.token, buyer(TEST_CARDS.success, "lea@example.com", "Léa Martin"));
  await payLink(tx, paymentContext, token(tipJarUrl), { ...buyer(TEST_CARDS.success, "sam@example.com", "Sam Lee"), amount: 300 });
}
