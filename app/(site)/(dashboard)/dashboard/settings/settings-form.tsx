"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { formKey, type FormState } from "@/lib/forms";
import { updateSettingsAction } from "../../actions";

type Option = { value: string; label: string };

export interface SettingsValues {
  businessName: string;
  country: string;
  currency: string;
  brandColor: string;
  logoUrl: string;
  /** "on" or "". */
  sendReceipts: string;
}

export function SettingsForm({
  initial,
  countries,
  currencies,
  canEdit,
}: {
  initial: SettingsValues;
  countries: Option[];
  currencies: Option[];
  canEdit: boolean;
}) {
  const [state, action] = useActionState(updateSettingsAction, {} as FormState);
  const values = { ...initial, ...state.values };
  const errors = state.fieldErrors ?? {};
  return (
    <form key={formKey(state)} action={action} className="max-w-lg space-y-4" noValidate>
      {state.message ? <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert> : null}
      <fieldset disabled={!canEdit} className="space-y-4">
        <TextField label="Business name" name="businessName" defaultValue={values.businessName} error={errors.businessName} required />
        <SelectField label="Country" name="country" options={countries} defaultValue={values.country} error={errors.country} />
        <SelectField label="Default currency" name="currency" options={currencies} defaultValue={values.currency} error={errors.currency} />
        <TextField label="Brand colour" name="brandColor" type="color" defaultValue={values.brandColor} error={errors.brandColor} hint="Buttons and accents on your hosted checkout." className="h-10 w-20 rounded-md border border-slate-300 p-1" />
        <TextField label="Logo URL" name="logoUrl" type="url" placeholder="https://…" defaultValue={values.logoUrl} error={errors.logoUrl} hint="Shown at the top of your checkout. Leave empty for none." />
        <div className="flex items-start gap-3">
          <input id="field-sendReceipts" name="sendReceipts" type="checkbox" defaultChecked={values.sendReceipts === "on"} aria-describedby="field-sendReceipts-hint" className="mt-1 h-4 w-4 rounded border-slate-300 text-indigo-600" />
          <div>
            <label htmlFor="field-sendReceipts" className="block text-sm font-medium text-slate-700">
              Email receipts to buyers
            </label>
            <p id="field-sendReceipts-hint" className="text-xs text-slate-500">
              When an order is paid and the buyer&apos;s email is known, they get a receipt with a PDF copy.
            </p>
          </div>
        </div>
        {canEdit ? <SubmitButton>Save settings</SubmitButton> : null}
      </fieldset>
    </form>
  );
}
