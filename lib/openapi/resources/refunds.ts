import { refundObjectSchema } from "@/lib/orders/object-schema";
import { createRefundSchema, listRefundsSchema } from "@/lib/orders/schemas";
import { toRefundObject } from "@/lib/orders/serialize";
import { listComponent, listOperation, objectOperation } from "../operations";
import type { ResourceSpec } from "../resource";
import { CREATE_REFUND_EXAMPLE, OPEN_ORDER, ORDER_ID_PARAM, PENDING_REFUND } from "./order-examples";

// Refunds of an order (app/api/v1/orders/[id]/refunds, app/api/v1/refunds/[id]).

const REFUNDS_PATH = "/api/v1/orders/{id}/refunds";

export function refundsResource(): ResourceSpec {
  const pending = toRefundObject(PENDING_REFUND);
  const succeeded = toRefundObject({ ...PENDING_REFUND, status: "succeeded", updatedAt: new Date("2026-05-27T09:00:10.000Z") });
  const listUrl = `/api/v1/orders/${OPEN_ORDER.id}/refunds`;
  return {
    tag: {
      name: "Refunds",
      "x-object-schema": "Refund",
      description:
        "Money returned on a settled order, in part or in full. A refund is `pending` first and settles asynchronously; the order's `amount_refunded` and status follow as refunds succeed. Refunds never add up to more than was paid, also under concurrent requests.",
    },
    schemas: {
      Refund: { schema: refundObjectSchema, io: "output", description: "A refund." },
      RefundList: listComponent(refundObjectSchema, listUrl, "A page of an order's refunds."),
      CreateRefundRequest: {
        schema: createRefundSchema,
        io: "input",
        description: "Both fields are optional: an empty body refunds everything still refundable.",
        describeFrom: "Refund",
        notes: { amount: "Defaults to the order's whole `refundable_amount`; never more than it." },
      },
    },
    operations: [
      objectOperation({
        method: "post",
        path: REFUNDS_PATH,
        operationId: "createRefund",
        summary: "Refund an order",
        description:
          "Refunds part or all of a paid, settled order (while `allowed_refund` is true; before settlement, void instead). The refund is `pending` and settles asynchronously. Records a `refund.created` event, then `refund.succeeded` (with `order.refunded`) or `refund.failed`.",
        id: ORDER_ID_PARAM,
        body: { schema: "CreateRefundRequest", example: CREATE_REFUND_EXAMPLE },
        response: { status: 201, description: "The new refund, `pending`.", schema: "Refund", example: pending },
        errors: ["order_not_refundable", "refund_exceeds_refundable_amount"],
      }),
      listOperation({
        path: REFUNDS_PATH,
        operationId: "listRefunds",
        summary: "List an order's refunds",
        description: "The refunds of one order, newest first.",
        pathParams: { id: ORDER_ID_PARAM },
        query: listRefundsSchema,
        noun: { one: "refund", many: "refunds" },
        response: { description: "A page of the order's refunds.", schema: "RefundList", example: succeeded, url: listUrl },
      }),
      objectOperation({
        path: "/api/v1/refunds/{id}",
        operationId: "retrieveRefund",
        summary: "Retrieve a refund",
        description: "One refund; poll it (or listen for `refund.succeeded` / `refund.failed`) to learn how a pending refund ended.",
        id: { description: "The refund's id (`re_…`).", example: PENDING_REFUND.id },
        response: { description: "The refund.", schema: "Refund", example: succeeded },
      }),
    ],
  };
}
