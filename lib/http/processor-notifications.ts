import type { Db } from "@/db/client";
import { AppError } from "@/lib/core/errors";
import type { Logger } from "@/lib/logger";
import type { NotificationReceipt } from "@/lib/processor/notification-wire";
import { applyProcessorNotification } from "@/lib/services/apply-processor-notification";
import type { PaymentContext } from "@/lib/services/payment-context";
import { readBytes } from "./api";
import { decodeUtf8 } from "./request-text";

/**
 * A processor's notification, as POSTed to /api/processors/{connector}/notifications: the connector verifies
 * the signature over the raw body, and the notification is applied once however often it is sent. A 2xx
 * tells the processor to stop sending; anything else and it sends again later. The route and the tests'
 * local receiver both answer through this.
 */
export async function receiveProcessorNotification(
  request: Request,
  connectorName: string,
  deps: { db: Db; paymentContext: PaymentContext; log: Logger },
): Promise<Response> {
  const connector = deps.paymentContext.processors.find(connectorName);
  if (!connector) throw new AppError("resource_missing", "No such payment processor.");
  const body = decodeUtf8(await readBytes(request)) ?? "";
  const notification = connector.verifyNotification(request.headers, body);
  if (!notification) {
    deps.log.warn({ processor: connector.name }, "processor notification refused: signature not verified");
    throw new AppError("signature_invalid", "The notification's signature could not be verified.");
  }
  const outcome = await applyProcessorNotification(deps.db, deps.paymentContext, connector.name, notification);
  deps.log.info({ processor: connector.name, notification: notification.id, type: notification.type, outcome }, "processor notification");
  return Response.json({ received: true, outcome } satisfies NotificationReceipt, { headers: { "cache-control": "no-store" } });
}
