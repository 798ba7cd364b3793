import {
  notificationReceiptSchema,
  SIGNATURE_HEADER,
  SIGNATURE_TOLERANCE_SECONDS,
  signNotification,
  simulatorNotificationSchema,
  type NotificationBody,
  type NotificationReceipt,
} from "@/lib/processor/notification-wire";
import type { ResourceSpec } from "../resource";
import { SETTLED_PAYMENT } from "./order-examples";

// The inbound route of payment processors (app/api/processors/[connector]/notifications): not for merchants,
// but documented with the API so that a connector's author (and a reader of the simulator's traffic) has the
// wire format in one place.

export const NOTIFICATION_EXAMPLE = {
  id: `evt_sim_pay_${SETTLED_PAYMENT.id}`,
  type: "payment.succeeded",
  created: 1_779_703_200,
  data: { payment: SETTLED_PAYMENT.id, reference: SETTLED_PAYMENT.processorReference! },
} satisfies NotificationBody;

/**
 * A signature of the example as the simulator makes one, with a made-up secret (the real one is derived from
 * AUTH_SECRET and never leaves the app): fixed, so the document is the same on every build.
 */
export const SIGNATURE_EXAMPLE = signNotification("example secret, not the app's", JSON.stringify(NOTIFICATION_EXAMPLE), new Date(NOTIFICATION_EXAMPLE.created * 1000));

/** `simulator-signature` as people write it: `Simulator-Signature`. */
const headerName = SIGNATURE_HEADER.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase());

export function processorNotificationsResource(): ResourceSpec {
  return {
    tag: {
      name: "Processor notifications",
      description:
        "Where payment processors tell Paylink what happened after the fact: a bank transfer arrived, a QR payment or SEPA debit was confirmed or failed, a refund settled. Not for merchants: no API key is taken, and the caller proves it is the processor with its signature. The built-in simulator sends through this same route, so the path a real processor will use is exercised every day.",
    },
    schemas: {
      ProcessorNotification: { schema: simulatorNotificationSchema, io: "input" },
      ProcessorNotificationReceipt: { schema: notificationReceiptSchema, io: "output", description: "The answer to a verified notification." },
    },
    operations: [
      {
        method: "post",
        path: "/api/processors/{connector}/notifications",
        operationId: "receiveProcessorNotification",
        summary: "Receive a processor's notification",
        description: `A processor POSTs one notification (its body as below, for the built-in \`simulator\`) and keeps sending it, with backoff, until it is answered with a 2xx. The signature is checked over the raw body first; a notification is applied once, in the same transaction as the change it causes, so a retry or two copies at once change nothing more (\`duplicate\`). A notification applies only to a payment or refund that this processor handled. A wrong signature, or one more than ${SIGNATURE_TOLERANCE_SECONDS} seconds from the server's clock, is 401 \`signature_invalid\` and changes nothing; a connector that is not configured is 404 \`resource_missing\`.`,
        pathParams: { connector: { description: "The connector's name, as a payment records it in `payment.processor`.", example: "simulator" } },
        signedBy: {
          header: headerName,
          description: `\`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">\`, keyed with the secret the processor and this Paylink share (the simulator's is derived from AUTH_SECRET). Refused when \`t\` is more than ${SIGNATURE_TOLERANCE_SECONDS} seconds from the server's clock.`,
          example: SIGNATURE_EXAMPLE,
        },
        body: { schema: "ProcessorNotification", example: NOTIFICATION_EXAMPLE },
        response: {
          status: 200,
          description: "Verified and recorded: the processor stops sending it.",
          schema: "ProcessorNotificationReceipt",
          example: { received: true, outcome: "applied" } satisfies NotificationReceipt,
        },
      },
    ],
  };
}
