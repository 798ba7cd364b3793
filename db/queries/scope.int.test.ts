import { describe, expect, test } from "vitest";
import { openPrivateTestDatabase } from "@/test/db";
import { cardBuyer, newMerchantScope, simulatorContext } from "@/test/payments";
import type { MerchantScope } from "@/lib/core/scope";
import { createApiKey } from "@/lib/services/create-api-key";
import { createPaymentLink } from "@/lib/services/create-payment-link";
import { payLink } from "@/lib/services/pay-link";
import { refundOrder } from "@/lib/services/refund-order";
import { settleOrders } from "@/lib/services/settle-orders";
import { createWebhookEndpoint } from "@/lib/services/create-webhook-endpoint";
import { countActiveApiKeys, listApiKeys, revokeActiveApiKey } from "./api-keys";
import {
  countProcessingOrdersForLink,
  displayPayment,
  displayPayments,
  findPayment,
  findOrder,
  findRefund,
  latestPaymentWithStatus,
  listOrders,
  listPaymentsForOrder,
  listRefundsForOrder,
  lockOrder,
} from "./orders";
import { findPaymentLink, listPaymentLinks, lockPaymentLink } from "./payment-links";
import { countWebhookEndpoints, findEvent, findWebhookEndpoint, listEvents, listEventsAbout, listSubscribedEndpoints, listWebhookEndpoints } from "./webhooks";

// Every query of merchant data, asked with the owner's scope and then with another merchant's and with the
// owner's other mode: the owner sees its rows, the others see nothing. A query that forgot whereScope fails here.

const database = await openPrivateTestDatabase("paylink_scope");
const db = database.db;
const paymentContext = simulatorContext(db);

async function merchantWithEverything() {
  const scope = await newMerchantScope(db);
  const ctx = { ...scope, ...paymentContext };
  const created = await createPaymentLink(db, ctx, { item_name: "Tea", amount: 1200, currency: "USD", default_country: "US", max_payments: 5 });
  const link = (await findPaymentLink(db, scope, created.id))!;
  const paid = await payLink(db, paymentContext, link.token, cardBuyer());
  const pending = await payLink(db, paymentContext, link.token, cardBuyer("4000000000003220")); // 3-D Secure: stays processing
  await settleOrders(db, paymentContext, scope); // a paid order is refunded once settled (before, it is voided)
  const refund = await refundOrder(db, ctx, paid.order.id, { amount: 200 });
  const key = await createApiKey(db, scope);
  const endpoint = await createWebhookEndpoint(db, { ...scope, allowPrivate: true }, { url: "http://localhost:9/hook", events: ["*"] });
  const { data: events } = await listEvents(db, scope, { limit: 100 });
  return { scope, link, paid: paid.order, paymentId: paid.payment.id, pending: pending.order, refund, key, endpoint, event: events[0]! };
}

/** What each query answers for a scope: empty or null for a scope that does not own the data. */
async function readAll(scope: MerchantScope, data: Awaited<ReturnType<typeof merchantWithEverything>>) {
  const paidRef = { id: data.paid.id, paymentId: null };
  return {
    findOrder: await findOrder(db, scope, data.paid.id),
    lockOrder: await db.transaction((tx) => lockOrder(tx, { id: data.paid.id, scope })),
    displayPayment: await displayPayment(db, scope, paidRef),
    findPayment: await findPayment(db, scope, data.paymentId),
    displayPayments: (await displayPayments(db, scope, [paidRef])).size,
    listPaymentsForOrder: (await listPaymentsForOrder(db, scope, data.paid.id)).length,
    latestPaymentWithStatus: await latestPaymentWithStatus(db, scope, data.pending.id, "requires_action"),
    countProcessingOrdersForLink: await countProcessingOrdersForLink(db, scope, data.link.id),
    listOrders: (await listOrders(db, scope, { limit: 10 })).rows.length,
    findRefund: await findRefund(db, scope, data.refund.id),
    listRefundsForOrder: (await listRefundsForOrder(db, scope, data.paid.id, { limit: 10 })).rows.length,
    findPaymentLink: await findPaymentLink(db, scope, data.link.id),
    lockPaymentLink: await db.transaction((tx) => lockPaymentLink(tx, { id: data.link.id, scope })),
    listPaymentLinks: (await listPaymentLinks(db, scope, { limit: 10 })).rows.length,
    listApiKeys: (await listApiKeys(db, scope)).length,
    countActiveApiKeys: await countActiveApiKeys(db, scope),
    findEvent: await findEvent(db, scope, data.event.id),
    listEvents: (await listEvents(db, scope, { limit: 10 })).data.length,
    listEventsAbout: (await listEventsAbout(db, scope, [data.paid.id])).length,
    findWebhookEndpoint: await findWebhookEndpoint(db, scope, data.endpoint.id),
    listWebhookEndpoints: (await listWebhookEndpoints(db, scope, { limit: 10 })).data.length,
    countWebhookEndpoints: await countWebhookEndpoints(db, scope),
    listSubscribedEndpoints: (await listSubscribedEndpoints(db, scope, "order.paid")).length,
  };
}

describe("every merchant query is scoped by merchant and mode", () => {
  test("the owner's scope sees its data; another merchant and the other mode see none of it", async () => {
    const owner = await merchantWithEverything();
    // A merchant with nothing of its own: a list that forgot the scope would show the owner's rows to it.
    const other = { scope: await newMerchantScope(db) };

    const own = await readAll(owner.scope, owner);
    for (const [query, answer] of Object.entries(own)) {
      expect.soft(answer === null || answer === 0, `${query} finds the owner's data`).toBe(false);
    }

    for (const scope of [other.scope, { ...owner.scope, livemode: true }]) {
      const foreign = await readAll(scope, owner);
      for (const [query, answer] of Object.entries(foreign)) {
        expect.soft(answer, `${query} with ${scope === other.scope ? "another merchant" : "the other mode"}`).toSatisfy((a) => a === null || a === 0);
      }
    }
  });

  test("another merchant cannot revoke the owner's key", async () => {
    const owner = await merchantWithEverything();
    const other = await merchantWithEverything();
    expect(await revokeActiveApiKey(db, other.scope, owner.key.id)).toBeNull();
    expect(await revokeActiveApiKey(db, { ...owner.scope, livemode: true }, owner.key.id)).toBeNull();
    expect(await revokeActiveApiKey(db, owner.scope, owner.key.id)).toMatchObject({ id: owner.key.id });
  });
});
