import type { ReactNode } from "react";
import { ScopeFields } from "@/components/dashboard/developers/scope-fields";
import { SubmitButton } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";
import type { KeyFormScope } from "@/components/dashboard/developers/types";

const SUMMARY = {
  danger: "border-red-300 text-red-700 hover:bg-red-50",
  neutral: "border-slate-300 text-slate-800 hover:bg-slate-100",
} as const;

/**
 * A change that takes two clicks: the disclosure opens a confirmation with its own submit button. A native
 * `<details>`, so it works without JavaScript; it stays open when the action answered an error, which is
 * also how the answer arrives without JavaScript.
 */
export function ConfirmDisclosure({
  label,
  confirmLabel,
  tone,
  state,
  formAction,
  scope,
  hidden,
  children,
}: {
  label: string;
  confirmLabel: string;
  tone: keyof typeof SUMMARY;
  state: FormState;
  formAction: (formData: FormData) => void;
  /** The business and mode the page showed; left out by forms that do not depend on the mode. */
  scope?: KeyFormScope;
  hidden: Record<string, string>;
  children: ReactNode;
}) {
  // Open again after a refusal (a message, or field errors shown by the children).
  const failed = !state.ok && (!!state.message || Object.keys(state.fieldErrors ?? {}).length > 0);
  return (
    <details open={failed ? true : undefined}>
      <summary className={`w-fit cursor-pointer list-none rounded-md border bg-white px-3 py-1.5 text-sm font-medium ${SUMMARY[tone]}`}>{label}</summary>
      <form action={formAction} noValidate className="mt-2 max-w-md space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-800">
        {scope ? <ScopeFields scope={scope} /> : null}
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {children}
        {state.message && !state.ok ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800">
            {state.message}
          </p>
        ) : null}
        <SubmitButton variant={tone === "danger" ? "danger" : "primary"}>{confirmLabel}</SubmitButton>
      </form>
    </details>
  );
}
