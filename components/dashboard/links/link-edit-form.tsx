"use client";

import Link from "next/link";
import { useActionState, type ReactNode } from "react";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { LinkFormState, LinkFormValues } from "@/lib/links/form";
import { AfterCompletionFields, CheckboxField, FormProblems, LimitFields, MetadataFields, PaymentMethodsField, Section, TextAreaField } from "./link-form-fields";

/**
 * The fields of a link that can change after it is shared (those PATCH accepts). What buyers were promised —
 * item, price, currency — is shown read-only in `fixed`.
 */
export function EditLinkForm({
  action,
  initial,
  cancelHref,
  fixed,
}: {
  action: (state: LinkFormState, formData: FormData) => Promise<LinkFormState>;
  initial: LinkFormValues;
  cancelHref: string;
  fixed: ReactNode;
}) {
  const [state, formAction] = useActionState(action, {} as LinkFormState);
  const v = state.values ?? initial;
  const errors = state.fieldErrors ?? {};
  return (
    <form key={state.attempt ?? 0} action={formAction} className="max-w-3xl space-y-6" noValidate>
      <FormProblems message={state.message} errors={errors} />
      <Section title="Fixed when the link was created" description="Create a new link to sell something else or at another price.">
        {fixed}
      </Section>

      <Section title="Link">
        <CheckboxField label="Active" name="active" defaultChecked={v.active} hint="An inactive link shows buyers that it is no longer available and takes no payment." />
        <TextField label="Name" name="name" required defaultValue={v.name} error={errors.name} hint="For you, in this dashboard." />
        <TextAreaField label="Description" name="description" defaultValue={v.description} error={errors.description} hint="Shown to buyers under the item name." />
      </Section>

      <Section title="Checkout">
        <PaymentMethodsField selected={v.payment_methods} error={errors.payment_methods} />
      </Section>

      <Section title="Limits and completion">
        <LimitFields values={v} errors={errors} />
        <AfterCompletionFields values={v} errors={errors} />
      </Section>

      <Section title="For developers">
        <TextField label="Status callback URL" name="status_callback_url" type="url" placeholder="https://…" defaultValue={v.status_callback_url} error={errors.status_callback_url} hint="Leave empty for none." />
        <MetadataFields rows={v.metadata} errors={errors} />
      </Section>

      <div className="flex items-center gap-3">
        <SubmitButton>Save changes</SubmitButton>
        <Link href={cancelHref} className="text-sm text-slate-600 hover:underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}
