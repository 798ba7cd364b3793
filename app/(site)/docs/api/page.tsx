import type { Metadata } from "next";
import Link from "next/link";
import { DocsFrame } from "@/components/docs/docs-frame";
import { CodeBlock } from "@/components/docs/code-block";
import { ErrorCodesTable } from "@/components/docs/error-codes-table";
import { InlineText } from "@/components/docs/inline-text";
import { OperationSection } from "@/components/docs/operation-section";
import { SchemaSection } from "@/components/docs/schema-section";
import { TableOfContents } from "@/components/docs/table-of-contents";
import { buildOpenApiDocument, EXAMPLE_SERVER_URL } from "@/lib/openapi/document";
import { successResponse, tagViews } from "@/lib/openapi/reference";

// The API reference, rendered from the same OpenAPI document /api/v1/openapi.json serves. The page is
// rendered per request like every page (its scripts carry the response's CSP nonce), but the document, which
// reads no request data and no database, is built once per process.
let built: ReturnType<typeof buildOpenApiDocument> | undefined;

export const metadata: Metadata = {
  title: "API reference",
  description: "The Paylink HTTP API, version 1: payment links, authentication, money, errors, idempotency and pagination.",
};

export default function ApiReferencePage() {
  const doc = (built ??= buildOpenApiDocument({ serverUrl: EXAMPLE_SERVER_URL }));
  const tags = tagViews(doc);
  const conventions = doc["x-conventions"];

  return (
    <DocsFrame
      title="API reference"
      contents={<TableOfContents conventions={conventions} tags={tags} />}
      intro={
        <>
          <p className="mt-2 max-w-prose text-slate-600">
            {doc.info.summary} Version {doc.info.version}. Examples use <code className="font-mono text-sm">{EXAMPLE_SERVER_URL}</code>: put
            your Paylink&apos;s address in its place.
          </p>
          <p className="mt-2 text-sm">
            <a href="/api/v1/openapi.json" className="font-medium text-indigo-700 hover:underline">
              OpenAPI {doc.openapi} document
            </a>{" "}
            <span className="text-slate-500">— load it into your API client or code generator.</span>
          </p>
          <p className="mt-1 text-sm"><Link href="/docs/onerway" className="font-medium text-indigo-700 hover:underline">Onerway-compatible API</Link> <span className="text-slate-500">— for clients written against Onerway&apos;s Payment Link API.</span></p>
        </>
      }
    >
      <section aria-labelledby="conventions-title" className="mb-12">
        <h2 id="conventions-title" className="mb-4 text-2xl font-semibold tracking-tight">
          Conventions
        </h2>
        <div className="flex flex-col gap-8">
          {conventions.map((c) => (
            <section key={c.id} id={c.id} aria-labelledby={`${c.id}-title`} className="scroll-mt-6">
              <h3 id={`${c.id}-title`} className="text-lg font-semibold tracking-tight">
                {c.title}
              </h3>
              <div className="mt-2 grid gap-4 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] xl:gap-8">
                <div className="flex max-w-prose flex-col gap-2 text-slate-700">
                  {c.paragraphs.map((p) => (
                    <p key={p}>
                      <InlineText text={p} />
                    </p>
                  ))}
                </div>
                {c.example ? <CodeBlock label="Example" code={c.example} /> : null}
              </div>
            </section>
          ))}
          <section id="error-codes" aria-labelledby="error-codes-title" className="scroll-mt-6">
            <h3 id="error-codes-title" className="mb-3 text-lg font-semibold tracking-tight">
              Error codes
            </h3>
            <ErrorCodesTable codes={doc["x-error-codes"]} />
          </section>
        </div>
      </section>

      {tags.map((tag) => {
        const objectExample = tag.operations.map((o) => successResponse(o.operation)).find((r) => r?.schemaName === tag.objectSchema)?.example;
        return (
          <section key={tag.slug} id={tag.slug} aria-labelledby={`${tag.slug}-title`} className="mb-12 scroll-mt-6">
            <h2 id={`${tag.slug}-title`} className="text-2xl font-semibold tracking-tight">
              {tag.name}
            </h2>
            <p className="mt-2 mb-6 max-w-prose text-slate-700">
              <InlineText text={tag.description} />
            </p>
            <div className="flex flex-col gap-10">
              {tag.objectSchema ? <SchemaSection doc={doc} name={tag.objectSchema} example={objectExample} /> : null}
              {tag.operations.map((view) => (
                <OperationSection key={view.operation.operationId} doc={doc} view={view} />
              ))}
            </div>
          </section>
        );
      })}
    </DocsFrame>
  );
}
