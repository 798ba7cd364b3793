"use client";

import Link from "next/link";
import { useActionState, type ReactNode } from "react";
import { SubmitButton } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { LOCALE_OPTIONS } from "@/components/ui/locale-options";
import type { FieldErrors, LinkFormState, LinkFormValues } from "@/lib/links/form";
import { AfterCompletionFields, FormProblems, LimitFields, MetadataFields, Section } from "./link-form-fields";

/**
 * What the create and the edit form of a link have in common: the action's state (a refused form comes back
 * with what was typed), the problems above, the limits and developer sections below the form's own, and the
 * buttons. `children` draws the sections that differ, from the values to show and their errors.
 */
export function LinkFormFrame({
  action,
  initial,
  submitLabel,
  cancelHref,
  hints,
  children,
}: {
  action: (state: LinkFormState, formData: FormData) => Promise<LinkFormState>;
  initial: LinkFormValues;
  submitLabel: string;
  cancelHref: string;
  /** A new link says what an empty message and callback URL mean; an edit, that empty clears them. */
  hints: { defaultMessage: boolean; statusCallbackUrl: string };
  children: (values: LinkFormValues, errors: FieldErrors) => ReactNode;
}) {
  const [state, formAction] = useActionState(action, {} as LinkFormState);
  const v = state.values ?? initial;
  const errors = state.fieldErrors ?? {};
  return (
    <form key={state.attempt ?? 0} action={formAction} className="max-w-3xl space-y-6" noValidate>
      <FormProblems message={state.message} errors={errors} />
      {children(v, errors)}

      <Section title="Checkout">
        <SelectField
          label="Checkout language"
          name="locale"
          defaultValue={v.locale}
          options={LOCALE_OPTIONS}
          error={errors.locale}
          hint="The language of the checkout, and of the emails and PDFs its buyers get. Buyers can still switch."
        />
      </Section>

      <Section title="Limits and completion">
        <LimitFields values={v} errors={errors} />
        <AfterCompletionFields values={v} errors={errors} defaultMessageHint={hints.defaultMessage} />
      </Section>

      <Section title="For developers">
        <TextField label="Status callback URL" name="status_callback_url" type="url" placeholder="https://…" defaultValue={v.status_callback_url} error={errors.status_callback_url} hint={hints.statusCallbackUrl} />
        <MetadataFields rows={v.metadata} errors={errors} />
      </Section>

      <div className="flex items-center gap-3">
        <SubmitButton>{submitLabel}</SubmitButton>
        <Link href={cancelHref} className="text-sm text-slate-600 hover:underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}
