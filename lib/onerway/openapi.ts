import { checkoutUrl } from "@/lib/links/serialize";
import { EXAMPLE_SERVER_URL } from "@/lib/openapi/document";
import { SCHEMA_REF_PREFIX } from "@/lib/openapi/json-schema";
import type { JsonSchema, MediaTypeObject } from "@/lib/openapi/types";
import { readRawObject } from "./raw-json";
import { sign } from "./sign";

// The OpenAPI 3.1 document of the Onerway-compatible endpoints (API.md, "Onerway-compatible endpoints"), served
// at /docs/onerway/openapi.json and rendered by /docs/onerway. Pure. Its examples carry real signatures, made
// with the signing code the endpoints check them with, under a demo key that is no merchant's.

/** Example credentials, labelled as such wherever they are shown: the key is no merchant's. */
export const ONERWAY_DEMO_MERCHANT_NO = "800209";
export const ONERWAY_DEMO_SECRET_KEY = "demo_secret_key_do_not_use";

export const ONERWAY_PATHS = {
  add: "/v1/txn/paymentLink/add",
  list: "/v1/txn/paymentLink/list",
  updateStatus: "/v1/txn/paymentLink/updateStatus",
} as const;
export type OnerwayEndpoint = keyof typeof ONERWAY_PATHS;

/** Every respCode the endpoints answer with, as the contract's table gives them. */
export const ONERWAY_RESP_CODES = [
  { code: "20000", message: "Success", when: "The request was carried out; `data` holds the answer." },
  { code: "40013", message: "Abnormal parameters: <field> …", when: "A field is missing, malformed or out of range; `respMsg` names it." },
  { code: "40014", message: "Signature verification failed", when: "A wrong or missing `sign`, or an unknown `merchantNo`." },
  { code: "50134", message: "Too many requests", when: "Over the per-merchant rate limit (`add` and `list`): wait, then retry." },
  { code: "55058", message: "Payment link not found.", when: "`updateStatus` for an id that does not exist." },
  { code: "55059", message: "Payment link does not belong to this merchant.", when: "`updateStatus` for another merchant's link." },
] as const;
export type OnerwayRespCode = (typeof ONERWAY_RESP_CODES)[number]["code"];

/** The codes each endpoint can answer with. */
export const ONERWAY_ENDPOINT_CODES: Record<OnerwayEndpoint, OnerwayRespCode[]> = {
  add: ["20000", "40013", "40014", "50134"],
  list: ["20000", "40013", "40014", "50134"],
  updateStatus: ["20000", "40013", "40014", "55058", "55059"],
};

/** The body as a client sends it: the fields, then their `sign` under the key (the demo key by default). */
export function signedExample<T extends Record<string, unknown>>(fields: T, secretKey: string = ONERWAY_DEMO_SECRET_KEY): T & { sign: string } {
  return { ...fields, sign: sign(readRawObject(JSON.stringify(fields)), secretKey) };
}

const EXAMPLE_TOKEN = "Q7wX3mN9pL2kJ8hG5fD4sA1zY6tR0eVu";

/** The request bodies of the examples, unsigned (the seed's own examples, with the demo merchant). */
export const ONERWAY_EXAMPLE_FIELDS = {
  add: {
    merchantNo: ONERWAY_DEMO_MERCHANT_NO,
    linkName: "Membership Renewal",
    amount: 99.99,
    currency: "USD",
    defaultCountry: "US",
    itemName: "Membership",
    description: "Annual membership renewal",
    collectEmail: true,
    collectName: true,
  },
  list: {
    merchantNo: ONERWAY_DEMO_MERCHANT_NO,
    linkStatus: 1,
    keywords: "Membership",
    startTime: "2026-05-01 00:00:00",
    endTime: "2026-05-25 23:59:59",
    current: 1,
    size: 10,
  },
  updateStatus: { id: 100, linkStatus: false, merchantNo: ONERWAY_DEMO_MERCHANT_NO },
} satisfies Record<OnerwayEndpoint, Record<string, unknown>>;

const ref = (name: string): JsonSchema => ({ $ref: `${SCHEMA_REF_PREFIX}${name}` });
const orNull = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: "null" }] });

const TIME_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$";
const DIGITS = "^[0-9]+$";

const merchantNo: JsonSchema = {
  type: "string",
  pattern: "^[0-9]{1,20}$",
  maxLength: 20,
  description: "Your merchant number, from Developers → Onerway-compatible API (the same in test and live mode).",
};
const signField: JsonSchema = {
  type: "string",
  pattern: "^[0-9a-fA-F]{64}$",
  description:
    "SHA-256, in hex, of the other fields' values (without null and empty strings, in the ASCII order of their names, as sent) followed by your secret key. The only field that is not signed. The key decides the mode: a test key works on test-mode links, a live key on live ones.",
};

function envelope(data: JsonSchema, what: string): JsonSchema {
  return {
    type: "object",
    description: `Every answer is HTTP 200 with this body: read \`respCode\`. ${what}`,
    required: ["respCode", "respMsg", "data"],
    properties: {
      respCode: ref("RespCode"),
      respMsg: { type: "string", description: "What `respCode` means, in words; for `40013`, the field at fault." },
      data,
    },
  };
}

function schemas(): Record<string, JsonSchema> {
  return {
    RespCode: {
      type: "string",
      enum: ONERWAY_RESP_CODES.map((c) => c.code),
      description: `The outcome: ${ONERWAY_RESP_CODES.map((c) => `\`${c.code}\` ${c.message}`).join("; ")}. Anything but \`20000\` answers \`data: null\`.`,
    },
    AddRequest: {
      type: "object",
      required: ["merchantNo", "amount", "currency", "defaultCountry", "itemName", "sign"],
      properties: {
        merchantNo,
        linkName: { type: "string", maxLength: 200, description: "The link's name, for you: shown in the dashboard and in `list`." },
        amount: {
          type: "number",
          exclusiveMinimum: 0,
          description:
            "The price in major units of `currency`, as a decimal number (`99.99` USD, `1500` JPY). More decimals than the currency has (`99.999` USD, `1500.5` JPY) is `40013`. It is signed as the digits you send: `99.90` signs `99.90`.",
        },
        currency: { type: "string", pattern: "^[A-Z]{3}$", description: "Upper-case ISO 4217 currency code, such as `USD`." },
        defaultCountry: { type: "string", pattern: "^[A-Z]{2}$", description: "Upper-case ISO 3166-1 alpha-2 country code, such as `US`: the country the checkout starts with." },
        itemName: { type: "string", minLength: 1, maxLength: 200, description: "The product or service the buyer sees on the checkout." },
        description: { type: "string", maxLength: 1000, description: "Shown to the buyer with the item." },
        collectEmail: { type: "boolean", description: "Whether the checkout asks for the buyer's email address." },
        collectName: { type: "boolean", description: "Whether the checkout asks for the buyer's name." },
        sign: signField,
      },
    },
    ListRequest: {
      type: "object",
      required: ["merchantNo", "sign"],
      properties: {
        merchantNo,
        linkStatus: { type: "integer", enum: [1, 0], description: "`1`: enabled links only; `0`: disabled links only. Without it, both." },
        keywords: { type: "string", description: "Matches the link's id or its `itemName`." },
        startTime: { type: "string", pattern: TIME_PATTERN, description: "Links created from this time, `yyyy-MM-dd HH:mm:ss` in UTC." },
        endTime: { type: "string", pattern: TIME_PATTERN, description: "Links created up to this time, `yyyy-MM-dd HH:mm:ss` in UTC." },
        current: { type: "integer", minimum: 1, default: 1, description: "The page, counted from 1." },
        size: { type: "integer", minimum: 1, maximum: 100, default: 10, description: "Links per page." },
        sign: signField,
      },
    },
    UpdateStatusRequest: {
      type: "object",
      required: ["id", "linkStatus", "merchantNo", "sign"],
      properties: {
        id: { type: "integer", minimum: 1, description: "The link's id as `add` or `list` answered it, sent as an integer (`100`, not `\"100\"`)." },
        linkStatus: { type: "boolean", description: "`true` enables the link; `false` disables it, and buyers can no longer pay through it." },
        merchantNo,
        sign: signField,
      },
    },
    AddData: {
      type: "object",
      required: ["id", "linkUrl"],
      properties: {
        id: { type: "string", pattern: DIGITS, description: "The link's id, a decimal integer as a string: keep it for `updateStatus`." },
        linkUrl: { type: "string", format: "uri", description: "The checkout page: send it to the buyer." },
      },
    },
    PaymentLinkRecord: {
      type: "object",
      required: ["id", "linkUrl", "merchantNo", "amount", "currency", "defaultCountry", "itemName", "linkStatus", "createTime", "visitCount", "payCount", "successAmount"],
      properties: {
        id: { type: "string", pattern: DIGITS, description: "The link's id, a decimal integer as a string." },
        linkUrl: { type: "string", format: "uri", description: "The checkout page." },
        merchantNo: { type: "string", description: "Your merchant number." },
        linkName: { type: "string", description: "The link's name (its item name when it was created without one)." },
        amount: { type: "string", pattern: "^([0-9]+(\\.[0-9]+)?)?$", description: "The price in major units, as a decimal string (`99.99`); empty for a link made with Paylink's own API where the buyer chooses the amount." },
        currency: { type: "string", description: "ISO 4217 currency code." },
        defaultCountry: { type: "string", description: "ISO 3166-1 alpha-2 country code the checkout starts with." },
        itemName: { type: "string", description: "The product or service." },
        description: { type: "string", description: "The item's description; empty when it has none." },
        linkStatus: { type: "integer", enum: [1, 0], description: "`1` enabled, `0` disabled." },
        createTime: { type: "string", pattern: TIME_PATTERN, description: "When the link was created, `yyyy-MM-dd HH:mm:ss` in UTC." },
        visitCount: { type: "string", pattern: DIGITS, description: "Visits to the checkout page, as a decimal string." },
        payCount: { type: "string", pattern: DIGITS, description: "Successful payments, as a decimal string." },
        successAmount: { type: "string", pattern: "^[0-9]+(\\.[0-9]+)?$", description: "The total paid successfully, in major units, as a decimal string." },
      },
    },
    ListData: {
      type: "object",
      required: ["records", "total", "size", "current"],
      properties: {
        records: { type: "array", items: ref("PaymentLinkRecord"), description: "The page's links, newest first." },
        total: { type: "string", pattern: DIGITS, description: "How many links match, on every page together, as a decimal string." },
        size: { type: "string", pattern: DIGITS, description: "The page size used, as a decimal string." },
        current: { type: "string", pattern: DIGITS, description: "The page answered, as a decimal string." },
      },
    },
    AddResponse: envelope(orNull(ref("AddData")), "`data` is the new link on `20000`, else null."),
    ListResponse: envelope(orNull(ref("ListData")), "`data` is the page on `20000`, else null."),
    UpdateStatusResponse: envelope({ type: "null" }, "`data` is always null."),
  };
}

const RESP_MSG = Object.fromEntries(ONERWAY_RESP_CODES.map((c) => [c.code, c.message])) as Record<OnerwayRespCode, string>;
const failure = (code: Exclude<OnerwayRespCode, "20000" | "40013">) => ({ respCode: code, respMsg: RESP_MSG[code], data: null });

interface OperationSpec {
  endpoint: OnerwayEndpoint;
  operationId: string;
  summary: string;
  description: string;
  exampleSummary: string;
  successData: unknown;
}

function operation(spec: OperationSpec) {
  const name = spec.endpoint === "updateStatus" ? "UpdateStatus" : spec.endpoint === "add" ? "Add" : "List";
  const codes = ONERWAY_ENDPOINT_CODES[spec.endpoint];
  const responseExamples: Record<string, { summary: string; value: unknown }> = {
    success: { summary: "Success", value: { respCode: "20000", respMsg: RESP_MSG["20000"], data: spec.successData } },
    signatureFailed: { summary: "A wrong sign", value: failure("40014") },
  };
  if (spec.endpoint === "updateStatus") responseExamples.notFound = { summary: "No link with this id", value: failure("55058") };
  else responseExamples.rateLimited = { summary: "Over the rate limit", value: failure("50134") };
  const request: MediaTypeObject = {
    schema: ref(`${name}Request`),
    examples: { [spec.endpoint]: { summary: `${spec.exampleSummary}, signed with the demo key ${ONERWAY_DEMO_SECRET_KEY}`, value: signedExample(ONERWAY_EXAMPLE_FIELDS[spec.endpoint]) } },
  };
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    description: spec.description,
    tags: ["Payment Link"],
    requestBody: { required: true, content: { "application/json": request } },
    responses: {
      "200": {
        description: `Every answer, success or not (respCode ${codes.join(", ")}).`,
        content: { "application/json": { schema: ref(`${name}Response`), examples: responseExamples } satisfies MediaTypeObject },
      },
    },
    "x-resp-codes": codes,
  };
}

export interface OnerwayOpenApiOptions {
  /** This Paylink's public base URL (APP_URL). */
  serverUrl?: string;
}

export function buildOnerwayOpenApiDocument({ serverUrl = EXAMPLE_SERVER_URL }: OnerwayOpenApiOptions = {}) {
  const base = serverUrl.replace(/\/+$/, "");
  const linkUrl = checkoutUrl(base, EXAMPLE_TOKEN);
  const { add } = ONERWAY_EXAMPLE_FIELDS;
  return {
    openapi: "3.1.0" as const,
    info: {
      title: "Paylink Onerway-compatible API",
      version: "1",
      summary: "Onerway's Payment Link endpoints, served by Paylink on the same payment links.",
      description: `A client written against Onerway's Payment Link API switches to Paylink by changing its base URL, merchant number and secret key. Every request is a signed JSON POST; every answer is HTTP 200 with \`{respCode, respMsg, data}\`. The examples are signed with the demo key \`${ONERWAY_DEMO_SECRET_KEY}\` (merchant \`${ONERWAY_DEMO_MERCHANT_NO}\`), an example: no merchant's key.`,
    },
    servers: [{ url: base, description: "This Paylink" }],
    /** No header credentials: each request carries its own `sign`. */
    security: [] as Record<string, string[]>[],
    tags: [{ name: "Payment Link", description: "Create, list, enable and disable payment links." }],
    paths: {
      [ONERWAY_PATHS.add]: {
        post: operation({
          endpoint: "add",
          operationId: "addPaymentLink",
          summary: "Create a payment link",
          description:
            "Creates an ordinary Paylink payment link (card payments) at a fixed price, in the mode of the key that signed the request, and answers its id and checkout URL.",
          exampleSummary: "The seed's membership link",
          successData: { id: "100", linkUrl },
        }),
      },
      [ONERWAY_PATHS.list]: {
        post: operation({
          endpoint: "list",
          operationId: "listPaymentLinks",
          summary: "List payment links",
          description: "A page of the merchant's links in the key's mode, newest first, filtered by status, keywords and creation time.",
          exampleSummary: "Enabled links about Membership created in May 2026, first page",
          successData: {
            records: [
              {
                id: "100",
                linkUrl,
                merchantNo: ONERWAY_DEMO_MERCHANT_NO,
                linkName: add.linkName,
                amount: "99.99",
                currency: add.currency,
                defaultCountry: add.defaultCountry,
                itemName: add.itemName,
                description: add.description,
                linkStatus: 1,
                createTime: "2026-05-25 10:00:00",
                visitCount: "20",
                payCount: "5",
                successAmount: "499.95",
              },
            ],
            total: "1",
            size: "10",
            current: "1",
          },
        }),
      },
      [ONERWAY_PATHS.updateStatus]: {
        post: operation({
          endpoint: "updateStatus",
          operationId: "updatePaymentLinkStatus",
          summary: "Enable or disable a payment link",
          description: "Enables or disables one of the merchant's links by its integer id.",
          exampleSummary: "Disable link 100",
          successData: null,
        }),
      },
    },
    components: { schemas: schemas() },
  };
}

export type OnerwayOpenApiDocument = ReturnType<typeof buildOnerwayOpenApiDocument>;
export type OnerwayOperation = ReturnType<typeof operation>;
