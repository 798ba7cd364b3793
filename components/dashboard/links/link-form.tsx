"use client";

import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import type { LinkFormState, LinkFormValues } from "@/lib/links/form";
import { LinkFormFrame } from "./link-form-frame";
import { CheckboxField, PaymentMethodsField, RadioGroup, Section } from "./link-form-fields";

type Option = { value: string; label: string };

/** Every option of a new payment link. Amounts are typed as decimals of the chosen currency. */
export function NewLinkForm({
  action,
  initial,
  currencies,
  countries,
}: {
  action: (state: LinkFormState, formData: FormData) => Promise<LinkFormState>;
  initial: LinkFormValues;
  currencies: Option[];
  countries: Option[];
}) {
  return (
    <LinkFormFrame
      action={action}
      initial={initial}
      submitLabel="Create payment link"
      cancelHref="/dashboard/links"
      hints={{ defaultMessage: true, statusCallbackUrl: "Paylink notifies this address when an order through the link changes status." }}
    >
      {(v, errors) => (
        <>
          <Section title="Item" description="What the buyer pays for.">
            <TextField label="Item name" name="item_name" required defaultValue={v.item_name} error={errors.item_name} hint="Shown to buyers on the checkout." />
            <TextField label="Name" name="name" defaultValue={v.name} error={errors.name} hint="For you, in this dashboard. Leave empty to use the item name." />
            <TextAreaField label="Description" name="description" defaultValue={v.description} error={errors.description} hint="Optional, shown to buyers under the item name." />
          </Section>

          <Section title="Price">
            <SelectField label="Currency" name="currency" options={currencies} defaultValue={v.currency} error={errors.currency} />
            <div className="group/pricing space-y-3">
              <RadioGroup
                legend="Pricing"
                name="pricing"
                value={v.pricing}
                options={[
                  { value: "fixed", label: "Fixed price" },
                  { value: "custom", label: "Customer chooses" },
                ]}
              />
              <div className="group-has-[#pricing-custom:checked]/pricing:hidden">
                <TextField label="Amount" name="amount" inputMode="decimal" autoComplete="off" defaultValue={v.amount} error={errors.amount} hint="In the currency above, with its decimals: 19.99 USD, 1500 JPY, 1.250 KWD." />
              </div>
              <div className="hidden gap-4 group-has-[#pricing-custom:checked]/pricing:grid sm:grid-cols-3">
                <TextField label="Minimum amount" name="custom_minimum" inputMode="decimal" autoComplete="off" defaultValue={v.custom_minimum} error={errors.custom_minimum} />
                <TextField label="Maximum amount" name="custom_maximum" inputMode="decimal" autoComplete="off" defaultValue={v.custom_maximum} error={errors.custom_maximum} />
                <TextField label="Preset amount" name="custom_preset" inputMode="decimal" autoComplete="off" defaultValue={v.custom_preset} error={errors.custom_preset} hint="Filled in for the buyer." />
                <p className="text-xs text-slate-500 sm:col-span-3">In the currency above. Leave all three empty to accept any amount the buyer chooses.</p>
              </div>
            </div>
          </Section>

          <Section title="Checkout">
            <SelectField label="Default country" name="default_country" options={countries} defaultValue={v.default_country} error={errors.default_country} />
            <div className="space-y-2">
              <CheckboxField label="Collect the buyer's email" name="collect_email" defaultChecked={v.collect_email} />
              <CheckboxField label="Collect the buyer's name" name="collect_name" defaultChecked={v.collect_name} />
            </div>
            <PaymentMethodsField selected={v.payment_methods} error={errors.payment_methods} />
            <CheckboxField
              label="Capture payments manually: each payment is only authorized until you capture it on its order (cards and wallets only)"
              name="capture_manual"
              defaultChecked={v.capture_manual}
            />
          </Section>
        </>
      )}
    </LinkFormFrame>
  );
}
