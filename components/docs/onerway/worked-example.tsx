import { InlineText } from "@/components/docs/inline-text";
import { ONERWAY_DEMO_MERCHANT_NO, ONERWAY_DEMO_SECRET_KEY, ONERWAY_EXAMPLE_FIELDS, ONERWAY_PATHS, signedExample } from "@/lib/onerway/openapi";
import { readRawObject } from "@/lib/onerway/raw-json";
import { signingString } from "@/lib/onerway/sign";
import { CodeSample } from "./code-sample";

// The add request end to end, in a shell and in TypeScript. The signature shown is computed here, by the
// endpoints' own signing code, from the very body the snippets send.

const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

export function curlExample(serverUrl: string): string {
  const fields = ONERWAY_EXAMPLE_FIELDS.add;
  const body = signedExample(fields);
  return [
    "# 1. The signing string: the values in ASCII order of their names, then the secret key (here the demo key).",
    `printf '%s' ${shellQuote(signingString(readRawObject(JSON.stringify(fields)), ONERWAY_DEMO_SECRET_KEY))} | sha256sum`,
    `# ${body.sign}  -`,
    "",
    "# 2. The body with that sign, sent as is.",
    `curl -X POST ${serverUrl}${ONERWAY_PATHS.add} \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d ${shellQuote(JSON.stringify(body))}`,
  ].join("\n");
}

export function typescriptExample(serverUrl: string): string {
  const fields = ONERWAY_EXAMPLE_FIELDS.add;
  const fieldLines = Object.entries(fields).map(([name, value]) => `  ${name}: ${name === "merchantNo" ? "MERCHANT_NO" : JSON.stringify(value)},`);
  return `import { createHash } from "node:crypto";

// Example values: use your Paylink's address, your merchant number and your own secret key.
const BASE_URL = ${JSON.stringify(serverUrl)};
const MERCHANT_NO = ${JSON.stringify(ONERWAY_DEMO_MERCHANT_NO)};
const SECRET_KEY = ${JSON.stringify(ONERWAY_DEMO_SECRET_KEY)};

/** Onerway's sign: the values of every field but sign, in ASCII order of their names, then the key. */
function sign(fields: Record<string, unknown>, secretKey: string): string {
  const text = Object.keys(fields)
    .filter((name) => name !== "sign" && fields[name] !== null && fields[name] !== undefined && fields[name] !== "")
    .sort() // code-unit order: ASCII order for ASCII names
    .map((name) => {
      const value = fields[name];
      // A string's characters; a number, boolean or object as the JSON text JSON.stringify sends below.
      return typeof value === "string" ? value : JSON.stringify(value);
    })
    .join("");
  return createHash("sha256").update(text + secretKey, "utf8").digest("hex");
}

const fields = {
${fieldLines.join("\n")}
};

// With these example values and the demo key, sign(fields, SECRET_KEY) is
// "${signedExample(fields).sign}".
const response = await fetch(\`\${BASE_URL}${ONERWAY_PATHS.add}\`, {
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify({ ...fields, sign: sign(fields, SECRET_KEY) }),
});
const answer = (await response.json()) as {
  respCode: string;
  respMsg: string;
  data: { id: string; linkUrl: string } | null;
};
// Always HTTP 200: the outcome is respCode.
if (answer.respCode !== "20000" || !answer.data) throw new Error(\`\${answer.respCode} \${answer.respMsg}\`);
console.log(answer.data.id, answer.data.linkUrl);
`;
}

export function WorkedExample({ serverUrl }: { serverUrl: string }) {
  return (
    <section id="worked-example" aria-labelledby="worked-example-title" className="mb-12 scroll-mt-6">
      <h2 id="worked-example-title" className="mb-2 text-2xl font-semibold tracking-tight">
        Worked example
      </h2>
      <p className="mb-4 max-w-prose text-slate-700">
        <InlineText
          text={`Creating the example link, signed with the demo merchant number \`${ONERWAY_DEMO_MERCHANT_NO}\` and the demo secret key \`${ONERWAY_DEMO_SECRET_KEY}\`. They are examples only, known to no Paylink: put your own in their place. The signature shown is the real one of this body under the demo key.`}
        />
      </p>
      <div className="flex flex-col gap-6">
        <CodeSample label="curl" code={curlExample(serverUrl)} />
        <CodeSample label="TypeScript (an ES module, Node.js 20+)" code={typescriptExample(serverUrl)} />
      </div>
    </section>
  );
}
