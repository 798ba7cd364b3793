import { isCurrencyCode, type CurrencyCode } from "@/lib/money/currencies";
import { parseAmount } from "@/lib/money/money";
import type { RawValue } from "./raw-json";

// Onerway's wire format (API.md, "Onerway-compatible endpoints"): the answer codes, and reading the request's
// fields by their Onerway names and types. Pure.

export const RESP = {
  success: { respCode: "20000", respMsg: "Success" },
  badSignature: { respCode: "40014", respMsg: "Signature verification failed" },
  tooMany: { respCode: "50134", respMsg: "Too many requests" },
  notFound: { respCode: "55058", respMsg: "Payment link not found." },
  notYours: { respCode: "55059", respMsg: "Payment link does not belong to this merchant." },
} as const;

export interface OnerwayAnswer {
  respCode: string;
  respMsg: string;
  data: unknown;
}

/** A refusal with one of the contract's codes; `abnormal` is 40013 naming the field. */
export class OnerwayError extends Error {
  constructor(
    readonly respCode: string,
    readonly respMsg: string,
  ) {
    super(respMsg);
  }
  static abnormal(field: string, why: string): OnerwayError {
    return new OnerwayError("40013", `Abnormal parameters: ${field} ${why}`);
  }
}

export type Fields = ReadonlyMap<string, RawValue>;

/** A field's value, treating null and "" as absent (as the signature does). */
function present(fields: Fields, name: string): RawValue | undefined {
  const value = fields.get(name);
  if (!value || value.kind === "null" || (value.kind === "string" && value.value === "")) return undefined;
  return value;
}

export function text(fields: Fields, name: string, options: { required?: boolean; max?: number } = {}): string | undefined {
  const value = present(fields, name);
  if (!value) {
    if (options.required) throw OnerwayError.abnormal(name, "is required.");
    return undefined;
  }
  if (value.kind !== "string") throw OnerwayError.abnormal(name, "must be a string.");
  if (options.max !== undefined && value.value.length > options.max) throw OnerwayError.abnormal(name, `must be at most ${options.max} characters.`);
  return value.value;
}

export function bool(fields: Fields, name: string, options: { required?: boolean } = {}): boolean | undefined {
  const value = present(fields, name);
  if (!value) {
    if (options.required) throw OnerwayError.abnormal(name, "is required.");
    return undefined;
  }
  // Booleans as sent by clients that stringify every field ("true"/"false") are read too.
  if (value.kind === "boolean") return value.value;
  if (value.kind === "string" && (value.value === "true" || value.value === "false")) return value.value === "true";
  throw OnerwayError.abnormal(name, "must be true or false.");
}

/** A whole number (as a JSON number or a decimal string) within [min, max]. */
export function integer(fields: Fields, name: string, options: { required?: boolean; min: number; max: number }): number | undefined {
  const value = present(fields, name);
  if (!value) {
    if (options.required) throw OnerwayError.abnormal(name, "is required.");
    return undefined;
  }
  const digits = value.kind === "number" || value.kind === "string" ? (value.kind === "string" ? value.value : value.text) : "";
  if (!/^\d{1,16}$/.test(digits)) throw OnerwayError.abnormal(name, "must be a whole number.");
  const n = Number(digits);
  if (n < options.min || n > options.max) throw OnerwayError.abnormal(name, `must be between ${options.min} and ${options.max}.`);
  return n;
}

/**
 * An amount in major units (`99.99`, as a JSON number or string) read from its decimal text into minor units
 * of `currency` — never through a float; more decimals than the currency has is refused, not rounded.
 */
export function amount(fields: Fields, name: string, currency: CurrencyCode): number {
  const value = present(fields, name);
  if (!value) throw OnerwayError.abnormal(name, "is required.");
  const digits = value.kind === "number" ? value.text : value.kind === "string" ? value.value : "";
  if (!/^\d+(\.\d+)?$/.test(digits)) throw OnerwayError.abnormal(name, "must be a positive decimal amount, like 99.99.");
  const parsed = parseAmount(digits, currency);
  if (parsed.ok) return parsed.minor;
  if (parsed.reason === "too_precise") throw OnerwayError.abnormal(name, `has more decimals than ${currency} allows.`);
  if (parsed.reason === "too_large") throw OnerwayError.abnormal(name, "is too large.");
  throw OnerwayError.abnormal(name, "must be greater than zero.");
}

export function currency(fields: Fields, name: string): CurrencyCode {
  const code = text(fields, name, { required: true, max: 8 })!;
  if (!isCurrencyCode(code)) throw OnerwayError.abnormal(name, "must be an ISO 4217 currency code Paylink supports, like USD.");
  return code;
}

const TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** `yyyy-MM-dd HH:mm:ss`, UTC. */
export function time(fields: Fields, name: string): Date | undefined {
  const raw = text(fields, name);
  if (raw === undefined) return undefined;
  const m = TIME.exec(raw);
  const date = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : null;
  if (!date || date.toISOString().slice(0, 19).replace("T", " ") !== raw) throw OnerwayError.abnormal(name, "must be a time like 2026-05-25 10:00:00 (UTC).");
  return date;
}

export function formatTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace("T", " ");
}
