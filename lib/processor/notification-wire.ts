import { createHmac } from "node:crypto";
import { z } from "zod";
import { NOTIFICATION_OUTCOMES } from "@/lib/core/statuses";

// What travels on /api/processors/{connector}/notifications, as the built-in simulator sends it and the route
// answers it: the signed JSON body, its signature header, and the receipt. Pure (no database), so the
// simulator, the route and the OpenAPI document read the same definitions:
//
//   POST /api/processors/simulator/notifications
//   Simulator-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">
//   {"id":"evt_sim_…","type":"payment.succeeded","created":<unix>,"data":{"payment":"pay_…","reference":"sim_…"}}
//
// The same notification always has the same id, so the receiver can tell a retry from a new one.

export const SIGNATURE_HEADER = "simulator-signature";

/** How far a signature's timestamp may be from our clock: older ones are replays. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export const NOTIFICATION_TYPES = ["payment.succeeded", "payment.failed", "refund.succeeded", "refund.failed"] as const;

/** The body, read leniently: a processor may add fields, and only these are used. */
export const simulatorNotificationSchema = z
  .object({
    id: z.string().min(1).max(200).meta({ description: "The notification's own id: the same on every retry of one notification, so a repeat is applied once." }),
    type: z.enum(NOTIFICATION_TYPES).meta({ description: "What happened: a payment attempt or a refund succeeded or failed." }),
    created: z.number().int().meta({ description: "When it happened, in unix seconds." }),
    data: z
      .object({
        payment: z.string().max(200).optional().meta({ description: "For `payment.*`: our payment id (`pay_…`), the idempotency key the authorization was sent with." }),
        refund: z.string().max(200).optional().meta({ description: "For `refund.*`: our refund id (`re_…`), the key the refund was sent with." }),
        reference: z.string().max(200).meta({ description: "The processor's own reference of the payment or refund." }),
        code: z.string().max(100).optional().meta({ description: "For `payment.failed`: why, as a machine-readable code (default `payment_failed`)." }),
        message: z.string().max(500).optional().meta({ description: "For `*.failed`: why, in words." }),
      })
      .meta({ description: "Whose outcome it is." }),
  })
  .meta({ description: "A processor's notification of an asynchronous outcome, as the built-in simulator sends it." });

export type NotificationBody = z.infer<typeof simulatorNotificationSchema>;

/** What the route answers a verified notification: a 2xx tells the processor to stop sending it. */
export const notificationReceiptSchema = z.object({
  received: z.literal(true).meta({ description: "Always `true`: the notification was verified and recorded." }),
  outcome: z.enum(NOTIFICATION_OUTCOMES).meta({
    description:
      "`applied`: it changed a payment or refund. `ignored`: it named nothing it could still change (unknown, another processor's, or already ended). `duplicate`: this notification id was received before.",
  }),
});

export type NotificationReceipt = z.output<typeof notificationReceiptSchema>;

export function signNotification(secret: string, body: string, at: Date = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`;
}
