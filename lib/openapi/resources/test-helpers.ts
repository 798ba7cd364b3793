import type { z } from "zod";
import { settleResultSchema } from "@/lib/orders/object-schema";
import { NO_PARAMETERS } from "../operations";
import type { ResourceSpec } from "../resource";

// Test-mode shortcuts (app/api/v1/test_helpers/**).

export function testHelpersResource(): ResourceSpec {
  return {
    tag: {
      name: "Test helpers",
      description:
        "Shortcuts for trying the API in test mode. They answer 403 `forbidden` to a live key (`sk_live_…`).",
    },
    schemas: {
      SettleResult: { schema: settleResultSchema, io: "output", description: "What the settle helper did." },
    },
    operations: [
      {
        method: "post",
        path: "/api/v1/test_helpers/settle",
        operationId: "settleTestOrders",
        summary: "Settle test orders now",
        description:
          "Settles every paid, unsettled test-mode order of the merchant at once, as the settlement job does on its schedule: they can then be refunded, no longer voided. Records an `order.settled` event for each. Test mode only; takes no body.",
        query: NO_PARAMETERS,
        response: { status: 200, description: "How many orders were settled.", schema: "SettleResult", example: { settled: 3 } satisfies z.output<typeof settleResultSchema> },
        errors: ["forbidden"],
      },
    ],
  };
}
