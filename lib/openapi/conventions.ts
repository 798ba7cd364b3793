import type { Convention } from "./types";

// The contract's conventions (shared/spec/API.md), as the document and the reference page state them. They
// hold for every resource, so adding one needs no change here.

export function conventions(serverUrl: string): Convention[] {
  const base = serverUrl.replace(/\/+$/, "");
  return [
    {
      id: "authentication",
      title: "Authentication",
      paragraphs: [
        "Send your secret API key as a bearer token: `Authorization: Bearer sk_test_…`. Keys look like `sk_test_<random>` or `sk_live_<random>`; the key's mode decides which objects a request sees and creates (`livemode`).",
        "Keys are stored only as a hash: the full key is shown once, when you create it under Developers in the dashboard. A missing header answers 401 `api_key_missing`; a wrong, unknown or revoked key 401 `api_key_invalid`.",
        "Platforms: with a platform's key, the header `Paylink-Merchant: mch_…` on any request acts as that connected merchant, exactly as its own key would: the request sees and creates that merchant's objects in the key's mode, and its `Idempotency-Key` and rate limit count for that merchant. A merchant not connected to this platform in the key's mode answers 404 `resource_missing`; the header with the key of a business that is not a platform answers 403 `forbidden`. Naming the platform itself acts as the platform. Every operation declares the header (the `Paylink-Merchant` parameter), so generated clients can send it.",
        "A `status_callback_url` set while acting for a connected merchant is that merchant's: its callbacks are signed with the merchant's callback secret, which only the merchant's own Settings shows. To hear your connected merchants' events, create a webhook endpoint with `connect: true` instead.",
      ],
      example: `curl ${base}/api/v1/payment_links \\\n  -H "Authorization: Bearer sk_test_…"`,
    },
    {
      id: "requests",
      title: "Requests and responses",
      paragraphs: [
        "The base path is `/api/v1`. Request and response bodies are JSON (`Content-Type: application/json`), UTF-8. Unknown request fields are refused with 400 `parameter_unknown`, so a typo never passes silently.",
        "Responses may gain new fields over time; ignore the ones you do not know. Every response carries an `X-Request-Id` header (yours, when you send a well-formed one).",
      ],
    },
    {
      id: "money",
      title: "Money",
      paragraphs: [
        "`amount` fields are integers in the currency's minor unit, by its ISO 4217 exponent: USD has 2 (`1999` is 19.99 USD), JPY 0 (`500` is 500 JPY), KWD 3 (`1500` is 1.500 KWD). `currency` is an upper-case ISO 4217 code.",
        "Zero, a negative, a non-integer amount, or one with more precision than the currency allows is refused with 400 `parameter_invalid`. Amounts are never floats.",
      ],
    },
    {
      id: "ids",
      title: "Ids and times",
      paragraphs: [
        "Ids are prefixed, opaque strings: `plink_` (payment link), `ord_` (order), `pay_` (payment), `re_` (refund), `evt_` (event), `we_` (webhook endpoint), `msg_` (sent message). Do not parse them. Public checkout URLs carry an unguessable token, never a sequential id.",
        "Times are ISO 8601 strings in UTC, such as `2026-05-25T10:00:00.000Z`. Where you send one, any offset is accepted.",
      ],
    },
    {
      id: "pagination",
      title: "Pagination",
      paragraphs: [
        "List endpoints take `limit` (1 to 100, default 20) and `starting_after`, the id of the last object of the previous page. They answer `{\"object\":\"list\",\"url\":…,\"data\":[…],\"has_more\":…}`, newest first.",
        "While `has_more` is `true`, ask for the next page with `starting_after` set to the id of the last object in `data`.",
      ],
      example: `curl "${base}/api/v1/payment_links?limit=20&starting_after=plink_…" \\\n  -H "Authorization: Bearer sk_test_…"`,
    },
    {
      id: "idempotency",
      title: "Idempotency",
      paragraphs: [
        "Every `POST` accepts an `Idempotency-Key` header (1 to 255 characters; a UUID is a good choice). Retrying with the same key and the same body within 24 hours returns the first response again, byte for byte, with the header `Idempotent-Replayed: true`, and does nothing twice.",
        "The same key with a different body or path answers 422 `idempotency_key_reused`; while the first request is still running, a twin answers 409 `idempotency_key_in_use`. Keys are scoped to the merchant and mode (with `Paylink-Merchant`, to the merchant acted for).",
      ],
      example: `curl -X POST ${base}/api/v1/payment_links \\\n  -H "Authorization: Bearer sk_test_…" \\\n  -H "Idempotency-Key: 5f0c6a8e-6d1b-4a57-9d3e-2b8f0c1a7e44" \\\n  -H "Content-Type: application/json" \\\n  -d '{"item_name":"Membership","amount":9999,"currency":"USD","default_country":"US"}'`,
    },
    {
      id: "errors",
      title: "Errors",
      paragraphs: [
        "A failed request answers a non-2xx status and `{\"error\":{\"type\",\"code\",\"message\",\"param\"}}`. Branch on `code`; `param` names the offending field (or `null`); `message` is for people.",
        "A 429 carries `Retry-After` (seconds). A 500 never exposes details; quote its request id if you contact support.",
      ],
      example: `{\n  "error": {\n    "type": "invalid_request_error",\n    "code": "parameter_missing",\n    "message": "Missing required parameter: item_name.",\n    "param": "item_name"\n  }\n}`,
    },
  ];
}

/** The same text as Markdown, for `info.description` (what generic OpenAPI viewers show). */
export function conventionsMarkdown(list: Convention[]): string {
  return list
    .map((c) => [`## ${c.title}`, ...c.paragraphs, ...(c.example ? ["```\n" + c.example + "\n```"] : [])].join("\n\n"))
    .join("\n\n");
}
