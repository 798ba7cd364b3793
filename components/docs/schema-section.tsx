import { fieldRows } from "@/lib/openapi/reference";
import type { OpenApiDocument } from "@/lib/openapi/types";
import { CodeBlock } from "./code-block";
import { FieldTable } from "./field-table";
import { InlineText } from "./inline-text";

/** A resource's object: every field the API answers with, and an example. */
export function SchemaSection({ doc, name, example }: { doc: OpenApiDocument; name: string; example?: unknown }) {
  const schema = doc.components.schemas[name];
  if (!schema) return null;
  return (
    <section id={`schema-${name}`} aria-labelledby={`schema-${name}-title`} className="scroll-mt-6 border-t border-slate-200 pt-8">
      <h3 id={`schema-${name}-title`} className="text-lg font-semibold tracking-tight">
        The <span className="font-mono">{name}</span> object
      </h3>
      {typeof schema.description === "string" ? (
        <p className="mt-1 text-slate-700">
          <InlineText text={schema.description} />
        </p>
      ) : null}
      <div className="mt-4 grid gap-8 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0">
          <FieldTable caption={`Fields of the ${name} object`} rows={fieldRows(doc, schema)} showRequired={false} />
        </div>
        {example !== undefined ? <CodeBlock label={`Example ${name}`} code={JSON.stringify(example, null, 2)} /> : null}
      </div>
    </section>
  );
}
