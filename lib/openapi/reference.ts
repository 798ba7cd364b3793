import { isNullable, SCHEMA_REF_PREFIX, withoutNull } from "./json-schema";
import type { HttpMethod, JsonSchema, OpenApiDocument, OperationObject, ParameterObject, ReferenceObject } from "./types";

// Reads the OpenAPI document into what the reference page shows: field tables, type labels, constraints in
// words, curl examples. Pure, so the page stays a thin rendering of the document and this is unit-tested.

export interface FieldRow {
  name: string;
  type: string;
  required: boolean;
  description: string;
  constraints: string[];
}

export interface OperationView {
  method: HttpMethod;
  path: string;
  operation: OperationObject;
}

export interface TagView {
  name: string;
  slug: string;
  description: string;
  /** The component schema of the resource's object (e.g. PaymentLink). */
  objectSchema?: string;
  operations: OperationView[];
}

export function slugify(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

export function refName(ref: string): string {
  return ref.startsWith(SCHEMA_REF_PREFIX) ? ref.slice(SCHEMA_REF_PREFIX.length) : ref;
}

/** The component a `$ref` points at (only local component refs are written by the builder). */
export function resolveRef<T>(doc: OpenApiDocument, ref: string): T | undefined {
  let node: unknown = doc;
  for (const segment of ref.replace(/^#\//, "").split("/")) {
    const key = segment.replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node as T | undefined;
}

function isReference(value: unknown): value is ReferenceObject {
  return typeof value === "object" && value !== null && "$ref" in value;
}

/** A type a person reads: `integer or null`, `array of string`, `time (ISO 8601)`, `PaymentLink`. */
export function typeLabel(schema: JsonSchema): string {
  if (typeof schema.$ref === "string") return refName(schema.$ref);
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const inner = withoutNull(schema);
  if (inner !== schema) return `${typeLabel(inner)} or null`;
  const variants = (schema.oneOf ?? schema.anyOf) as JsonSchema[] | undefined;
  if (Array.isArray(variants)) return [...new Set(variants.map(typeLabel))].join(" or ");
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((t) => t !== "null").map((t) => typeLabel({ ...schema, type: t }));
    return isNullable(schema) ? `${types.join(" or ")} or null` : types.join(" or ");
  }
  if (schema.type === "array") return `array of ${typeLabel((schema.items ?? {}) as JsonSchema)}`;
  if (schema.type === "object" && typeof schema.additionalProperties === "object" && !schema.properties) {
    return `object of ${typeLabel(schema.additionalProperties as JsonSchema)}`;
  }
  if (schema.format === "date-time") return "time (ISO 8601)";
  if (schema.format === "uri") return "URL";
  return typeof schema.type === "string" ? schema.type : "any";
}

function range(min: unknown, max: unknown, unit: string): string | null {
  if (typeof min === "number" && typeof max === "number") return min === max ? `exactly ${min} ${unit}` : `${min} to ${max} ${unit}`;
  if (typeof min === "number") return `at least ${min} ${unit}`;
  if (typeof max === "number") return `at most ${max} ${unit}`;
  return null;
}

const code = (value: unknown) => `\`${typeof value === "string" ? value : JSON.stringify(value)}\``;

/** The schema's constraints in words, each with `code` spans; nullable and wrapped schemas are read through. */
export function constraintsOf(schema: JsonSchema): string[] {
  const s = withoutNull(schema);
  const out: string[] = [];
  if (s.type === "array") {
    const count = range(s.minItems, s.maxItems, "items");
    if (count) out.push(count);
    if (s.uniqueItems) out.push("no duplicates");
    const items = (s.items ?? {}) as JsonSchema;
    if (Array.isArray(items.enum)) out.push(`each one of ${items.enum.map(code).join(", ")}`);
  }
  if (Array.isArray(s.enum)) out.push(`one of ${s.enum.map(code).join(", ")}`);
  const length = range(s.minLength, s.maxLength, "characters");
  if (length) out.push(length);
  if (typeof s.exclusiveMinimum === "number") out.push(`greater than ${s.exclusiveMinimum}`);
  if (typeof s.minimum === "number") out.push(`at least ${s.minimum}`);
  if (typeof s.maximum === "number") out.push(`at most ${s.maximum}`);
  if (typeof s.pattern === "string") out.push(`matches ${code(s.pattern)}`);
  const keys = range(s.minProperties, s.maxProperties, "keys");
  if (keys) out.push(keys);
  if (s.type === "object" && typeof s.additionalProperties === "object") {
    const names = (s.propertyNames ?? {}) as JsonSchema;
    const keyLength = range(names.minLength, names.maxLength, "characters");
    const valueLength = range((s.additionalProperties as JsonSchema).minLength, (s.additionalProperties as JsonSchema).maxLength, "characters");
    if (keyLength) out.push(`keys ${keyLength}`);
    if (valueLength) out.push(`values ${valueLength}`);
  }
  if (s.default !== undefined) out.push(`default ${code(s.default)}`);
  return out;
}

function discriminator(variant: JsonSchema): { name: string; value: unknown } | undefined {
  for (const [name, prop] of Object.entries((variant.properties ?? {}) as Record<string, JsonSchema>)) {
    if (prop.const !== undefined) return { name, value: prop.const };
  }
  return undefined;
}

/**
 * The rows of a fields table: every property, then the properties of nested objects with dotted names
 * (`custom_amount.minimum`), and for a tagged union (`after_completion`) its tag and each variant's fields.
 */
export function fieldRows(doc: OpenApiDocument, schema: JsonSchema, prefix = ""): FieldRow[] {
  const resolved = typeof schema.$ref === "string" ? (resolveRef<JsonSchema>(doc, schema.$ref) ?? {}) : schema;
  const required = new Set((resolved.required as string[] | undefined) ?? []);
  const rows: FieldRow[] = [];
  for (const [key, prop] of Object.entries((resolved.properties ?? {}) as Record<string, JsonSchema>)) {
    const name = `${prefix}${key}`;
    rows.push({
      name,
      type: typeLabel(prop),
      required: required.has(key),
      description: (prop.description as string | undefined) ?? "",
      constraints: constraintsOf(prop),
    });
    const inner = withoutNull(prop);
    if (inner.type === "object" && inner.properties) rows.push(...fieldRows(doc, inner, `${name}.`));
    const variants = inner.oneOf as JsonSchema[] | undefined;
    if (Array.isArray(variants)) rows.push(...variantRows(doc, variants, `${name}.`));
  }
  return rows;
}

function variantRows(doc: OpenApiDocument, variants: JsonSchema[], prefix: string): FieldRow[] {
  const tags = variants.map(discriminator);
  const tag = tags[0];
  if (!tag || tags.some((t) => t?.name !== tag.name)) return [];
  const rows: FieldRow[] = [
    { name: `${prefix}${tag.name}`, type: "string", required: true, description: "Which variant this is.", constraints: [`one of ${tags.map((t) => code(t!.value)).join(", ")}`] },
  ];
  variants.forEach((variant, i) => {
    const own = { ...variant, properties: Object.fromEntries(Object.entries(variant.properties as Record<string, JsonSchema>).filter(([k]) => k !== tag.name)) };
    for (const row of fieldRows(doc, own, prefix)) {
      rows.push({ ...row, description: `When ${tag.name} is ${code(tags[i]!.value)}: ${row.description}`.replace(/: $/, ".") });
    }
  });
  return rows;
}

/** An operation's parameters with `$ref`s resolved. */
export function parametersOf(doc: OpenApiDocument, operation: OperationObject): ParameterObject[] {
  return (operation.parameters ?? []).flatMap((p) => {
    const param = isReference(p) ? resolveRef<ParameterObject>(doc, p.$ref) : p;
    return param ? [param] : [];
  });
}

/** The operations of each tag, in document order. */
export function tagViews(doc: OpenApiDocument): TagView[] {
  return doc.tags.map((tag) => {
    const operations: OperationView[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item) as [HttpMethod, OperationObject][]) {
        if (operation.tags.includes(tag.name)) operations.push({ method, path, operation });
      }
    }
    return { name: tag.name, slug: slugify(tag.name), description: tag.description ?? "", objectSchema: tag["x-object-schema"], operations };
  });
}

/** The 2xx answer of an operation: its status, schema name and example. */
export function successResponse(operation: OperationObject): { status: string; schemaName?: string; example: unknown; description: string } | undefined {
  const status = Object.keys(operation.responses).find((s) => s.startsWith("2"));
  if (!status) return undefined;
  const response = operation.responses[status]!;
  const media = response.content?.["application/json"];
  const ref = media?.schema.$ref;
  return { status, schemaName: typeof ref === "string" ? refName(ref) : undefined, example: media?.example, description: response.description };
}

/** A curl command for an operation, with the document's example path parameters and body. */
export function curlExample(doc: OpenApiDocument, { method, path, operation }: OperationView): string {
  const server = (doc.servers[0]?.url ?? "").replace(/\/+$/, "");
  const params = parametersOf(doc, operation);
  const url = path.replace(/\{([^}]+)\}/g, (_, name: string) => String(params.find((p) => p.in === "path" && p.name === name)?.example ?? `{${name}}`));
  const lines = [`curl${method === "get" ? "" : ` -X ${method.toUpperCase()}`} ${server}${url}`];
  // An operation that takes no API key (`security: []`, a processor's notification) signs with a header instead.
  if (operation.security?.length !== 0) lines.push(`-H "Authorization: Bearer sk_test_…"`);
  for (const header of params.filter((p) => p.in === "header" && (p.required || p.name === "Idempotency-Key"))) {
    lines.push(`-H "${header.name}: ${String(header.example ?? "…")}"`);
  }
  const body = operation.requestBody?.content["application/json"]?.example;
  if (body !== undefined) {
    lines.push(`-H "Content-Type: application/json"`);
    // Indented JSON inside single quotes: readable, and still one shell word.
    lines.push(`-d '${JSON.stringify(body, null, 2).replace(/\n/g, "\n  ").replace(/'/g, "'\\''")}'`);
  }
  return lines.join(" \\\n  ");
}
