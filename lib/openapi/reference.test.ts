import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./document";
import { constraintsOf, curlExample, fieldRows, tagViews, typeLabel } from "./reference";

const doc = buildOpenApiDocument({ serverUrl: "https://pay.example.com" });
const schemas = doc.components.schemas;

describe("typeLabel", () => {
  it.each([
    [{ type: "integer" }, "integer"],
    [{ anyOf: [{ type: "integer", exclusiveMinimum: 0 }, { type: "null" }] }, "integer or null"],
    [{ type: ["string", "null"] }, "string or null"],
    [{ type: "string", format: "date-time" }, "time (ISO 8601)"],
    [{ type: "array", items: { type: "string", enum: ["card"] } }, "array of string"],
    [{ type: "object", additionalProperties: { type: "string" } }, "object of string"],
    [{ $ref: "#/components/schemas/PaymentLink" }, "PaymentLink"],
    [{ type: "string", const: "payment_link" }, '"payment_link"'],
  ])("%j reads as %s", (schema, label) => {
    expect(typeLabel(schema)).toBe(label);
  });
});

describe("constraintsOf", () => {
  it("says the limits in words, through a nullable wrapper", () => {
    expect(constraintsOf({ anyOf: [{ type: "integer", exclusiveMinimum: 0, maximum: 99999999999 }, { type: "null" }] })).toEqual([
      "greater than 0",
      "at most 99999999999",
    ]);
    expect(constraintsOf({ type: "string", minLength: 1, maxLength: 200 })).toEqual(["1 to 200 characters"]);
    expect(constraintsOf({ type: "integer", minimum: 1, maximum: 100, default: 20 })).toEqual(["at least 1", "at most 100", "default `20`"]);
  });

  it("lists an array's allowed values and a map's limits", () => {
    const create = schemas.CreatePaymentLinkRequest!.properties as Record<string, Record<string, unknown>>;
    expect(constraintsOf(create.payment_methods!)).toEqual([
      "at least 1 items",
      "no duplicates",
      "each one of `card`, `alipay`, `wechat_pay`, `apple_pay`, `google_pay`, `bank_transfer`, `promptpay`, `pix`, `ideal`, `bancontact`, `fpx`, `klarna`, `sepa_debit`",
    ]);
    expect(constraintsOf(create.metadata!)).toEqual(["at most 20 keys", "keys 1 to 40 characters", "values at most 500 characters"]);
    expect(constraintsOf(create.currency!)).toEqual(["matches `^[A-Z]{3}$`"]);
  });
});

describe("fieldRows", () => {
  const rows = fieldRows(doc, schemas.CreatePaymentLinkRequest!);
  const byName = new Map(rows.map((r) => [r.name, r]));

  it("lists top-level fields with required flags and descriptions from the object schema", () => {
    expect(byName.get("item_name")).toMatchObject({ required: true, type: "string", description: "What the buyer pays for, shown on the checkout page." });
    expect(byName.get("name")).toMatchObject({ required: false, description: expect.stringContaining("Defaults to `item_name`.") });
    expect(byName.get("amount")).toMatchObject({ type: "integer or null", required: false });
  });

  it("expands nested objects and tagged unions with dotted names", () => {
    expect(byName.get("custom_amount.minimum")).toMatchObject({ type: "integer", description: "Lowest amount the buyer may enter, in minor units." });
    expect(byName.get("after_completion.type")?.constraints).toEqual(["one of `message`, `redirect`"]);
    expect(byName.get("after_completion.message")?.description).toMatch(/^When type is `message`: /);
    expect(byName.get("after_completion.url")).toMatchObject({ type: "URL", description: expect.stringMatching(/^When type is `redirect`: /) });
  });

  it("follows a $ref", () => {
    expect(fieldRows(doc, { $ref: "#/components/schemas/PaymentLink" }).map((r) => r.name)).toContain("stats.success_amount");
  });
});

describe("tagViews and curlExample", () => {
  const [links] = tagViews(doc);

  it("groups operations under their tag in document order", () => {
    expect(links).toMatchObject({ name: "Payment links", slug: "payment-links", objectSchema: "PaymentLink" });
    expect(links!.operations.map((o) => `${o.method} ${o.path}`)).toEqual([
      "post /api/v1/payment_links",
      "get /api/v1/payment_links",
      "get /api/v1/payment_links/{id}",
      "patch /api/v1/payment_links/{id}",
      "get /api/v1/payment_links/{id}/funnel",
    ]);
  });

  it("writes a runnable curl command with the key, idempotency key, example id and body", () => {
    const [create, list, retrieve] = links!.operations;
    const post = curlExample(doc, create!);
    expect(post).toMatch(/^curl -X POST https:\/\/pay\.example\.com\/api\/v1\/payment_links \\\n/);
    expect(post).toContain('-H "Authorization: Bearer sk_test_…"');
    expect(post).toContain('-H "Idempotency-Key: ');
    expect(post).toContain(`-d '{\n    "name": "Membership Renewal",`);
    expect(curlExample(doc, list!)).toBe('curl https://pay.example.com/api/v1/payment_links \\\n  -H "Authorization: Bearer sk_test_…"');
    expect(curlExample(doc, retrieve!)).toMatch(/^curl https:\/\/pay\.example\.com\/api\/v1\/payment_links\/plink_\w+ /);
  });

  it("quotes a body with an apostrophe for the shell", () => {
    const create = links!.operations[0]!;
    const op = structuredClone(create.operation);
    op.requestBody!.content["application/json"]!.example = { item_name: "Mo's coffee" };
    expect(curlExample(doc, { ...create, operation: op })).toContain(`-d '{\n    "item_name": "Mo'\\''s coffee"\n  }'`);
  });
});
