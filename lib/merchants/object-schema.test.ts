import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { EXAMPLE_CONNECTED_MERCHANT } from "@/lib/openapi/resources/merchants";
import { merchantObjectSchema } from "./object-schema";
import { createConnectedMerchantSchema, updateConnectedMerchantSchema } from "./schemas";
import { toMerchantObject } from "./serialize";

describe("merchantObjectSchema", () => {
  it.each([
    ["the reference's example", EXAMPLE_CONNECTED_MERCHANT],
    ["a live merchant with no email or metadata", { ...EXAMPLE_CONNECTED_MERCHANT, connectedLivemode: true, email: null, metadata: {} }],
  ])("accepts what toMerchantObject builds for %s, field for field", (_, row) => {
    const object = toMerchantObject(row);
    // z.object strips keys it does not know: equality means the schema names every field the serializer sends.
    expect(merchantObjectSchema.parse(object)).toEqual(object);
  });

  it("never shows the merchant's secrets", () => {
    expect(JSON.stringify(toMerchantObject(EXAMPLE_CONNECTED_MERCHANT))).not.toContain("whsec_");
  });
});

describe("the merchants resource of the OpenAPI document", () => {
  const doc = buildOpenApiDocument();
  const collection = doc.paths["/api/v1/merchants"]!;
  const one = doc.paths["/api/v1/merchants/{id}"]!;

  it("documents create, list, retrieve and update, each refusing a key that is not a platform's with 403", () => {
    expect(Object.keys(collection).sort()).toEqual(["get", "post"]);
    expect(Object.keys(one).sort()).toEqual(["get", "patch"]);
    for (const op of [collection.get!, collection.post!, one.get!, one.patch!]) expect(op["x-error-codes"]).toEqual(expect.arrayContaining(["forbidden", "resource_missing"]));
  });

  it("has examples its own schemas accept", () => {
    expect(createConnectedMerchantSchema.parse(collection.post!.requestBody!.content["application/json"]!.example)).toBeTruthy();
    expect(updateConnectedMerchantSchema.parse(one.patch!.requestBody!.content["application/json"]!.example)).toBeTruthy();
    const created = collection.post!.responses["201"]!.content!["application/json"]!.example;
    expect(merchantObjectSchema.parse(created)).toEqual(created);
  });

  it("states Paylink-Merchant once, under Authentication, with its 403 and 404", () => {
    const authentication = doc["x-conventions"].find((c) => c.id === "authentication")!;
    const said = authentication.paragraphs.join(" ");
    expect(said).toContain("Paylink-Merchant");
    expect(said).toContain("403 `forbidden`");
    expect(said).toContain("404 `resource_missing`");
    expect(JSON.stringify(doc.paths)).not.toContain('"name":"Paylink-Merchant"');
  });
});
