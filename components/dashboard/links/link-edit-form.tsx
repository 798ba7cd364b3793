"use client";

import type { ReactNode } from "react";
import { TextAreaField, TextField } from "@/components/ui/field";
import type { LinkFormState, LinkFormValues } from "@/lib/links/form";
import { LinkFormFrame } from "./link-form-frame";
import { CheckboxField, PaymentMethodsField, Section } from "./link-form-fields";

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
  return (
    <LinkFormFrame action={action} initial={initial} submitLabel="Save changes" cancelHref={cancelHref} hints={{ defaultMessage: false, statusCallbackUrl: "Leave empty for none." }}>
      {(v, errors) => (
        <>
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
        </>
      )}
    </LinkFormFrame>
  );
}
