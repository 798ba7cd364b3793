"use client";

import { useActionState } from "react";
import { ScopeFields } from "@/components/dashboard/developers/scope-fields";
import { SubmitButton } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { formKey, type FormState } from "@/lib/forms";

const CHANNELS = [
  { value: "email", label: "Email" },
  { value: "sms", label: "SMS (text message)" },
] as const;

/**
 * "Send": emails or texts a link or an order to a buyer. A native `<details>` with a server-action form, so it
 * works without JavaScript; it stays open when the action answered an error. What was sent appears in the
 * page's Messages section with its status.
 */
export function SendDialog({
  action,
  scope,
  target,
  defaultTo,
  note,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  scope: { merchantId: string; livemode: boolean };
  target: { kind: "link" | "order"; id: string };
  /** The buyer's email when the order already knows it. */
  defaultTo?: string | null;
  /** What the buyer receives, in a sentence. */
  note: string;
}) {
  const [state, formAction] = useActionState(action, {} as FormState);
  const failed = !state.ok && (!!state.message || Object.keys(state.fieldErrors ?? {}).length > 0);
  const values = state.values ?? {};
  return (
    <details open={failed ? true : undefined}>
      <summary className="w-fit cursor-pointer list-none rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100">
        Send to a buyer
      </summary>
      <form key={formKey(state)} action={formAction} noValidate className="mt-2 max-w-md space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-800">
        <ScopeFields scope={scope} />
        <input type="hidden" name="target" value={target.kind} />
        <input type="hidden" name="id" value={target.id} />
        <p>{note}</p>
        <SelectField label="Send by" name="channel" options={CHANNELS} defaultValue={values.channel ?? "email"} error={state.fieldErrors?.channel} />
        <TextField
          label="To"
          name="to"
          defaultValue={values.to ?? defaultTo ?? ""}
          error={state.fieldErrors?.to}
          hint="An email address, or for SMS a phone number with its country code, like +46 70 123 45 67."
          autoComplete="off"
          spellCheck={false}
        />
        {state.message && !state.ok ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800">
            {state.message}
          </p>
        ) : null}
        <SubmitButton variant="primary">Send</SubmitButton>
      </form>
    </details>
  );
}
