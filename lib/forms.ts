import type { FieldErrors } from "@/lib/core/field-errors";

/** What a server action returns to its form: a message, per-field errors, and the values to show again. */
export interface FormState {
  message?: string;
  ok?: boolean;
  /** By field name; a zod refusal becomes these through fieldErrors (lib/core/field-errors.ts). */
  fieldErrors?: FieldErrors;
  values?: Record<string, string>;
}

/** The submitted text fields, minus secrets, to refill the form after an error. */
export function echoValues(formData: FormData, omit: readonly string[] = ["password"]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !omit.includes(key) && !key.startsWith("$")) out[key] = value;
  }
  return out;
}

/**
 * A key for a form driven by useActionState. React resets a form after its action, and a <select> goes
 * back to the defaultValue it was mounted with (react#32362), not the value the server echoed; remounting
 * the form when the echoed values change makes the mount-time default the submitted value.
 */
export function formKey(state: FormState): string {
  return JSON.stringify(state.values ?? null);
}
