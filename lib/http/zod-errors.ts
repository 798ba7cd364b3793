import type { ZodError } from "zod";
import { AppError } from "@/lib/core/errors";

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * The contract's error for a failed validation: an unknown field is `parameter_unknown`, an absent required
 * one `parameter_missing` (when the input is given), anything else `parameter_invalid`; `param` names the
 * field (dotted for nested).
 */
export function appErrorFromZod(error: ZodError, input?: unknown): AppError {
  const issue = error.issues[0];
  if (!issue) return new AppError("parameter_invalid", "Invalid request.");
  if (issue.code === "unrecognized_keys") {
    const param = [...issue.path, issue.keys[0]].join(".");
    return new AppError("parameter_unknown", `Received unknown parameter: ${param}.`, { param });
  }
  const param = issue.path.length ? issue.path.join(".") : null;
  // "Missing" can only be told apart from "invalid" by looking at what was sent.
  const missing = param !== null && input !== undefined && valueAt(input, issue.path) === undefined;
  if (missing) {
    return new AppError("parameter_missing", issue.code === "custom" ? issue.message : `Missing required parameter: ${param}.`, { param });
  }
  return new AppError("parameter_invalid", param ? `Invalid ${param}: ${issue.message}` : issue.message, { param });
}
