import type { ZodError } from "zod";
import { AppError } from "./errors";

// A failed validation as errors on fields: what the API's parameter errors and the dashboard forms' field
// errors share. Both walk zod's issues in order, name the field each one is about, word it, and keep the
// first issue on a field (a field shows one message; the API answers with the first). It needs zod and
// nothing of ours above this layer, so the API glue, the link forms and every server action read issues here.

export type ZodIssue = ZodError["issues"][number];
/** A ZodError, or anything carrying its issues. */
export type Issues = { readonly issues: readonly ZodIssue[] };

/** One message per field, by the name the form or the API gives the field. */
export type FieldErrors = Record<string, string>;

export interface FieldIssue {
  field: string;
  message: string;
  issue: ZodIssue;
}

export interface FieldNaming {
  /**
   * The name of the field an issue is about. Default: its top-level key, or "form" for the input as a whole
   * (or an unknown key: no input of a form carries it, so its message goes above the form).
   */
  field?: (issue: ZodIssue) => string;
  /** The issue in words. Default: zod's message, which the schemas write for people. */
  message?: (issue: ZodIssue) => string;
}

const topLevelField = (issue: ZodIssue) => String(issue.path[0] ?? "form");

/** The issues as field errors in zod's order, the first on each field only. */
export function fieldIssues(error: Issues, naming: FieldNaming = {}): FieldIssue[] {
  const { field = topLevelField, message = (issue: ZodIssue) => issue.message } = naming;
  const seen = new Set<string>();
  const out: FieldIssue[] = [];
  for (const issue of error.issues) {
    const name = field(issue);
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({ field: name, message: message(issue), issue });
  }
  return out;
}

/** The issues as a form shows them: one message per field. */
export function fieldErrors(error: Issues, naming: FieldNaming = {}): FieldErrors {
  return Object.fromEntries(fieldIssues(error, naming).map(({ field, message }) => [field, message]));
}

/**
 * The dotted path of the parameter an issue is about (`custom_amount.minimum`), "" for the input as a whole.
 * zod reports an unknown key on the object that holds it; the parameter is the key itself.
 */
export function parameterPath(issue: ZodIssue): string {
  const path = issue.path.map(String);
  if (issue.code === "unrecognized_keys" && issue.keys[0] !== undefined) path.push(issue.keys[0]);
  return path.join(".");
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * The API contract's error for a failed validation, from its first issue: an unknown field is
 * `parameter_unknown`, an absent required one `parameter_missing` (when the input is given: only what was sent
 * tells missing from invalid), anything else `parameter_invalid`; `param` names the field, dotted.
 */
export function appErrorFromZod(error: Issues, input?: unknown): AppError {
  const [first] = fieldIssues(error, { field: parameterPath });
  if (!first) return new AppError("parameter_invalid", "Invalid request.");
  const { field, issue } = first;
  if (issue.code === "unrecognized_keys") return new AppError("parameter_unknown", `Received unknown parameter: ${field}.`, { param: field });
  const param = field === "" ? null : field;
  const missing = param !== null && input !== undefined && valueAt(input, issue.path) === undefined;
  if (missing) {
    return new AppError("parameter_missing", issue.code === "custom" ? issue.message : `Missing required parameter: ${param}.`, { param });
  }
  return new AppError("parameter_invalid", param ? `Invalid ${param}: ${issue.message}` : issue.message, { param });
}
