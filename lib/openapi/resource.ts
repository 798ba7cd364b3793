import type { z } from "zod";
import type { ErrorCode } from "@/lib/core/errors";
import { errorResponses } from "./errors";
import { schemaRef, toComponentSchemas, type SchemaEntry } from "./json-schema";
import type { HttpMethod, JsonSchema, OperationObject, ParameterObject, ReferenceObject, TagObject } from "./types";

// How a resource describes itself to the document: its schemas and its operations, in plain data. The
// document builder turns every resource the same way, so a new resource is one more file and one more entry
// in RESOURCES (document.ts), never a change here.

export interface ComponentSpec extends SchemaEntry {
  description?: string;
  /** Take each property's description from the same-named property of this component (request ← object). */
  describeFrom?: string;
  /** Request-only remarks appended to a property's description (defaults, merge rules). */
  notes?: Record<string, string>;
}

export interface OperationSpec {
  method: HttpMethod;
  /** The full path as the app routes it, with `{name}` for a dynamic segment: `/api/v1/payment_links/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  description: string;
  /** One entry per `{name}` in the path. */
  pathParams?: Record<string, { description: string; example: string }>;
  /** The query string's schema (values arrive as strings) and a description for each parameter. */
  query?: { schema: z.ZodObject; descriptions: Record<string, string> };
  /** The JSON body: a component name and an example the schema accepts. */
  body?: { schema: string; example: Record<string, unknown> };
  response: JsonResponseSpec | FileResponseSpec;
  /** Domain errors beyond those every operation of this shape can answer (auth, validation, idempotency…). */
  errors?: ErrorCode[];
  /**
   * Set for a route a payment processor calls, not a merchant: no API key, no `Paylink-Merchant`, no
   * `Idempotency-Key` (a notification's own id makes its retries safe), no rate limit; the caller proves who it
   * is with a signature in this header instead.
   */
  signedBy?: { header: string; description: string; example: string };
}

/** A JSON answer: a component name and an example the schema accepts. */
export interface JsonResponseSpec {
  status: 200 | 201;
  description: string;
  schema: string;
  example: unknown;
}

/** A file answered as is (an invoice's PDF): its media type. Errors are still JSON. */
export interface FileResponseSpec {
  status: 200;
  description: string;
  mediaType: string;
}

export interface ResourceSpec {
  tag: TagObject;
  schemas: Record<string, ComponentSpec>;
  operations: OperationSpec[];
}

/** What resources need to know about where the document is served (example URLs). */
export interface DocumentContext {
  serverUrl: string;
}

export type ResourceFactory = (ctx: DocumentContext) => ResourceSpec;

const BODY_METHODS: ReadonlySet<HttpMethod> = new Set(["post", "patch", "put"]);

/**
 * Every error an operation can answer with, from its shape: any authenticated call can be refused (401; 403
 * and 404 for its `Paylink-Merchant`), throttled (429) or fail (500); parameters can be wrong (400); a path id
 * can be unknown (404); a POST can collide on its Idempotency-Key (409, 422); a body can be unparseable JSON (400).
 */
export function errorCodesOf(op: OperationSpec, bodySchema?: JsonSchema): ErrorCode[] {
  // A processor's call: its body is only read once its signature holds (401), for a processor we know (404);
  // a body over the API's size limit is refused before it is read.
  if (op.signedBy) return [...new Set<ErrorCode>(["invalid_json", "signature_invalid", "resource_missing", ...(op.errors ?? []), "internal_error"])];
  const codes: ErrorCode[] = [];
  const takesParameters = op.query !== undefined || op.body !== undefined;
  if (takesParameters || op.method === "post") codes.push("parameter_invalid");
  if (bodySchema && Array.isArray(bodySchema.required) && bodySchema.required.length > 0) codes.push("parameter_missing");
  if (takesParameters) codes.push("parameter_unknown");
  if (BODY_METHODS.has(op.method)) codes.push("invalid_json");
  codes.push("api_key_missing", "api_key_invalid");
  // Any authenticated call may act for a connected merchant (`Paylink-Merchant`, see Authentication): 403 for
  // the key of a business that is not a platform, 404 for a merchant not connected to it in the key's mode.
  codes.push("forbidden", "resource_missing");
  if (op.method === "post") codes.push("idempotency_key_in_use", "idempotency_key_reused");
  codes.push(...(op.errors ?? []), "rate_limited", "internal_error");
  return [...new Set(codes)];
}

function queryParameters(query: NonNullable<OperationSpec["query"]>): ParameterObject[] {
  const json = toComponentSchemas({ Query: { schema: query.schema, io: "input" } }).Query!;
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries((json.properties ?? {}) as Record<string, JsonSchema>).map(([name, schema]) => ({
    name,
    in: "query" as const,
    required: required.has(name),
    description: query.descriptions[name] ?? "",
    schema,
  }));
}

/** One operation as OpenAPI writes it; `components` are the schemas already converted (for the body's `required`). */
export function operationObject(op: OperationSpec, tag: string, components: Record<string, JsonSchema>): OperationObject {
  const parameters: (ParameterObject | ReferenceObject)[] = [
    ...Object.entries(op.pathParams ?? {}).map(([name, p]) => ({
      name,
      in: "path" as const,
      required: true,
      description: p.description,
      schema: { type: "string" },
      example: p.example,
    })),
    ...(op.query ? queryParameters(op.query) : []),
    ...(op.signedBy
      ? [{ name: op.signedBy.header, in: "header" as const, required: true, description: op.signedBy.description, schema: { type: "string" }, example: op.signedBy.example }]
      : // Any request may act for a connected merchant (see errorCodesOf): declared on every operation so that
        // generated clients can send it.
        [{ $ref: "#/components/parameters/PaylinkMerchant" }, ...(op.method === "post" ? [{ $ref: "#/components/parameters/IdempotencyKey" }] : [])]),
  ];
  const bodySchema = op.body ? components[op.body.schema] : undefined;
  const codes = errorCodesOf(op, bodySchema);
  const successHeaders: Record<string, ReferenceObject> = { "X-Request-Id": { $ref: "#/components/headers/X-Request-Id" } };
  if (op.method === "post" && !op.signedBy) successHeaders["Idempotent-Replayed"] = { $ref: "#/components/headers/Idempotent-Replayed" };
  const errors = errorResponses(codes);
  return {
    operationId: op.operationId,
    summary: op.summary,
    description: op.description,
    tags: [tag],
    ...(parameters.length ? { parameters } : {}),
    ...(op.signedBy ? { security: [] } : {}),
    ...(op.body
      ? {
          requestBody: {
            // A PATCH of nothing is allowed (it answers the object unchanged).
            required: Array.isArray(bodySchema?.required) && bodySchema.required.length > 0,
            content: { "application/json": { schema: schemaRef(op.body.schema), example: op.body.example } },
          },
        }
      : {}),
    responses: {
      [String(op.response.status)]: {
        description: op.response.description,
        headers: successHeaders,
        content:
          "mediaType" in op.response
            ? { [op.response.mediaType]: { schema: { type: "string", format: "binary" } } }
            : { "application/json": { schema: schemaRef(op.response.schema), example: op.response.example } },
      },
      ...errors,
    },
    "x-error-codes": Object.values(errors).flatMap((r) => Object.keys(r.content?.["application/json"]?.examples ?? {})),
  };
}
