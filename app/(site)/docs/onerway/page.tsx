import type { Metadata } from "next";
import Link from "next/link";
import { DocsFrame } from "@/components/docs/docs-frame";
import { DocsTable, rowName } from "@/components/docs/docs-table";
import { InlineText } from "@/components/docs/inline-text";
import { CodeSample } from "@/components/docs/onerway/code-sample";
import { GUIDE_SECTIONS, OnerwayContents } from "@/components/docs/onerway/contents";
import { EndpointSection } from "@/components/docs/onerway/endpoint-section";
import { SigningSection } from "@/components/docs/onerway/signing-section";
import { WorkedExample } from "@/components/docs/onerway/worked-example";
import { buildOnerwayOpenApiDocument, ONERWAY_PATHS, ONERWAY_RESP_CODES } from "@/lib/onerway/openapi";
import { EXAMPLE_SERVER_URL } from "@/lib/openapi/document";

// The guide to the Onerway-compatible endpoints (API.md, "Onerway-compatible endpoints"), rendered from the
// same document /docs/onerway/openapi.json serves; its signatures are computed, never typed in. Built once
// per process: it reads no request data and no database.
let built: ReturnType<typeof buildOnerwayOpenApiDocument> | undefined;

export const metadata: Metadata = {
  title: "Onerway-compatible API",
  description: "Onerway's Payment Link endpoints on Paylink: credentials, the request signature, the three endpoints and their response codes.",
};

const code = "rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em] text-slate-800";
const link = "font-medium text-indigo-700 hover:underline";

/** A guide section: its prose, then (full width) a table if it has one. */
function Section({ id, children, after }: { id: (typeof GUIDE_SECTIONS)[number]["id"]; children: React.ReactNode; after?: React.ReactNode }) {
  const title = GUIDE_SECTIONS.find((s) => s.id === id)!.title;
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="mb-12 scroll-mt-6">
      <h2 id={`${id}-title`} className="mb-2 text-2xl font-semibold tracking-tight">
        {title}
      </h2>
      <div className="flex max-w-prose flex-col gap-3 text-slate-700">{children}</div>
      {after ? <div className="mt-4">{after}</div> : null}
    </section>
  );
}

export default function OnerwayReferencePage() {
  const doc = (built ??= buildOnerwayOpenApiDocument({ serverUrl: EXAMPLE_SERVER_URL }));
  const endpoints = Object.values(ONERWAY_PATHS).map((path) => ({ path, operation: doc.paths[path].post }));
  const contents = <OnerwayContents operations={endpoints.map((e) => e.operation)} />;

  return (
    <DocsFrame
      title="Onerway-compatible API"
      contents={contents}
      intro={
        <>
          <p className="mt-2 max-w-prose text-slate-600">
            {doc.info.summary} Examples use <code className="font-mono text-sm">{EXAMPLE_SERVER_URL}</code>: put your Paylink&apos;s address in its
            place.
          </p>
          <p className="mt-2 text-sm">
            <a href="/docs/onerway/openapi.json" className={link}>
              OpenAPI {doc.openapi} document
            </a>{" "}
            <span className="text-slate-500">— load it into your API client or code generator.</span>{" "}
            <Link href="/docs/api" className={link}>
              Paylink API reference
            </Link>
          </p>
        </>
      }
    >
      <Section id="switching">
        <p>
          Paylink serves Onerway&apos;s three Payment Link endpoints with Onerway&apos;s wire format: the same paths, fields, signature and
          answers. A client written against Onerway switches by changing three settings: the base URL (your Paylink&apos;s address), the
          merchant number and the secret key.
        </p>
        <CodeSample label="Endpoints" code={Object.values(ONERWAY_PATHS).map((path) => `POST ${EXAMPLE_SERVER_URL}${path}`).join("\n")} />
        <p>
          The links it creates are ordinary Paylink payment links, paid by card on the hosted checkout: they appear in the dashboard, and
          the <Link href="/docs/api" className={link}>Paylink API</Link> shows their Onerway id as <code className={code}>onerway_id</code>.
        </p>
      </Section>

      <Section id="credentials">
        <p>
          Each merchant has one <strong>merchant number</strong> (<code className={code}>merchantNo</code>, digits) and one{" "}
          <strong>secret key</strong> per mode. In the dashboard, open <strong>Developers → Onerway-compatible API</strong>: the secret key
          is shown once, when it is made; making a new one replaces the old at once.
        </p>
        <p>Operators can make one from the command line, for a merchant id or its owner&apos;s email address:</p>
        <CodeSample
          label="Shell"
          code={[
            "npm run --silent admin -- create-onerway-credentials --merchant <mch_…|owner email> --mode test|live",
            '# {"merchant_no": "800209", "secret_key": "…", "livemode": false}',
          ].join("\n")}
        />
        <p>
          <strong>The secret key decides the mode.</strong> The merchant number is the same in both: a request signed with the test key
          works on test-mode links, one signed with the live key on live links.
        </p>
      </Section>

      <SigningSection />

      <Section
        id="responses"
        after={
          <DocsTable caption="Response codes" columns={["respCode", "respMsg", "When"]}>
            {ONERWAY_RESP_CODES.map((entry) => (
              <tr key={entry.code} id={`resp-${entry.code}`}>
                <th scope="row" className={rowName}>
                  {entry.code}
                </th>
                <td className="px-3 py-2 font-mono text-xs text-slate-700">{entry.message}</td>
                <td className="px-3 py-2 text-slate-700">
                  <InlineText text={entry.when} />
                </td>
              </tr>
            ))}
          </DocsTable>
        }
      >
        <p>
          <InlineText
            text={'Every answer is HTTP 200 with a JSON body `{"respCode": "…", "respMsg": "…", "data": …}`: read `respCode`, not the HTTP status. `20000` is success; on any other code `data` is null.'}
          />
        </p>
      </Section>

      <section id="endpoints" aria-labelledby="endpoints-title" className="mb-12 scroll-mt-6">
        <h2 id="endpoints-title" className="text-2xl font-semibold tracking-tight">
          Endpoints
        </h2>
        <p className="mt-2 mb-6 max-w-prose text-slate-700">
          <InlineText text="Each takes a signed JSON body by POST. The request examples carry their real signature under the demo key." />
        </p>
        <div className="flex flex-col gap-10">
          {endpoints.map(({ path, operation }) => (
            <EndpointSection key={path} doc={doc} path={path} operation={operation} />
          ))}
        </div>
      </section>

      <WorkedExample serverUrl={EXAMPLE_SERVER_URL} />
    </DocsFrame>
  );
}
