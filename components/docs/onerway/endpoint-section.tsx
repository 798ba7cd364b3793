import { FieldTable } from "@/components/docs/field-table";
import { InlineText } from "@/components/docs/inline-text";
import { MethodBadge } from "@/components/docs/method-badge";
import type { OnerwayOpenApiDocument, OnerwayOperation } from "@/lib/onerway/openapi";
import { ONERWAY_DEMO_SECRET_KEY } from "@/lib/onerway/openapi";
import { CodeSample } from "./code-sample";
import { schemaRows } from "./schema-rows";

function SubHeading({ children }: { children: React.ReactNode }) {
  return <h4 className="mb-2 mt-6 text-sm font-semibold text-slate-900">{children}</h4>;
}

/** The component schemas `data` is made of on success: [title, schema name] in the order shown. */
const DATA_SCHEMAS: Record<string, [string, string][]> = {
  addPaymentLink: [["data", "AddData"]],
  listPaymentLinks: [
    ["data", "ListData"],
    ["Each of data.records", "PaymentLinkRecord"],
  ],
  updatePaymentLinkStatus: [],
};

/** One endpoint: its request fields, what `data` holds on success, its codes, and signed examples. */
export function EndpointSection({ doc, path, operation }: { doc: OnerwayOpenApiDocument; path: string; operation: OnerwayOperation }) {
  const id = operation.operationId;
  const request = operation.requestBody.content["application/json"];
  const requestName = String(request.schema.$ref).split("/").pop()!;
  const requestExample = Object.values(request.examples ?? {})[0]?.value;
  const success = operation.responses["200"].content["application/json"].examples?.success?.value;
  const schemas: Record<string, Parameters<typeof schemaRows>[0]> = doc.components.schemas;

  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-6 border-t border-slate-200 pt-8">
      <h3 id={`${id}-title`} className="text-lg font-semibold tracking-tight">
        {operation.summary}
      </h3>
      <p className="mt-1 font-mono text-sm text-slate-800">
        <MethodBadge method="post" /> {path}
      </p>
      <p className="mt-3 max-w-prose text-slate-700">
        <InlineText text={operation.description} />
      </p>

      <div className="mt-2 grid gap-x-8 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0">
          <SubHeading>Request body</SubHeading>
          <p className="mb-2 text-sm text-slate-700">
            <InlineText text="JSON, with every field but `sign` signed (see Signing requests)." />
          </p>
          <FieldTable caption={`Request body of ${operation.summary}`} rows={schemaRows(schemas[requestName])} />

          <SubHeading>Response</SubHeading>
          {DATA_SCHEMAS[id]?.length ? (
            DATA_SCHEMAS[id].map(([title, name]) => (
              <div key={name} className="mb-4">
                <p className="mb-2 text-sm text-slate-700">
                  <span className="font-mono">{title}</span> on <span className="font-mono">20000</span>:
                </p>
                <FieldTable caption={`${title}, ${operation.summary}`} rows={schemaRows(schemas[name])} showRequired={false} />
              </div>
            ))
          ) : (
            <p className="text-sm text-slate-700">
              <span className="font-mono">data</span> is always <span className="font-mono">null</span>: <span className="font-mono">respCode</span>{" "}
              says whether it worked.
            </p>
          )}

          <SubHeading>Response codes</SubHeading>
          <ul className="flex flex-wrap gap-2 text-xs" aria-label={`Response codes of ${operation.summary}`}>
            {operation["x-resp-codes"].map((code) => (
              <li key={code}>
                <a href={`#resp-${code}`} className="inline-block rounded border border-slate-200 bg-white px-1.5 py-0.5 font-mono text-slate-900 hover:border-indigo-300">
                  {code}
                </a>
              </li>
            ))}
          </ul>
        </div>
        <div className="mt-6 flex min-w-0 flex-col gap-4">
          <CodeSample label={`Request, signed with ${ONERWAY_DEMO_SECRET_KEY}`} code={JSON.stringify(requestExample, null, 2)} />
          <CodeSample label="Response 200" code={JSON.stringify(success, null, 2)} />
        </div>
      </div>
    </section>
  );
}
