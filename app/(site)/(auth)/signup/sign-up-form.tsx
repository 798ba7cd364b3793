"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { formKey, type FormState } from "@/lib/forms";
import { signUpAction } from "../actions";

type Option = { value: string; label: string };

export function SignUpForm({ countries, currencies, email = "", invitation = "" }: { countries: Option[]; currencies: Option[]; email?: string; invitation?: string }) {
  const [state, action] = useActionState(signUpAction, {} as FormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form key={formKey(state)} action={action} className="space-y-4" noValidate>
      {errors.form ? <Alert>{errors.form}</Alert> : null}
      {invitation ? <input type="hidden" name="invitation" value={invitation} /> : null}
      <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email ?? email} error={errors.email} />
      <TextField label="Password" name="password" type="password" autoComplete="new-password" required minLength={10} hint="At least 10 characters." error={errors.password} />
      <TextField label="Business name" name="businessName" autoComplete="organization" required defaultValue={state.values?.businessName} error={errors.businessName} />
      <SelectField label="Country" name="country" options={countries} defaultValue={state.values?.country ?? "US"} error={errors.country} />
      <SelectField label="Default currency" name="currency" options={currencies} defaultValue={state.values?.currency ?? "USD"} error={errors.currency} />
      <SubmitButton className="w-full">Create account</SubmitButton>
      <p className="text-sm text-slate-600">
        Already have an account?{" "}
        <Link href="/signin" className="font-medium text-indigo-700 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
