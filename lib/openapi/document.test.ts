import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "@/lib/core/errors";
import { paymentLinkObjectSchema } from "@/lib/links/object-schema";
import { createPaymentLinkSchema, updatePaymentLinkSchema } from "@/lib/links/schemas";
import { buildOpenApiDocument, RESOURCES } from "./document";
import { errorObjectSchema } from "./errors";
import { resolveRef } from "./reference";
import type { JsonSchema, OpenApiDocument, OperationObject } from "./types";

const doc = buildOpenApiDocument({ serverUrl: "https://pay.example.com/" });
const API_ROOT = fileURLToPath(new URL("../../app/api", import.meta.url));
/** The folders under app/api whose routes the document describes: the v1 API, and processors' notifications. */
const DOCUMENTED_DIRS = ["v1", "processors"];
const HTTP_METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;

/** Every `route.ts` under the documented folders with the HTTP methods it exports, as OpenAPI path/method pairs. */
function routesOnDisk(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        // The catch-all only answers 404s in the error shape; openapi.json is the document itself.
        if (entry.name.startsWith("[...") || entry.name === "openapi.json") continue;
        walk(full);
      } else if (entry.name === "route.ts") {
        const segments = relative(API_ROOT, dir).split(sep).filter(Boolean);
        const path = `/api/${segments.map((s) => s.replace(/^\[(\w+)\]$/, "{$1}")).join("/")}`;
        for (const method of exportedMethods(readFileSync(full, "utf8"))) found.push(`${method.toLowerCase()} ${path}`);
      }
    }
  };
  for (const dir of DOCUMENTED_DIRS) walk(join(API_ROOT, dir));
  return found.sort();
}

function exportedMethods(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:const|let|async\s+function|function)\s+([A-Z]+)\b/g)) names.add(m[1]!);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(",")) {
      const [local, exported = local] = part.trim().split(/\s+as\s+/).map((name) => name.trim());
      // The other methods of a route answer the contract's "unrecognized request" 404: not operations.
      if (local !== "unrecognizedRequest") names.add(exported!);
    }
  }
  return HTTP_METHODS.filter((m) => names.has(m));
}

function documentedOperations(d: OpenApiDocument): { key: string; op: OperationObject }[] {
  return Object.entries(d.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ key: `${method} ${path}`, op: op as OperationObject })),
  );
}

/** The operations a merchant calls with an API key: all but those that say they take none (a processor's notification). */
function apiOperations(d: OpenApiDocument) {
  return documentedOperations(d).filter(({ op }) => op.security === undefined);
}

/** Every node of a JSON value, with its JSON-pointer-ish path for messages. */
function* walk(node: unknown, path = "#"): Generator<[string, unknown]> {
  yield [path, node];
  if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) yield* walk(value, `${path}/${key}`);
  }
}

/** Every object schema inside a schema (properties, items, union branches…), resolving nothing. */
function objectSchemas(schema: unknown): JsonSchema[] {
  return [...walk(schema)].map(([, n]) => n as JsonSchema).filter((n) => n !== null && typeof n === "object" && n.type === "object");
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1.0 with the API's title, version and server", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info).toMatchObject({ title: "Paylink API", version: "1" });
    expect(doc.servers).toEqual([{ url: "https://pay.example.com", description: expect.any(String) }]);
    expect(doc.components.securitySchemes.secretKey).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.security).toEqual([{ secretKey: [] }]);
  });

  it("documents every route in app/api/v1 and the processors' notifications, and nothing that does not exist", () => {
    const onDisk = routesOnDisk();
    expect(onDisk).toEqual(expect.arrayContaining(["post /api/v1/payment_links", "post /api/processors/{connector}/notifications"]));
    expect(documentedOperations(doc).map((o) => o.key).sort()).toEqual(onDisk);
  });

  it("resolves every $ref", () => {
    const refs = [...walk(doc)].filter(([path, node]) => path.endsWith("/$ref") && typeof node === "string");
    expect(refs.length).toBeGreaterThan(10);
    for (const [path, ref] of refs) {
      expect(ref, path).toMatch(/^#\//);
      expect(resolveRef(doc, ref as string), `${path} → ${String(ref)}`).toBeDefined();
    }
  });

  it("has a well-formed operation for each path and method", () => {
    const ids = new Set<string>();
    for (const { key, op } of documentedOperations(doc)) {
      const [, path] = key.split(" ");
      expect(op.operationId, key).toMatch(/^[a-z][A-Za-z]+$/);
      expect(ids.has(op.operationId), `duplicate operationId ${op.operationId}`).toBe(false);
      ids.add(op.operationId);
      expect(op.summary, key).not.toBe("");
      expect(op.description, key).not.toBe("");
      expect(doc.tags.map((t) => t.name)).toEqual(expect.arrayContaining(op.tags));

      const params = (op.parameters ?? []).map((p) => ("$ref" in p ? resolveRef<{ name: string; in: string; required?: boolean; description?: string }>(doc, p.$ref)! : p));
      for (const name of [...path!.matchAll(/\{(\w+)\}/g)].map((m) => m[1])) {
        expect(params.find((p) => p.in === "path" && p.name === name), `${key}: path parameter ${name}`).toMatchObject({ required: true });
      }
      for (const p of params) expect(p.description, `${key}: ${p.name}`).toBeTruthy();

      const statuses = Object.keys(op.responses);
      expect(statuses.filter((s) => s.startsWith("2")), key).toHaveLength(1);
      // Only the API is throttled per key; a processor's notification has no key to count.
      for (const status of op.security ? ["401", "500"] : ["401", "429", "500"]) expect(statuses, key).toContain(status);
      for (const [status, response] of Object.entries(op.responses)) {
        expect(response.description, `${key} ${status}`).toBeTruthy();
        // A file download (the invoice PDF) answers its file; every error is JSON.
        const file = status.startsWith("2") ? response.content?.["application/pdf"] : undefined;
        if (file) {
          expect(file.schema, key).toEqual({ type: "string", format: "binary" });
          continue;
        }
        const media = response.content?.["application/json"];
        expect(media, `${key} ${status}`).toBeDefined();
        if (Number(status) >= 400) {
          expect(media!.schema).toEqual({ $ref: "#/components/schemas/Error" });
          for (const [code, example] of Object.entries(media!.examples ?? {})) {
            expect(ERROR_CODES[code as keyof typeof ERROR_CODES]?.status, `${key}: ${code}`).toBe(Number(status));
            expect(errorObjectSchema.parse(example.value)).toEqual(example.value);
          }
        }
      }
      expect(op["x-error-codes"].length, key).toBeGreaterThan(0);
      if (!op.security) expect(op.responses["429"]?.headers?.["Retry-After"], key).toEqual({ $ref: "#/components/headers/Retry-After" });
    }
  });

  it("takes Idempotency-Key on every POST, and 409/422 for its collisions", () => {
    for (const { key, op } of apiOperations(doc).filter((o) => o.key.startsWith("post "))) {
      expect(op.parameters, key).toContainEqual({ $ref: "#/components/parameters/IdempotencyKey" });
      expect(op["x-error-codes"], key).toEqual(expect.arrayContaining(["idempotency_key_in_use", "idempotency_key_reused"]));
    }
    expect(doc.components.parameters.IdempotencyKey).toMatchObject({ in: "header", schema: { minLength: 1, maxLength: 255 } });
  });

  it("declares Paylink-Merchant on every API operation, as a reusable header parameter, with its 403 and 404", () => {
    for (const { key, op } of apiOperations(doc)) {
      expect(op.parameters, key).toContainEqual({ $ref: "#/components/parameters/PaylinkMerchant" });
      expect(op["x-error-codes"], key).toEqual(expect.arrayContaining(["forbidden", "resource_missing"]));
    }
    expect(doc.components.parameters.PaylinkMerchant).toMatchObject({ name: "Paylink-Merchant", in: "header", required: false, schema: { type: "string" }, example: expect.stringMatching(/^mch_/) });
  });

  it("says a status callback set acting for a connected merchant is signed with that merchant's secret, and points to connect endpoints", () => {
    const callbackNote = /signed with that merchant's callback secret, which only the merchant's own Settings shows: .*`connect: true`/;
    for (const request of ["CreatePaymentLinkRequest", "UpdatePaymentLinkRequest", "CreateOrderRequest"]) {
      const property = (doc.components.schemas[request]!.properties as Record<string, JsonSchema>).status_callback_url!;
      expect(property.description, request).toMatch(callbackNote);
    }
    expect(doc.info.description).toMatch(/`status_callback_url` set while acting for a connected merchant .* `connect: true`/);
  });

  it("answers 404 resource_missing wherever the path names an object", () => {
    for (const { key, op } of documentedOperations(doc).filter((o) => o.key.includes("{"))) {
      expect(op["x-error-codes"], key).toContain("resource_missing");
    }
  });

  it("refuses unknown fields in every API request body, at every depth", () => {
    // A processor's notification is read leniently (a processor may add fields): not an API request.
    const bodies = apiOperations(doc).flatMap(({ op }) => {
      const schema = op.requestBody?.content["application/json"]?.schema;
      return schema ? [resolveRef<JsonSchema>(doc, schema.$ref as string)!] : [];
    });
    expect(bodies.length).toBeGreaterThanOrEqual(2);
    for (const body of bodies) {
      for (const object of objectSchemas(body)) {
        // A map (metadata) has a schema for its values instead.
        if (object.properties) expect(object.additionalProperties, JSON.stringify(object).slice(0, 80)).toBe(false);
      }
    }
  });

  it("writes every amount as an integer", () => {
    const amounts = [...walk(doc.components.schemas)].filter(([path]) => /\/properties\/(\w+_)?amount$/.test(path) || /custom_amount\/(anyOf\/\d+\/)?properties\/(minimum|maximum|preset)$/.test(path));
    expect(amounts.length).toBeGreaterThanOrEqual(8);
    for (const [path, schema] of amounts) {
      const s = schema as JsonSchema;
      if (path.endsWith("custom_amount")) continue;
      const types = [s.type, ...((s.anyOf as JsonSchema[] | undefined) ?? []).map((b) => b.type)].flat().filter((t) => t && t !== "null");
      expect(types, path).toEqual(["integer"]);
    }
  });

  it("has examples its own schemas accept", () => {
    const post = doc.paths["/api/v1/payment_links"]!.post!;
    expect(createPaymentLinkSchema.parse(post.requestBody!.content["application/json"]!.example)).toBeTruthy();
    const patch = doc.paths["/api/v1/payment_links/{id}"]!.patch!;
    expect(updatePaymentLinkSchema.parse(patch.requestBody!.content["application/json"]!.example)).toBeTruthy();
    const link = post.responses["201"]!.content!["application/json"]!.example;
    expect(paymentLinkObjectSchema.parse(link)).toEqual(link);
    expect((link as { url: string }).url).toMatch(/^https:\/\/pay\.example\.com\/l\//);
  });

  it("describes every property of every component", () => {
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      for (const [prop, value] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) {
        expect(value.description, `${name}.${prop}`).toBeTruthy();
      }
    }
  });

  it("states the contract's conventions and the API's error codes", () => {
    expect(doc["x-conventions"].map((c) => c.id)).toEqual(expect.arrayContaining(["authentication", "money", "ids", "pagination", "idempotency", "errors"]));
    expect(doc.info.description).toContain("ISO 4217");
    const codes = doc["x-error-codes"];
    expect(codes.map((c) => c.code)).toEqual(expect.arrayContaining(["parameter_invalid", "api_key_missing", "resource_missing", "idempotency_key_reused", "rate_limited", "internal_error"]));
    for (const entry of codes) expect(ERROR_CODES[entry.code as keyof typeof ERROR_CODES]).toEqual({ status: entry.status, type: entry.type });
    expect(codes.map((c) => c.status)).toEqual([...codes.map((c) => c.status)].sort((a, b) => a - b));
  });

  it("builds each resource once, without a server (pure, deterministic)", () => {
    expect(RESOURCES.length).toBeGreaterThan(0);
    expect(JSON.stringify(buildOpenApiDocument({ serverUrl: "https://pay.example.com" }))).toBe(JSON.stringify(doc));
  });
});
