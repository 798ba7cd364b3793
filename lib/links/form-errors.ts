import { fieldErrors, type FieldErrors, type Issues, type ZodIssue } from "@/lib/core/field-errors";
import type { MetadataRow } from "./form";

// The API's refusals as errors on the link forms' fields: the schemas' zod issues (when the form's submission
// is checked, or a service refuses it) and an AppError's param. The API names nested parameters
// (`custom_amount.minimum`, `metadata.sku`); the forms have flat inputs (`custom_minimum`, a metadata row).

/**
 * Zod issues from the schemas (or from a service) as errors on the forms' fields: the API's nested fields
 * map to the form's flat ones (`custom_amount.minimum` → `custom_minimum`), a metadata key to its row.
 */
export function linkFieldErrors(error: Issues, metadataRows: readonly MetadataRow[] = []): FieldErrors {
  return fieldErrors(error, {
    field: (issue) => fieldForPath(issue.path, metadataRows, issue.code === "invalid_key" ? "key" : "value"),
    message: issueMessage,
  });
}

/** The form field an API parameter path (`["custom_amount", "minimum"]`, or an AppError's "a.b") names. */
export function fieldForPath(path: readonly PropertyKey[] | string, metadataRows: readonly MetadataRow[] = [], part: "key" | "value" = "value"): string {
  const [head, next] = typeof path === "string" ? path.split(".") : path.map(String);
  if (head === undefined || head === "") return "form";
  if (head === "custom_amount") return `custom_${next && ["minimum", "maximum", "preset"].includes(next) ? next : "minimum"}`;
  if (head === "after_completion") return next === "url" ? "after_completion_url" : "after_completion_message";
  if (head === "metadata" && next !== undefined) {
    const row = metadataRows.findIndex((r) => r.key.trim() === next);
    return row === -1 ? "metadata" : `metadata_${part}_${row}`;
  }
  return head;
}

/** Zod's default wording ("Too small: expected number to be >=1") said the way the forms speak. */
function issueMessage(issue: ZodIssue): string {
  if (issue.code === "invalid_key") return issue.issues[0]?.message ?? issue.message;
  const isDefault = /^(Too small|Too big|Invalid input|Invalid option)/.test(issue.message);
  if (!isDefault) return issue.message;
  if (issue.code === "invalid_value") return "Choose one of the options offered.";
  if (issue.code === "too_small") {
    return issue.origin === "string" && Number(issue.minimum) <= 1 ? "Must not be empty." : `Must be at least ${String(issue.minimum)}.`;
  }
  if (issue.code === "too_big") {
    return issue.origin === "string" ? `Must be at most ${String(issue.maximum)} characters.` : `Must be at most ${Number(issue.maximum).toLocaleString("en-US")}.`;
  }
  return "Check this field.";
}
