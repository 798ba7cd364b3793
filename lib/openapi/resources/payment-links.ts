import { ACTING_CALLBACK_NOTE, METHOD_CURRENCY_NOTE } from "./orders";
import type { PaymentLinkRow } from "@/db/schema";
import { paymentLinkObjectSchema } from "@/lib/links/object-schema";
import { createPaymentLinkSchema, listPaymentLinksSchema, updatePaymentLinkSchema, type CreatePaymentLinkInput, type UpdatePaymentLinkInput } from "@/lib/links/schemas";
import { toPaymentLinkObject } from "@/lib/links/serialize";
import { listComponent, listOperation, objectOperation } from "../operations";
import { funnelObjectSchema } from "@/lib/links/schemas";
import type { DocumentContext, ResourceSpec } from "../resource";

const FUNNEL_EXAMPLE = {
  object: "funnel",
  payment_link: "plink_0kS1e7GhJ8kLmN9pQrStUvWxY",
  sources: [
    { source: "qr", visit_count: 40, started_count: 12, pay_count: 9, success_amount: 89991 },
    { source: "email", visit_count: 15, started_count: 7, pay_count: 6, success_amount: 59994 },
    { source: null, visit_count: 9, started_count: 2, pay_count: 1, success_amount: 9999 },
  ],
};

const PATH = "/api/v1/payment_links";

// A realistic link as a database row, serialized by the same code the API answers with (toPaymentLinkObject);
// the object-schema tests check that code on it.
export const EXAMPLE_LINK_ROW: PaymentLinkRow = {
  id: "plink_0kRz1aBcD2eFgHiJkLmNoPqRs",
  merchantId: "mch_0kQw8ZyX7wVuTsRqPoNmLkJiH",
  livemode: false,
  token: "Q7wX3mN9pL2kJ8hG5fD4sA1zY6tR0eVu",
  active: true,
  name: "Membership Renewal",
  itemName: "Membership",
  description: "Annual membership renewal",
  amount: 9999,
  currency: "USD",
  customAmountMinimum: null,
  customAmountMaximum: null,
  customAmountPreset: null,
  defaultCountry: "US",
  collectEmail: true,
  collectName: true,
  paymentMethods: ["card", "alipay", "wechat_pay"],
  captureMethod: "automatic",
  expiresAt: null,
  maxPayments: null,
  afterCompletionType: "message",
  afterCompletionMessage: "Thank you! Your membership is renewed.",
  afterCompletionUrl: null,
  statusCallbackUrl: null,
  metadata: { plan: "gold" },
  locale: "auto",
  applicationFeeAmount: null,
  onerwayId: 100,
  visitCount: 20,
  payCount: 5,
  successAmount: 49995,
  createdAt: new Date("2026-05-25T10:00:00.000Z"),
  updatedAt: new Date("2026-05-25T10:00:00.000Z"),
};

export const CREATE_EXAMPLE = {
  name: "Membership Renewal",
  item_name: "Membership",
  description: "Annual membership renewal",
  amount: 9999,
  currency: "USD",
  default_country: "US",
  payment_methods: ["card", "alipay", "wechat_pay"],
  after_completion: { type: "message", message: "Thank you! Your membership is renewed." },
  locale: "auto",
  metadata: { plan: "gold" },
} satisfies CreatePaymentLinkInput;

export const UPDATE_EXAMPLE = { active: false, metadata: { plan: "platinum" } } satisfies UpdatePaymentLinkInput;

export function paymentLinksResource({ serverUrl }: DocumentContext): ResourceSpec {
  const link = toPaymentLinkObject(EXAMPLE_LINK_ROW, serverUrl);
  const updated = toPaymentLinkObject(
    { ...EXAMPLE_LINK_ROW, active: false, metadata: { plan: "platinum" }, updatedAt: new Date("2026-05-26T08:30:00.000Z") },
    serverUrl,
  );
  const id = { description: "The payment link's id (`plink_…`).", example: EXAMPLE_LINK_ROW.id };

  return {
    tag: {
      name: "Payment links",
      "x-object-schema": "PaymentLink",
      description:
        "A reusable, shareable link to a hosted checkout page. Each buyer who pays through it creates an order. A link has either a fixed `amount` or a `custom_amount` range the buyer chooses from; it stops taking payments when disabled, after `expires_at`, or after `max_payments` paid orders.",
    },
    schemas: {
      Funnel: { schema: funnelObjectSchema, io: "output", description: "A payment link's visits, started checkouts and paid orders by source." },
      PaymentLink: { schema: paymentLinkObjectSchema, io: "output", description: "A payment link." },
      PaymentLinkList: listComponent(paymentLinkObjectSchema, PATH, "A page of payment links."),
      CreatePaymentLinkRequest: {
        schema: createPaymentLinkSchema,
        io: "input",
        description: "Set exactly one of `amount` (a fixed price) and `custom_amount` (the buyer chooses).",
        describeFrom: "PaymentLink",
        notes: {
          name: "Defaults to `item_name`.",
          amount: "Required unless `custom_amount` is set.",
          currency: "Defaults to the merchant's default currency.",
          custom_amount: "Required unless `amount` is set; `minimum` ≤ `preset` ≤ `maximum`.",
          collect_email: "Defaults to `true`.",
          collect_name: "Defaults to `true`.",
          payment_methods: 'Defaults to `["card"]`. ' + METHOD_CURRENCY_NOTE,
          after_completion: 'Defaults to a thank-you message.',
          expires_at: "Any offset is accepted; stored in UTC.",
          application_fee_amount: "Platforms only: send it with the platform's key and `Paylink-Merchant: mch_…`. `0` or `null` is no fee. Above `amount`, or with `custom_amount` but no `minimum` at or above it: 400 `parameter_invalid`.",
          status_callback_url: ACTING_CALLBACK_NOTE,
        },
      },
      UpdatePaymentLinkRequest: {
        schema: updatePaymentLinkSchema,
        io: "input",
        description: "Only the fields you send change. The rest (price, currency, item name, country, what checkout collects) is fixed: create a new link to change it.",
        describeFrom: "PaymentLink",
        notes: {
          active: "Set `false` to stop taking payments, `true` to resume.",
          metadata: 'Merged into the existing metadata; a key set to `""` is removed.',
          application_fee_amount: "Platforms only (the platform's key with `Paylink-Merchant`): a new fee, or `null` (or `0`) to remove it. Orders paid from then on carry it; orders already made keep theirs.",
          status_callback_url: ACTING_CALLBACK_NOTE,
        },
      },
    },
    operations: [
      {
        method: "post",
        path: PATH,
        operationId: "createPaymentLink",
        summary: "Create a payment link",
        description: "Creates a link and answers it with its shareable checkout `url`. Also records a `payment_link.created` event.",
        body: { schema: "CreatePaymentLinkRequest", example: CREATE_EXAMPLE },
        response: { status: 201, description: "The new payment link.", schema: "PaymentLink", example: link },
      },
      listOperation({
        path: PATH,
        operationId: "listPaymentLinks",
        summary: "List payment links",
        description: "The links of this key's merchant and mode, newest first, optionally filtered.",
        query: listPaymentLinksSchema,
        noun: { one: "link", many: "links" },
        filters: {
          active: "Only active (`true`) or inactive (`false`) links.",
          q: "Case-insensitive match on id, name or item name.",
          created_gte: "Only links created at or after this time (ISO 8601).",
          created_lte: "Only links created at or before this time (ISO 8601).",
        },
        response: { description: "A page of payment links.", schema: "PaymentLinkList", example: link },
      }),
      objectOperation({
        path: `${PATH}/{id}`,
        operationId: "retrievePaymentLink",
        summary: "Retrieve a payment link",
        description: "One link, with its current `stats`. Another merchant's link is answered exactly like an unknown id: 404.",
        id,
        response: { description: "The payment link.", schema: "PaymentLink", example: link },
      }),
      objectOperation({
        method: "patch",
        path: `${PATH}/{id}`,
        operationId: "updatePaymentLink",
        summary: "Update a payment link",
        description:
          "Changes the fields sent, including `active` to disable or re-enable the link. Records a `payment_link.updated` event when something changed. A disabled, expired or exhausted link shows buyers a \"no longer available\" page.",
        id,
        body: { schema: "UpdatePaymentLinkRequest", example: UPDATE_EXAMPLE },
        response: { description: "The updated payment link.", schema: "PaymentLink", example: updated },
      }),
      objectOperation({
        path: `${PATH}/{id}/funnel`,
        operationId: "retrievePaymentLinkFunnel",
        summary: "Where a link's buyers come from",
        description:
          "The link's visits, started checkouts and paid orders by source: the `src` query parameter of the checkout URL the buyer opened (`?src=newsletter`; Paylink's own QR codes, emails, SMS and PDFs add `qr`, `email`, `sms` and `pdf`). A buyer keeps the source of the page they paid from, also when they retry on the order's own page. The sums over sources equal the link's `stats`.",
        id,
        response: { description: "The link's funnel.", schema: "Funnel", example: FUNNEL_EXAMPLE },
      }),
    ],
  };
}
