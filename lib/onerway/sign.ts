import { createHash, timingSafeEqual } from "node:crypto";
import type { RawValue } from "./raw-json";

// Onerway's request signature (API.md, "Onerway-compatible endpoints"): every field but `sign`, without nulls
// and empty strings, names sorted in ASCII order, their values only (as sent) concatenated, the secret key
// appended; SHA-256 of the UTF-8 bytes in lower-case hex. Pure.

/** What one field contributes: a string's characters, a number's or boolean's JSON text, an object's JSON text. */
export function signedText(value: RawValue): string | null {
  if (value.kind === "null") return null;
  if (value.kind === "string") return value.value === "" ? null : value.value;
  return value.text;
}

/** The string that is hashed: the values in field-name order, then the key. */
export function signingString(fields: ReadonlyMap<string, RawValue>, secretKey: string): string {
  const names = [...fields.keys()].filter((name) => name !== "sign").sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let out = "";
  for (const name of names) out += signedText(fields.get(name)!) ?? "";
  return out + secretKey;
}

export function sign(fields: ReadonlyMap<string, RawValue>, secretKey: string): string {
  return createHash("sha256").update(signingString(fields, secretKey), "utf8").digest("hex");
}

/** Whether `given` is the signature of `fields` under `secretKey`, compared in constant time. */
export function signatureMatches(fields: ReadonlyMap<string, RawValue>, secretKey: string, given: string): boolean {
  const expected = Buffer.from(sign(fields, secretKey), "utf8");
  const actual = Buffer.from(given.toLowerCase(), "utf8");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
