// The parts of OpenAPI 3.1 this project writes, typed by hand (no dependency for a handful of interfaces).
// Schema objects are JSON Schema 2020-12, as zod emits them.

export type JsonSchema = { [keyword: string]: unknown };

export type HttpMethod = "get" | "post" | "patch" | "put" | "delete";

export interface ParameterObject {
  name: string;
  in: "path" | "query" | "header";
  required?: boolean;
  description?: string;
  schema: JsonSchema;
  example?: unknown;
}

export interface HeaderObject {
  description?: string;
  required?: boolean;
  schema: JsonSchema;
}

export interface ReferenceObject {
  $ref: string;
}

export interface MediaTypeObject {
  schema: JsonSchema;
  example?: unknown;
  examples?: Record<string, { summary?: string; value: unknown }>;
}

export interface ResponseObject {
  description: string;
  headers?: Record<string, HeaderObject | ReferenceObject>;
  content?: Record<string, MediaTypeObject>;
}

export interface RequestBodyObject {
  description?: string;
  required?: boolean;
  content: Record<string, MediaTypeObject>;
}

export interface OperationObject {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  parameters?: (ParameterObject | ReferenceObject)[];
  /** Only where it differs from the document's (the API key): `[]` for a route that takes no key. */
  security?: Record<string, string[]>[];
  requestBody?: RequestBodyObject;
  responses: Record<string, ResponseObject>;
  /** The error codes this operation can answer with, in status order (also the examples of its error responses). */
  "x-error-codes": string[];
}

export type PathItemObject = Partial<Record<HttpMethod, OperationObject>>;

export interface TagObject {
  name: string;
  description?: string;
  /** The component schema of the object this tag's operations answer with, shown first by the reference. */
  "x-object-schema"?: string;
}

/** One section of the API's conventions (money, ids, idempotency…), rendered by the reference page. */
export interface Convention {
  id: string;
  title: string;
  /** Paragraphs; `code` spans in backticks. */
  paragraphs: string[];
  /** A shell or JSON snippet shown under the text. */
  example?: string;
}

export interface ErrorCodeEntry {
  code: string;
  status: number;
  type: string;
  description: string;
}

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; summary?: string; description?: string };
  servers: { url: string; description?: string }[];
  security: Record<string, string[]>[];
  tags: TagObject[];
  paths: Record<string, PathItemObject>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, { type: "http"; scheme: "bearer"; description?: string }>;
    parameters: Record<string, ParameterObject>;
    headers: Record<string, HeaderObject>;
  };
  "x-conventions": Convention[];
  "x-error-codes": ErrorCodeEntry[];
}
