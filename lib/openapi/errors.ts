import { z } from "zod";
import { ERROR_CODES, errorBody, type ErrorCode } from "@/lib/core/errors";
import { schemaRef } from "./json-schema";
import type { ErrorCodeEntry, ResponseObject } from "./types";

const ERROR_TYPES = [...new Set(Object.values(ERROR_CODES).map((e) => e.type))];

/** The error body every non-2xx API answer carries (lib/core/errors.ts `errorBody`). */
export const errorObjectSchema = z.object({
  error: z.object({
    type: z.enum(ERROR_TYPES).meta({
      description: "The broad kind of error.",
    }),
    code: z.string().meta({
      description: "Machine-readable reason; see the error codes table. New codes may be added: treat unknown ones by their status.",
      examples: ["parameter_invalid", "resource_missing"],
    }),
    message: z.string().meta({ description: "Human-readable explanation, safe to log; never a stack trace." }),
    param: z.string().nullable().meta({
      description: "The parameter the error is about (dotted for nested fields, e.g. `custom_amount.minimum`), else `null`.",
    }),
  }).meta({ description: "What went wrong." }),
});

/**
 * What each code means to a client, and whether the JSON API can answer with it (some codes are only for the
 * dashboard). A Record over every ErrorCode: a new code in lib/core/errors.ts fails the type check until it is
 * documented here.
 */
const ERROR_DOCS: Record<ErrorCode, { api: boolean; description: string; message: string; param?: string }> = {
  parameter_invalid: { api: true, description: "A parameter has a wrong type or value; `param` names it.", message: "Invalid amount: Must be greater than zero.", param: "amount" },
  parameter_missing: { api: true, description: "A required parameter is absent.", message: "Missing required parameter: item_name.", param: "item_name" },
  parameter_unknown: { api: true, description: "The request has a parameter the endpoint does not know (often a typo).", message: "Received unknown parameter: amout.", param: "amout" },
  invalid_json: { api: true, description: "The body is not valid UTF-8, not a JSON object, or larger than 256 KB.", message: "The request body is not valid JSON." },
  api_key_missing: { api: true, description: "No `Authorization: Bearer …` header.", message: "No API key provided. Send it as 'Authorization: Bearer sk_test_…'." },
  api_key_invalid: { api: true, description: "The key is malformed, unknown or revoked.", message: "Invalid API key provided." },
  signature_invalid: {
    api: true,
    description: "Only where a processor calls Paylink (/api/processors/{connector}/notifications; likewise an SMS provider's delivery reports): the signature is not the sender's, or too old.",
    message: "The notification's signature could not be verified.",
  },
  forbidden: {
    api: true,
    description: "The key's mode or business does not allow this: a test helper called with a live key, `Paylink-Merchant` with the key of a business that is not a platform, connected merchants managed by a business that is not one.",
    message: "Test helpers work only with a test-mode key (sk_test_…).",
  },
  resource_missing: {
    api: true,
    description: "No such object for this key's merchant and mode (another merchant's object looks exactly the same), an unknown URL, or a `Paylink-Merchant` that is not one of this platform's connected merchants in this mode.",
    message: "No such payment link: 'plink_0kRz1aBcD2eFgHiJ'.",
    param: "id",
  },
  idempotency_key_in_use: {
    api: true,
    description: "A request with the same `Idempotency-Key` is still being processed. Retry shortly with the same key.",
    message: "A request with this Idempotency-Key is still being processed. Retry in a moment.",
    param: "Idempotency-Key",
  },
  order_not_voidable: { api: true, description: "Only a paid order that is not yet settled and has no refund can be voided.", message: "This order can no longer be voided." },
  order_not_capturable: {
    api: true,
    description: "Only an `authorized` order (manual capture) can be captured, and only one capture at a time.",
    message: "This order is paid and cannot be captured: only an authorized order can.",
  },
  capture_exceeds_authorized_amount: {
    api: true,
    description: "The capture `amount` is larger than what was authorized (the order's `amount`).",
    message: "At most $99.99 was authorized and can be captured.",
    param: "amount",
  },
  order_not_refundable: { api: true, description: "Only a paid, settled order with a refundable amount left can be refunded.", message: "This order cannot be refunded." },
  order_not_cancelable: { api: true, description: "The order is in a state that cannot be canceled.", message: "This order cannot be canceled." },
  payment_link_inactive: { api: true, description: "The payment link is inactive, expired or has taken its maximum number of payments.", message: "This payment link is no longer available." },
  order_not_payable: { api: true, description: "The order takes no payment in its current status (paid, canceled, expired, or a payment already under way).", message: "This order is expired and takes no payment." },
  livemode_unavailable: {
    api: true,
    description: "Live mode takes no payment on this installation yet: no real payment processor is configured for it (live links can still be created and edited). Test mode works as always.",
    message: "This business is not accepting payments yet: no payment processor is set up for live mode.",
  },
  resource_conflict: { api: true, description: "The request conflicts with existing data, such as an order `reference` already used in this mode.", message: "An order with reference 'A-1001' already exists.", param: "reference" },
  resource_limit_reached: {
    api: true,
    description: "The merchant already has as many of these as a mode allows (16 webhook endpoints, 20 active API keys). Delete or revoke one first.",
    message: "This mode already has 16 webhook endpoints, the most allowed. Delete one you no longer use first.",
  },
  idempotency_key_reused: {
    api: true,
    description: "The `Idempotency-Key` was already used with a different body or path within 24 hours. Use a new key for a new request.",
    message: "This Idempotency-Key was already used with a different request. Use a new key for a new request.",
    param: "Idempotency-Key",
  },
  refund_exceeds_refundable_amount: { api: true, description: "The refund is larger than what is left to refund on the order.", message: "The refund amount exceeds the refundable amount." },
  rate_limited: { api: true, description: "Too many requests with this key. Wait the seconds in `Retry-After`.", message: "Too many requests with this API key. Slow down and retry after the time in Retry-After." },
  internal_error: { api: true, description: "Something failed on the server. The message quotes a request id; no details are exposed.", message: "Something went wrong on our side. Quote request id 3f1c… if you contact support." },
  service_unavailable: {
    api: true,
    description: "The database is unreachable (restarting, failing over). Nothing was done: send the same request again (with its `Idempotency-Key`) after the seconds in `Retry-After`.",
    message: "The service is temporarily unavailable. Retry in a few seconds (request id 3f1c…).",
  },
};

/** The codes the JSON API answers with, for the reference's errors table, in status order. */
export function apiErrorCodes(): ErrorCodeEntry[] {
  return (Object.keys(ERROR_CODES) as ErrorCode[])
    .filter((code) => ERROR_DOCS[code].api)
    .map((code) => ({ code, status: ERROR_CODES[code].status, type: ERROR_CODES[code].type, description: ERROR_DOCS[code].description }))
    .sort((a, b) => a.status - b.status);
}

const STATUS_TEXT: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
  422: "Unprocessable",
  429: "Too many requests",
  500: "Server error",
  503: "Service unavailable",
};

/** The error responses of an operation, one per status, each listing its codes with an example body. */
export function errorResponses(codes: readonly ErrorCode[]): Record<string, ResponseObject> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const status = ERROR_CODES[code].status;
    const list = byStatus.get(status) ?? [];
    if (!list.includes(code)) list.push(code);
    byStatus.set(status, list);
  }
  const responses: Record<string, ResponseObject> = {};
  for (const status of [...byStatus.keys()].sort((a, b) => a - b)) {
    const list = byStatus.get(status)!;
    responses[String(status)] = {
      description: `${STATUS_TEXT[status] ?? "Error"}: ${list.map((c) => `\`${c}\``).join(", ")}.`,
      headers: {
        "X-Request-Id": { $ref: "#/components/headers/X-Request-Id" },
        ...(status === 429 ? { "Retry-After": { $ref: "#/components/headers/Retry-After" } } : {}),
      },
      content: {
        "application/json": {
          schema: schemaRef("Error"),
          examples: Object.fromEntries(
            list.map((code) => [code, { summary: ERROR_DOCS[code].description, value: errorBody(code, ERROR_DOCS[code].message, ERROR_DOCS[code].param ?? null) }]),
          ),
        },
      },
    };
  }
  return responses;
}
