import {
  constraintsOf,
  curlExample,
  fieldRows,
  parametersOf,
  resolveRef,
  successResponse,
  typeLabel,
  type FieldRow,
  type OperationView,
} from "@/lib/openapi/reference";
import type { JsonSchema, OpenApiDocument } from "@/lib/openapi/types";
import { CodeBlock } from "./code-block";
import { FieldTable } from "./field-table";
import { InlineText } from "./inline-text";
import { MethodBadge } from "./method-badge";

function SubHeading({ children }: { children: React.ReactNode }) {
  return <h4 className="mb-2 mt-6 text-sm font-semibold text-slate-900">{children}</h4>;
}

/** One endpoint: what it does, its parameters and body, what it answers, and how it fails. */
export function OperationSection({ doc, view }: { doc: OpenApiDocument; view: OperationView }) {
  const { method, path, operation } = view;
  const id = operation.operationId;
  const parameters: FieldRow[] = parametersOf(doc, operation).map((p) => ({
    name: p.name,
    type: `${typeLabel(p.schema)}, in ${p.in}`,
    required: p.required ?? false,
    description: p.description ?? "",
    constraints: constraintsOf(p.schema),
  }));
  const body = operation.requestBody?.content["application/json"];
  const bodySchema = body && typeof body.schema.$ref === "string" ? resolveRef<JsonSchema>(doc, body.schema.$ref) : body?.schema;
  const success = successResponse(operation);
  const statusOf = new Map(doc["x-error-codes"].map((e) => [e.code, e.status]));

  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-6 border-t border-slate-200 pt-8">
      <h3 id={`${id}-title`} className="text-lg font-semibold tracking-tight">
        {operation.summary}
      </h3>
      <p className="mt-1 font-mono text-sm text-slate-800">
        <MethodBadge method={method} /> {path}
      </p>
      <p className="mt-3 max-w-prose text-slate-700">
        <InlineText text={operation.description} />
      </p>

      <div className="mt-2 grid gap-x-8 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0">
          {parameters.length ? (
            <>
              <SubHeading>Parameters</SubHeading>
              <FieldTable caption={`Parameters of ${operation.summary}`} rows={parameters} />
            </>
          ) : null}
          {bodySchema ? (
            <>
              <SubHeading>Request body</SubHeading>
              {typeof bodySchema.description === "string" ? (
                <p className="mb-2 text-sm text-slate-700">
                  <InlineText text={bodySchema.description} />
                </p>
              ) : null}
              <FieldTable caption={`Request body of ${operation.summary}`} rows={fieldRows(doc, bodySchema)} />
            </>
          ) : null}
          {success ? (
            <>
              <SubHeading>Response</SubHeading>
              <p className="text-sm text-slate-700">
                <span className="font-mono">{success.status}</span> — {success.description}{" "}
                {success.schemaName ? (
                  <>
                    A <a className="font-mono text-indigo-700 hover:underline" href={`#schema-${success.schemaName}`}>{success.schemaName}</a>.
                  </>
                ) : null}
              </p>
            </>
          ) : null}
          <SubHeading>Errors</SubHeading>
          <ul className="flex flex-wrap gap-2 text-xs" aria-label={`Error codes of ${operation.summary}`}>
            {operation["x-error-codes"].map((code) => (
              <li key={code}>
                <a href={`#error-${code}`} className="inline-flex gap-1 rounded border border-slate-200 bg-white px-1.5 py-0.5 font-mono hover:border-indigo-300">
                  <span className="text-slate-500">{statusOf.get(code)}</span>
                  <span className="text-slate-900">{code}</span>
                </a>
              </li>
            ))}
          </ul>
        </div>
        <div className="mt-6 flex min-w-0 flex-col gap-4">
          <CodeBlock label="Request" code={curlExample(doc, view)} />
          {success?.example !== undefined ? <CodeBlock label={`Response ${success.status}`} code={JSON.stringify(success.example, null, 2)} /> : null}
        </div>
      </div>
    </section>
  );
}
