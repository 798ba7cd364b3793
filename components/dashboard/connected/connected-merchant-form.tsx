"use client";

import Link from "next/link";
import { useActionState } from "react";
import { ScopeFields } from "@/components/dashboard/developers/scope-fields";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { formKey, type FormState } from "@/lib/forms";

type Option = { value: string; label: string };

/**
 * A new connected merchant: the fields of `POST /api/v1/merchants` a person fills in. A plain form, so it works
 * before (or without) JavaScript; the server answers with the errors and the values to show again.
 */
export function ConnectedMerchantForm({
  action,
  scope,
  countries,
  currencies,
  defaults,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** The platform and mode the page showed: a submit after another tab switched either is refused. */
  scope: { merchantId: string; livemode: boolean };
  countries: Option[];
  currencies: Option[];
  defaults: { country: string; currency: string };
}) {
  const [state, formAction] = useActionState(action, {} as FormState);
  const errors = state.fieldErrors ?? {};
  const v = state.values ?? {};
  return (
    <form key={formKey(state)} action={formAction} className="max-w-lg space-y-4" noValidate>
      <ScopeFields scope={scope} />
      {state.message ? <Alert>{state.message}</Alert> : null}
      {errors.form ? <Alert>{errors.form}</Alert> : null}
      <TextField label="Business name" name="name" required defaultValue={v.name} error={errors.name} hint="Shown to its buyers on the checkout and in their emails." />
      <SelectField label="Country" name="country" options={countries} defaultValue={v.country ?? defaults.country} error={errors.country} />
      <SelectField label="Default currency" name="default_currency" options={currencies} defaultValue={v.default_currency ?? defaults.currency} error={errors.default_currency} />
      <TextField label="Contact email (optional)" name="email" type="email" defaultValue={v.email} error={errors.email} />
      <div className="flex items-center gap-3">
        <SubmitButton>Create connected merchant</SubmitButton>
        <Link href="/dashboard/connected" className="text-sm text-slate-700 hover:underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}
