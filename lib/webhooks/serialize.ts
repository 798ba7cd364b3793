import type { EventRow, WebhookAttemptRow, WebhookEndpointRow, WebhookMessageRow } from "@/db/schema";

/** The endpoint as the API shows it; `secret` only in the answers to create and rotate_secret. */
export function toWebhookEndpointObject(row: WebhookEndpointRow, options: { secret?: boolean } = {}) {
  return {
    id: row.id,
    object: "webhook_endpoint" as const,
    livemode: row.livemode,
    url: row.url,
    events: row.events,
    description: row.description,
    enabled: row.enabled,
    connect: row.connect,
    disabled_reason: row.disabledReason,
    failing_since: row.failingSince?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    ...(options.secret ? { secret: row.secret } : {}),
  };
}
export type WebhookEndpointObject = ReturnType<typeof toWebhookEndpointObject>;

export function toEventObject(row: EventRow) {
  return {
    id: row.id,
    object: "event" as const,
    type: row.type,
    livemode: row.livemode,
    merchant: row.merchantId,
    created_at: row.createdAt.toISOString(),
    data: row.data,
  };
}
export type EventObject = ReturnType<typeof toEventObject>;

export function toMessageObject(row: WebhookMessageRow, attempts: WebhookAttemptRow[]) {
  return {
    id: row.id,
    object: "webhook_message" as const,
    event: row.eventId,
    webhook_endpoint: row.endpointId,
    callback_url: row.callbackUrl,
    origin: row.origin,
    status: row.status,
    attempt_count: row.attemptCount,
    next_attempt_at: row.nextAttemptAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    attempts: attempts.map((a) => ({
      attempt: a.attemptNumber,
      attempted_at: a.attemptedAt.toISOString(),
      status_code: a.statusCode,
      latency_ms: a.latencyMs,
      succeeded: a.succeeded,
      response_body: a.responseBody,
      error: a.error,
    })),
  };
}
export type MessageObject = ReturnType<typeof toMessageObject>;
