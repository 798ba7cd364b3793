import Link from "next/link";

/**
 * Where to go next with a key: the reference, the machine-readable spec, and one request to try. The key is
 * read from an environment variable in the example, so nobody pastes a secret into their shell history.
 */
export function ApiQuickstart({ baseUrl, currency, country }: { baseUrl: string; currency: string; country: string }) {
  const example = [
    `curl ${baseUrl}/api/v1/payment_links \\`,
    `  -H "Authorization: Bearer $PAYLINK_SECRET_KEY" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '{"item_name":"Gift card","amount":2000,"currency":"${currency}","default_country":"${country}"}'`,
  ].join("\n");
  return (
    <section aria-labelledby="api-reference-heading" className="space-y-3">
      <h2 id="api-reference-heading" className="text-lg font-semibold">
        Using the API
      </h2>
      <ul className="list-inside list-disc space-y-1 text-sm text-slate-700">
        <li>
          <Link href="/docs/api" className="text-indigo-700 hover:underline">
            API reference
          </Link>{" "}
          — every endpoint, field and error code.
        </li>
        <li>
          <a href="/api/v1/openapi.json" className="text-indigo-700 hover:underline">
            OpenAPI document
          </a>{" "}
          (<code className="font-mono">/api/v1/openapi.json</code>) — for client generators and API tools.
        </li>
      </ul>
      <p className="text-sm text-slate-700">
        Create a payment link (amounts are in the currency’s minor unit), then <code className="font-mono">GET</code> the
        same URL to list your links:
      </p>
      <pre className="overflow-x-auto rounded-xl bg-slate-900 p-4 text-xs leading-relaxed text-slate-100">
        <code>{example}</code>
      </pre>
    </section>
  );
}
