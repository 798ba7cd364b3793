import { z } from "zod";
import { defineJob, type JobDefinition } from "./job";

// Every background job: its queue's name, the schema of its payload (checked when it is queued and again when
// it is worked, see job.ts), and how its queue retries and expires (applied by migrateQueue).
//
// A job whose worker died comes back after its expiry plus a maintenance pass (every 10 s, see worker.ts):
// expiries stay short (deliveries: above the longest HTTP timeout, WEBHOOK_TIMEOUT_SECONDS ≤ 30), so a
// killed worker's deliveries are retried within about a minute. HTTP failures follow our own schedule
// (lib/webhooks/retry.ts), queued as new jobs.

const id = z.string().min(1);

/** The payload of the scheduled jobs, which carry none. */
export const noPayload = z.strictObject({});
export type ScheduledJob = JobDefinition<string, typeof noPayload>;

export const JOBS = {
  /** An event was committed: find who must hear about it and queue one delivery each. */
  fanout: defineJob("event-fanout", z.strictObject({ eventId: id }), { retryLimit: 10, retryDelay: 1, retryBackoff: true, expireInSeconds: 30 }),
  /**
   * One HTTP delivery attempt of one message. `attempt` is the attempt it was queued for (see deliverMessage);
   * jobs queued before it existed have none.
   */
  deliver: defineJob("webhook-deliver", z.strictObject({ messageId: id, attempt: z.number().int().positive().optional() }), {
    retryLimit: 10,
    retryDelay: 1,
    retryBackoff: true,
    expireInSeconds: 45,
  }),
  /**
   * Tell the processor of a void already recorded (the payment's `processorVoidedAt` is set once it
   * acknowledges). Queued in the void's own transaction, so a crash after the commit still sends it; a
   * processor that fails is asked again (connectors treat a repeated void as one).
   */
  processorVoid: defineJob("processor-void", z.strictObject({ paymentId: id, merchantId: id, livemode: z.boolean() }), {
    retryLimit: 20,
    retryDelay: 5,
    retryBackoff: true,
    expireInSeconds: 60,
  }),
  /**
   * One sending attempt of an email or SMS (lib/services/send-message.ts). A transport failure queues the
   * next attempt as a new job on MESSAGE_RETRY_SCHEDULE_SECONDS; pg-boss's own retries only cover a worker
   * that died or a database that was away. Expiry above the SMTP and Twilio timeouts (≤ 40 s in all).
   */
  messageSend: defineJob("message-send", z.strictObject({ messageId: id, attempt: z.number().int().positive() }), {
    retryLimit: 10,
    retryDelay: 2,
    retryBackoff: true,
    expireInSeconds: 60,
  }),
  // Scheduled jobs keep at most one queued and one running: every worker may schedule the next run, only one
  // is kept. Short expiries, because a dead worker's running sweep blocks the next one until it expires.
  /** Expiry, stalled buyer steps, unanswered authorizations and captures, refund submission: every few seconds. */
  paymentsSweep: defineJob("payments-sweep", noPayload, { policy: "stately", retryLimit: 0, expireInSeconds: 30 }),
  /**
   * What processors running in this process do on their side (the simulator sending its due notifications),
   * every few seconds: a queue of its own, so a slow sweep never holds up a bank's confirmation.
   */
  processorWork: defineJob("processor-work", noPayload, { policy: "stately", retryLimit: 0, expireInSeconds: 30 }),
  /** Settlement of paid orders: daily by default. */
  settlement: defineJob("settlement", noPayload, { policy: "stately", retryLimit: 3, expireInSeconds: 600 }),
  /** Expired idempotency keys and rate-limit counters. */
  maintenance: defineJob("maintenance", noPayload, { policy: "stately", retryLimit: 0, expireInSeconds: 120 }),
} as const;

export type QueueName = (typeof JOBS)[keyof typeof JOBS]["name"];
