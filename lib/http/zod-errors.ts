import type { ZodError } from "zod";
import { AppError } from "@/lib/errors";

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
 * one `parameter_missing`, anything else `parameter_invalid`; `param` names the field (dotted for nested).
 */
export function appErrorFromZod(error: ZodError, input: unknown): AppError {
  const issue = error.issues[0];
  if (!issue) return new AppError("parameter_invalid", "Invalid request.");
  if (issue.code === "unrecognized_keys") {
    const param = [...issue.path, issue.keys[0]].join(".");
    return new AppError("parameter_unknown", `Received unknown parameter: ${param}.`, { param });
  }
  const param = issue.path.length ? issue.path.join(".") : null;
  if (param && valueAt(input, issue.path) === undefined && issue.code !== "custom") {
    return new AppError("parameter_missing", `Missing required parameter: ${param}.`, { param });
  }
  if (param && issue.code === "custom" && valueAt(input, issue.path) === undefined) {
    return new AppError("parameter_missing", issue.message, { param });
  }
  return new AppError("parameter_invalid", param ? `Invalid ${param}: ${issue.message}` : issue.message, { param });
}
