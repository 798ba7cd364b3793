import { z } from "zod";
import { countryCodeSchema, currencyCodeSchema, webUrlSchema, metadataSchema, paymentMethodsSchema } from "@/lib/links/schemas";
import type { JsonSchema } from "./types";

// zod → JSON Schema 2020-12 (what OpenAPI 3.1 speaks), with the few things zod cannot see added back.

/** A named component schema: `input` for what clients send (requests), `output` for what the API answers. */
export interface SchemaEntry {
  schema: z.ZodType;
  io: "input" | "output";
}

export const SCHEMA_REF_PREFIX = "#/components/schemas/";

export function schemaRef(name: string): JsonSchema {
  return { $ref: `${SCHEMA_REF_PREFIX}${name}` };
}

// Refinements are code, so JSON Schema only sees `type: string` for these; say in the document what they check.
// Keyed by the shared schema instances of lib/links/schemas.ts, so every resource that reuses one gets it.
const REFINED: ReadonlyMap<unknown, JsonSchema> = new Map<unknown, JsonSchema>([
  [currencyCodeSchema, { pattern: "^[A-Z]{3}$", description: "Upper-case ISO 4217 currency code, such as USD." }],
  [countryCodeSchema, { pattern: "^[A-Z]{2}$", description: "Upper-case ISO 3166-1 alpha-2 country code, such as US." }],
  [webUrlSchema, { format: "uri" }],
  [paymentMethodsSchema, { uniqueItems: true }],
  [metadataSchema, { maxProperties: 20 }],
]);

const SAFE_INTEGER_BOUNDS = new Set([Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]);

/** Noise zod adds that helps no reader: per-schema `$schema`/`$id`, the safe-integer bounds of `.int()`, the
 *  long regex that spells out `format: date-time`. */
function tidy(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(tidy);
  if (node === null || typeof node !== "object") return;
  const schema = node as JsonSchema;
  if (schema.format === "date-time") delete schema.pattern;
  for (const bound of ["minimum", "maximum"]) {
    if (SAFE_INTEGER_BOUNDS.has(schema[bound] as number)) delete schema[bound];
  }
  Object.values(schema).forEach(tidy);
}

/** Responses may gain fields (the contract allows additions), so clients must not reject unknown ones. */
function openObjects(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(openObjects);
  if (node === null || typeof node !== "object") return;
  const schema = node as JsonSchema;
  if (schema.type === "object" && schema.additionalProperties === false) delete schema.additionalProperties;
  Object.values(schema).forEach(openObjects);
}

function convert(entries: [string, SchemaEntry][], io: "input" | "output"): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [name, entry] of entries) registry.add(entry.schema, { id: name });
  const { schemas } = z.toJSONSchema(registry, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
    uri: (id) => `${SCHEMA_REF_PREFIX}${id}`,
    override: ({ zodSchema, jsonSchema }) => {
      // What zod already wrote (a `.meta()` description) wins over these defaults.
      for (const [keyword, value] of Object.entries(REFINED.get(zodSchema) ?? {})) jsonSchema[keyword] ??= value;
    },
  });
  const out: Record<string, JsonSchema> = {};
  for (const [name] of entries) {
    const schema = { ...(schemas[name] as JsonSchema) };
    delete schema.$schema;
    delete schema.$id;
    tidy(schema);
    if (io === "output") openObjects(schema);
    out[name] = schema;
  }
  return out;
}

/**
 * The component schemas, named, with `$ref`s between them (a list's items point at the object). Request and
 * response schemas are converted apart because zod describes either side of a schema, not both at once.
 */
export function toComponentSchemas(entries: Record<string, SchemaEntry>): Record<string, JsonSchema> {
  const all = Object.entries(entries);
  const converted = {
    ...convert(all.filter(([, e]) => e.io === "input"), "input"),
    ...convert(all.filter(([, e]) => e.io === "output"), "output"),
  };
  // Keep the caller's order: the reference page lists schemas as declared.
  return Object.fromEntries(all.map(([name]) => [name, converted[name]!]));
}

/** A property's schema without the `null` branch zod writes for `.nullable()` (`anyOf: [X, {type: "null"}]`). */
export function withoutNull(schema: JsonSchema): JsonSchema {
  const branches = schema.anyOf as JsonSchema[] | undefined;
  if (Array.isArray(branches)) {
    const rest = branches.filter((b) => b.type !== "null");
    if (rest.length === 1) return rest[0]!;
  }
  return schema;
}

/** Whether a schema admits `null` (zod writes it as an anyOf branch or a type list). */
export function isNullable(schema: JsonSchema): boolean {
  if (Array.isArray(schema.type)) return schema.type.includes("null");
  return Array.isArray(schema.anyOf) && (schema.anyOf as JsonSchema[]).some((b) => b.type === "null");
}

/**
 * Gives a request schema's properties the description of the same-named property in a response schema when
 * they have none (the field means the same thing both ways), then appends request-only notes (defaults,
 * merge rules). One description per field, written in the object schema.
 */
export function describeProperties(target: JsonSchema, source: JsonSchema | undefined, notes: Record<string, string> = {}): void {
  const props = target.properties as Record<string, JsonSchema> | undefined;
  if (!props) return;
  const sourceProps = (source?.properties ?? {}) as Record<string, JsonSchema>;
  for (const [name, prop] of Object.entries(props)) {
    const from = sourceProps[name];
    if (!prop.description && from?.description) prop.description = from.description;
    const note = notes[name];
    if (note) prop.description = prop.description ? `${prop.description} ${note}` : note;
    if (from) {
      const inner = withoutNull(prop);
      const sourceInner = withoutNull(from);
      if (inner.properties) describeProperties(inner, sourceInner);
      for (const variant of (inner.oneOf ?? []) as JsonSchema[]) describeProperties(variant, sameVariant(variant, sourceInner));
    }
  }
}

function constants(schema: JsonSchema): string {
  return Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)
    .filter(([, p]) => p.const !== undefined)
    .map(([k, p]) => `${k}=${JSON.stringify(p.const)}`)
    .join("&");
}

/** The branch of a tagged union (`oneOf`) with the same tag value, e.g. the `type: "redirect"` variant. */
function sameVariant(variant: JsonSchema, union: JsonSchema): JsonSchema | undefined {
  const tag = constants(variant);
  return tag ? ((union.oneOf ?? []) as JsonSchema[]).find((v) => constants(v) === tag) : undefined;
}
