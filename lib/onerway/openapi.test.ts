import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { buildOnerwayOpenApiDocument, ONERWAY_DEMO_SECRET_KEY, ONERWAY_PATHS, ONERWAY_RESP_CODES, signedExample } from "./openapi";
import { readRawObject } from "./raw-json";
import { signatureMatches } from "./sign";

const CONTRACT_CODES = ["20000", "40013", "40014", "50134", "55058", "55059"];

const doc = buildOnerwayOpenApiDocument({ serverUrl: "https://pay.example.com/" });
const operations = Object.entries(doc.paths).map(([path, item]) => ({ path, operation: item.post }));
const schemaOf = (ref: unknown) => doc.components.schemas[String(ref).replace("#/components/schemas/", "")];

/** Every JSON value of the document with a string `sign`: the request examples. */
function signedBodies(node: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) node.forEach((n) => signedBodies(n, out));
  else if (node !== null && typeof node === "object") {
    if (typeof (node as { sign?: unknown }).sign === "string") out.push(node as Record<string, unknown>);
    Object.values(node).forEach((n) => signedBodies(n, out));
  }
  return out;
}

describe("the Onerway-compatible OpenAPI document", () => {
  test("is OpenAPI 3.1.0, on the given server, with exactly the three endpoints, each by POST only", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: "https://pay.example.com", description: "This Paylink" }]);
    expect(Object.keys(doc.paths).sort()).toEqual([...Object.values(ONERWAY_PATHS)].sort());
    for (const item of Object.values(doc.paths)) expect(Object.keys(item)).toEqual(["post"]);
    expect(new Set(operations.map((o) => o.operation.operationId)).size).toBe(3);
  });

  test("survives JSON, and every $ref points at a schema it defines", () => {
    const text = JSON.stringify(doc);
    expect(JSON.parse(text)).toEqual(doc);
    for (const [, ref] of text.matchAll(/"\$ref":"([^"]+)"/g)) expect(schemaOf(ref), ref).toBeDefined();
  });

  test("every request example is signed, and its sign verifies under the demo key as the endpoints check it", () => {
    const bodies = signedBodies(doc.paths);
    expect(bodies).toHaveLength(3);
    for (const body of bodies) {
      const fields = readRawObject(JSON.stringify(body));
      expect(body.sign).toMatch(/^[0-9a-f]{64}$/);
      expect(signatureMatches(fields, ONERWAY_DEMO_SECRET_KEY, body.sign as string)).toBe(true);
      expect(signatureMatches(fields, "another key", body.sign as string)).toBe(false);
    }
    // Pretty-printed (as the docs show it), a body still verifies: only the values are signed.
    const add = signedBodies(doc.paths[ONERWAY_PATHS.add])[0]!;
    expect(signatureMatches(readRawObject(JSON.stringify(add, null, 2)), ONERWAY_DEMO_SECRET_KEY, add.sign as string)).toBe(true);
  });

  test("the request examples have the fields their schema requires, and no others", () => {
    for (const { operation } of operations) {
      const media = operation.requestBody.content["application/json"];
      const schema = schemaOf(media.schema.$ref)!;
      for (const { value } of Object.values(media.examples ?? {})) {
        const names = Object.keys(value as object);
        expect(names).toEqual(expect.arrayContaining(schema.required as string[]));
        for (const name of names) expect(Object.keys(schema.properties as object)).toContain(name);
      }
    }
  });

  test("respCode is the contract's six codes, in every response, and each example's code is one of them", () => {
    expect(ONERWAY_RESP_CODES.map((c) => c.code)).toEqual(CONTRACT_CODES);
    expect(doc.components.schemas.RespCode!.enum).toEqual(CONTRACT_CODES);
    for (const { operation } of operations) {
      expect(Object.keys(operation.responses)).toEqual(["200"]);
      const media = operation.responses["200"].content["application/json"];
      const envelope = schemaOf(media.schema.$ref)!;
      expect(envelope.required).toEqual(["respCode", "respMsg", "data"]);
      expect((schemaOf((envelope.properties as Record<string, { $ref?: string }>).respCode!.$ref) as { enum: string[] }).enum).toEqual(CONTRACT_CODES);
      for (const code of operation["x-resp-codes"]) expect(CONTRACT_CODES).toContain(code);
      for (const { value } of Object.values(media.examples)) {
        const answer = value as { respCode: string; respMsg: string; data: unknown };
        expect(operation["x-resp-codes"]).toContain(answer.respCode);
        if (answer.respCode !== "20000") expect(answer.data).toBeNull();
      }
    }
  });

  test("signedExample signs the values as JSON.stringify sends them: the contract's example", () => {
    const body = signedExample({ b: "test3", a: "0", c: "value" }, "K");
    expect(body).toEqual({ b: "test3", a: "0", c: "value", sign: createHash("sha256").update("0test3valueK", "utf8").digest("hex") });
  });
});
