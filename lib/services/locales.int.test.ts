import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { events, orders, paymentLinks } from "@/db/schema";
import { openTestDatabase } from "@/test/db";
import { cardBuyer, newMerchantScope, simulatorContext } from "@/test/payments";
import { createOrder } from "./create-order";
import { createPaymentLink } from "./create-payment-link";
import { payLink } from "./pay-link";
import { payOrder } from "./pay-order";
import { updatePaymentLink } from "./update-payment-link";

// A link's and an order's `locale` (API.md, "Languages"), and the language a buyer paid in, recorded on the
// order so what is sent after (the receipt) speaks it — against a real PostgreSQL.

const { db } = await openTestDatabase();
const paymentContext = simulatorContext(db);
const appUrl = "https://pay.example.com";

async function context() {
  return { ...(await newMerchantScope(db)), ...paymentContext, appUrl };
}

const LINK = { item_name: "Tea", amount: 1500, currency: "JPY", default_country: "JP" } as const;

describe("locale on links and orders", () => {
  test("auto by default; a locale when given; updated with its event", async () => {
    const ctx = await context();
    expect((await createPaymentLink(db, ctx, LINK)).locale).toBe("auto");
    const link = await createPaymentLink(db, ctx, { ...LINK, locale: "ja" });
    expect(link.locale).toBe("ja");
    const updated = await updatePaymentLink(db, ctx, link.id, { locale: "zh-CN" });
    expect(updated.locale).toBe("zh-CN");
    const [row] = await db.select().from(paymentLinks).where(eq(paymentLinks.id, link.id));
    expect(row!.locale).toBe("zh-CN");
    const updates = await db.select().from(events).where(and(eq(events.objectId, link.id), eq(events.type, "payment_link.updated")));
    expect(updates.map((e) => (e.data.object as { locale: string }).locale)).toEqual(["zh-CN"]);

    const order = await createOrder(db, ctx, { amount: 990, currency: "USD", item_name: "Book", locale: "ar" });
    expect(order.locale).toBe("ar");
    expect((await createOrder(db, ctx, { amount: 990, currency: "USD", item_name: "Book" })).locale).toBe("auto");
  });

  // The API answers these 400 parameter_invalid, param "locale" (the zod issue's path; test/http has the wire).
  test.each(["jp", "pt", "zh", "EN", "en-US", "", 7, null])("%j is refused on locale, and nothing is written", async (locale) => {
    const ctx = await context();
    const refused = { issues: [expect.objectContaining({ path: ["locale"] })] };
    await expect(createPaymentLink(db, ctx, { ...LINK, locale } as never)).rejects.toMatchObject(refused);
    await expect(createOrder(db, ctx, { amount: 990, currency: "USD", item_name: "Book", locale } as never)).rejects.toMatchObject(refused);
    expect(await db.$count(paymentLinks, eq(paymentLinks.merchantId, ctx.merchantId))).toBe(0);
    expect(await db.$count(orders, eq(orders.merchantId, ctx.merchantId))).toBe(0);
  });

  test("a link's order carries the link's setting and the language its buyer paid in", async () => {
    const ctx = await context();
    const link = await createPaymentLink(db, ctx, { ...LINK, locale: "auto" });
    const [row] = await db.select().from(paymentLinks).where(eq(paymentLinks.id, link.id));
    const paid = await payLink(db, paymentContext, row!.token, { ...cardBuyer(), locale: "th" });
    expect(paid.kind).toBe("paid");
    const [order] = await db.select().from(orders).where(eq(orders.id, paid.order.id));
    expect({ locale: order!.locale, buyerLocale: order!.buyerLocale }).toEqual({ locale: "auto", buyerLocale: "th" });
  });

  test("an order's buyer who paid in another language than the setting: the buyer's is recorded, the setting kept", async () => {
    const ctx = await context();
    const created = await createOrder(db, ctx, { amount: 990, currency: "USD", item_name: "Book", locale: "de" });
    const [row] = await db.select().from(orders).where(eq(orders.id, created.id));
    // Declined first (no language recorded by an older attempt is lost), then paid in Swedish.
    expect((await payOrder(db, paymentContext, row!.token, { ...cardBuyer("4000000000000002"), locale: "sv" })).kind).toBe("declined");
    expect((await payOrder(db, paymentContext, row!.token, { ...cardBuyer(), locale: null })).kind).toBe("paid");
    const [after] = await db.select().from(orders).where(eq(orders.id, created.id));
    expect({ locale: after!.locale, buyerLocale: after!.buyerLocale }).toEqual({ locale: "de", buyerLocale: "sv" });
  });
});
