"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { formKey, type FormState } from "@/lib/forms";
import { createBusinessAction } from "../../../actions";

type Option = { value: string; label: string };

export function NewBusinessForm({ countries, currencies, defaults }: { countries: Option[]; currencies: Option[]; defaults: { country: string; currency: string } }) {
  const [state, action] = useActionState(createBusinessAction, {} as FormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form key={formKey(state)} action={action} className="max-w-lg space-y-4" noValidate>
      <TextField label="Business name" name="businessName" required defaultValue={state.values?.businessName} error={errors.businessName} />
      <SelectField label="Country" name="country" options={countries} defaultValue={state.values?.country ?? defaults.country} error={errors.country} />
      <SelectField label="Default currency" name="currency" options={currencies} defaultValue={state.values?.currency ?? defaults.currency} error={errors.currency} />
      <SubmitButton>Create business</SubmitButton>
    </form>
  );
}
