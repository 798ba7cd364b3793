import { DocsTable, rowName } from "@/components/docs/docs-table";
import { InlineText } from "@/components/docs/inline-text";
import { ONERWAY_DEMO_SECRET_KEY, ONERWAY_EXAMPLE_FIELDS } from "@/lib/onerway/openapi";
import { readRawObject } from "@/lib/onerway/raw-json";
import { sign, signedText, signingString } from "@/lib/onerway/sign";
import { CodeSample } from "./code-sample";

// The signing rule, step by step, with every intermediate value computed by lib/onerway/sign.ts: the same code
// that checks the requests, so the page cannot drift from what the endpoints accept.

/** A field as it appears in a body, and what it adds to the signing string. */
const EDGE_CASES: { member: string; why: string }[] = [
  { member: '"sign":"9f2c…"', why: "`sign` never signs itself." },
  { member: '"description":null', why: "Null values are dropped." },
  { member: '"linkName":""', why: "Empty strings are dropped." },
  { member: '"amount":99.90', why: "A number as the JSON text you send: `99.90` is not `99.9`." },
  { member: '"size":10', why: "An integer as its JSON text." },
  { member: '"collectEmail":true', why: "A boolean as its JSON text." },
  { member: '"object":"{\\"k\\":\\"v\\"}"', why: "A nested object sent as a JSON string, as Onerway asks: the string's characters." },
  { member: '"object":{"k": "v"}', why: "A nested object sent as an object: its JSON text exactly as sent, spaces included." },
];

function contribution(member: string): string | null {
  const [name, value] = [...readRawObject(`{${member}}`)][0]!;
  return name === "sign" ? null : signedText(value);
}

const code = "rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em] text-slate-800 break-all";

export function SigningSection() {
  const body = JSON.stringify(ONERWAY_EXAMPLE_FIELDS.add);
  const fields = readRawObject(body);
  const unsigned = [...fields.keys()].filter((name) => name !== "sign");
  const kept = unsigned.filter((name) => signedText(fields.get(name)!) !== null);
  const contract = readRawObject('{"b":"test3","a":"0","c":"value"}');
  const order = readRawObject('{"b":"3","a1":"2","B":"1"}');

  const steps: { rule: string; result: string }[] = [
    { rule: "Take every field of the request body except `sign`.", result: unsigned.join(", ") },
    { rule: "Drop the fields whose value is `null` or the empty string `\"\"` (this body has none).", result: kept.join(", ") },
    { rule: "Sort the field names in ASCII order: byte by byte, digits before upper-case letters before lower-case ones.", result: [...kept].sort().join(", ") },
    { rule: "Concatenate their values only, in that order: no names, no separators, each value as sent (see below).", result: signingString(fields, "") },
    { rule: "Append your secret key (here the demo key).", result: signingString(fields, ONERWAY_DEMO_SECRET_KEY) },
    { rule: "Take the SHA-256 of the UTF-8 bytes, as lower-case hex: that is `sign`.", result: sign(fields, ONERWAY_DEMO_SECRET_KEY) },
  ];

  return (
    <section id="signing" aria-labelledby="signing-title" className="mb-12 scroll-mt-6">
      <h2 id="signing-title" className="mb-2 text-2xl font-semibold tracking-tight">
        Signing requests
      </h2>
      <p className="max-w-prose text-slate-700">
        Every request carries a <code className={code}>sign</code> field computed over its other fields and your secret key. The key itself is
        never sent. The steps below sign the <a href="#addPaymentLink" className="font-medium text-indigo-700 hover:underline">add</a> example body
        under the demo key <code className={code}>{ONERWAY_DEMO_SECRET_KEY}</code>.
      </p>
      <div className="mt-4 grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] xl:gap-8">
        <ol className="flex min-w-0 list-decimal flex-col gap-3 pl-6 text-slate-700">
          {steps.map((step) => (
            <li key={step.rule}>
              <InlineText text={step.rule} />
              <p className="mt-1 text-sm">
                <code className={code}>{step.result}</code>
              </p>
            </li>
          ))}
        </ol>
        <CodeSample label="The example body" code={JSON.stringify(ONERWAY_EXAMPLE_FIELDS.add, null, 2)} />
      </div>

      <h3 id="signing-contract-example" className="mb-2 mt-8 text-lg font-semibold tracking-tight">
        The rule in one line
      </h3>
      <p className="max-w-prose text-slate-700">
        Fields <code className={code}>{'{"b":"test3","a":"0","c":"value"}'}</code> and key <code className={code}>K</code> sign{" "}
        <code className={code}>sha256(&quot;{signingString(contract, "K")}&quot;)</code> ={" "}
        <code className={code}>{sign(contract, "K")}</code>.
      </p>

      <h3 id="signing-edge-cases" className="mb-2 mt-8 text-lg font-semibold tracking-tight">
        What each value adds
      </h3>
      <p className="mb-3 max-w-prose text-slate-700">
        Values are signed as they are in the body you send, so sign the same text you serialize. Names sort by their bytes, not
        alphabetically: <code className={code}>{'{"b":"3","a1":"2","B":"1"}'}</code> concatenates <code className={code}>{signingString(order, "")}</code>{" "}
        (<code className={code}>B</code>, <code className={code}>a1</code>, <code className={code}>b</code>).
      </p>
      <DocsTable caption="What each kind of value adds to the signing string" columns={["Field as sent", "Adds", "Why"]}>
        {EDGE_CASES.map(({ member, why }) => {
          const adds = contribution(member);
          return (
            <tr key={member}>
              <th scope="row" className={rowName}>
                {member}
              </th>
              <td className="whitespace-nowrap px-3 py-2 font-mono text-xs text-slate-900">{adds ?? <span className="font-sans text-slate-600">nothing</span>}</td>
              <td className="px-3 py-2 text-slate-700">
                <InlineText text={why} />
              </td>
            </tr>
          );
        })}
      </DocsTable>
    </section>
  );
}
