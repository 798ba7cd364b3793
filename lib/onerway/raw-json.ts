// An Onerway request body's top-level fields with the exact text each value was sent as. The signature is over
// the values "as sent" (a number's own digits: `99.990` is not `99.99`), and amounts are read from their decimal
// text, never through a float — JSON.parse keeps neither (Node 20 has no reviver source text).

export type RawValue =
  | { kind: "string"; value: string; text: string }
  | { kind: "number"; text: string }
  | { kind: "boolean"; value: boolean; text: string }
  | { kind: "null"; text: "null" }
  /** An object or array sent as such (not as a JSON string): its text as sent. */
  | { kind: "json"; text: string };

export class RawJsonError extends Error {}

/**
 * Reads a JSON object's top-level members, keeping each value's source text. Throws RawJsonError for anything
 * that is not one well-formed JSON object (the check is JSON.parse's; the scan only locates the members).
 */
export function readRawObject(text: string): Map<string, RawValue> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new RawJsonError("The body is not valid JSON.");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new RawJsonError("The body must be a JSON object.");

  const out = new Map<string, RawValue>();
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  /** The end (exclusive) of the string starting at i (a quote). */
  const stringEnd = (from: number) => {
    let j = from + 1;
    while (text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
    return j + 1;
  };
  /** The end (exclusive) of the value starting at i. */
  const valueEnd = (from: number): number => {
    const c = text[from]!;
    if (c === '"') return stringEnd(from);
    if (c === "{" || c === "[") {
      let depth = 0;
      let j = from;
      for (;;) {
        const d = text[j]!;
        if (d === '"') {
          j = stringEnd(j);
          continue;
        }
        if (d === "{" || d === "[") depth++;
        if (d === "}" || d === "]") depth--;
        j++;
        if (depth === 0) return j;
      }
    }
    let j = from;
    while (j < text.length && !",}] \t\n\r".includes(text[j]!)) j++;
    return j;
  };

  ws();
  i++; // {
  for (;;) {
    ws();
    if (text[i] === "}") break;
    const keyEnd = stringEnd(i);
    const key = JSON.parse(text.slice(i, keyEnd)) as string;
    i = keyEnd;
    ws();
    i++; // :
    ws();
    const end = valueEnd(i);
    const raw = text.slice(i, end);
    i = end;
    // JSON.parse keeps the last of repeated names; a body that says one field twice is refused instead.
    if (out.has(key)) throw new RawJsonError(`The field ${key} appears more than once.`);
    out.set(key, classify(raw));
    ws();
    if (text[i] === ",") i++;
  }
  return out;
}

function classify(raw: string): RawValue {
  const c = raw[0];
  if (c === '"') return { kind: "string", value: JSON.parse(raw) as string, text: raw };
  if (raw === "true" || raw === "false") return { kind: "boolean", value: raw === "true", text: raw };
  if (raw === "null") return { kind: "null", text: "null" };
  if (c === "{" || c === "[") return { kind: "json", text: raw };
  return { kind: "number", text: raw };
}
