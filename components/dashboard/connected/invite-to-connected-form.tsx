"use client";

import { useActionState } from "react";
import { ScopeFields } from "@/components/dashboard/developers/scope-fields";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { formKey, type FormState } from "@/lib/forms";

const ROLE_OPTIONS = [
  { value: "owner", label: "Owner" },
  { value: "admin", label: "Admin" },
  { value: "viewer", label: "Viewer" },
];

/** The platform's owners invite a person to one connected merchant; they join that merchant only. */
export function InviteToConnectedForm({
  scope,
  merchantId,
  merchantName,
  action,
}: {
  /** The platform and mode the page showed: a submit after another tab switched either is refused. */
  scope: { merchantId: string; livemode: boolean };
  /** The connected merchant the person is invited to. */
  merchantId: string;
  merchantName: string;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [state, formAction] = useActionState(action, {} as FormState);
  return (
    <form key={formKey(state)} action={formAction} className="grid max-w-lg gap-3 sm:grid-cols-[1fr_auto]" noValidate>
      <ScopeFields scope={scope} />
      <input type="hidden" name="connectedMerchantId" value={merchantId} />
      {state.message ? (
        <div className="sm:col-span-2">
          <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>
        </div>
      ) : null}
      <TextField
        id="connected-invite-email"
        label="Email address to invite"
        name="email"
        type="email"
        defaultValue={state.values?.email}
        error={state.fieldErrors?.email}
        hint={`They join ${merchantName} only, not your platform.`}
      />
      <SelectField id="connected-invite-role" label="Role" name="role" options={ROLE_OPTIONS} defaultValue={state.values?.role ?? "owner"} />
      <div className="sm:col-span-2">
        <SubmitButton variant="secondary">Send invitation</SubmitButton>
      </div>
    </form>
  );
}
