import { constraintsOf, typeLabel, type FieldRow } from "@/lib/openapi/reference";
import type { JsonSchema } from "@/lib/openapi/types";

/** The rows of the reference's FieldTable for one object schema of the Onerway document (no nesting there). */
export function schemaRows(schema: JsonSchema | undefined): FieldRow[] {
  const required = new Set((schema?.required as string[] | undefined) ?? []);
  return Object.entries((schema?.properties ?? {}) as Record<string, JsonSchema>).map(([name, prop]) => ({
    name,
    type: typeLabel(prop),
    required: required.has(name),
    description: typeof prop.description === "string" ? prop.description : "",
    constraints: constraintsOf(prop),
  }));
}
