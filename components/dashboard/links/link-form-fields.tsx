import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { FieldError, TextAreaField, TextField, fieldControl } from "@/components/ui/field";
import { MAX_METADATA_ROWS, type FieldErrors, type LinkFormValues } from "@/lib/links/form";
import { METHOD_RULES, PAYMENT_METHODS, type PaymentMethod } from "@/lib/payments/methods";

// Field groups shared by the create and edit forms. Plain inputs named as lib/links/form.ts reads them; the
// choices that show one group or another (price, after payment) switch with CSS alone, so they also work
// without JavaScript.

export function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
      <div>
        <h2 className="text-base font-semibold">{title}</h2>
        {description ? <p className="mt-0.5 text-sm text-slate-600">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}

export function CheckboxField({ label, name, value, defaultChecked, hint }: { label: string; name: string; value?: string; defaultChecked: boolean; hint?: string }) {
  const id = `field-${name}${value ? `-${value}` : ""}`;
  return (
    <div className="flex items-start gap-2">
      <input id={id} type="checkbox" name={name} value={value ?? "on"} defaultChecked={defaultChecked} className="mt-0.5 size-4 rounded border-slate-300 accent-indigo-600" aria-describedby={hint ? `${id}-hint` : undefined} />
      <div>
        <label htmlFor={id} className="text-sm text-slate-800">
          {label}
        </label>
        {hint ? (
          <p id={`${id}-hint`} className="text-xs text-slate-500">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/**
 * A set of radio buttons. Each option's id is `${name}-${value}` with dashes for underscores (Tailwind reads
 * an underscore in an arbitrary variant as a space), which the CSS switches key on.
 */
export function RadioGroup({ legend, name, options, value }: { legend: string; name: string; options: { value: string; label: string }[]; value: string }) {
  const idOf = (option: string) => `${name}-${option}`.replaceAll("_", "-");
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-x-6 gap-y-1">
        {options.map((o) => (
          <label key={o.value} htmlFor={idOf(o.value)} className="flex items-center gap-2 text-sm">
            <input id={idOf(o.value)} type="radio" name={name} value={o.value} defaultChecked={value === o.value} className="size-4 accent-indigo-600" />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** "PromptPay (THB only)": a method that takes only some currencies says which. */
function methodChoiceLabel(method: PaymentMethod): string {
  const { label, currencies } = METHOD_RULES[method];
  return currencies ? `${label} (${currencies.join(", ")} only)` : label;
}

/** Checkout's payment methods; the ones already offered come first, in their order, which is the buyer's. */
export function PaymentMethodsField({ selected, error }: { selected: string[]; error?: string }) {
  const ordered = [...selected.filter((m): m is PaymentMethod => (PAYMENT_METHODS as readonly string[]).includes(m)), ...PAYMENT_METHODS.filter((m) => !selected.includes(m))];
  return (
    <fieldset aria-describedby={error ? "field-payment_methods-error" : undefined}>
      <legend className="text-sm font-medium text-slate-700">Payment methods</legend>
      <p className="text-xs text-slate-500">Offer at least one. Checkout shows them in this order, each only where it takes the link&apos;s currency and amount.</p>
      <div className="mt-2 grid gap-2 sm:grid-cols-3">
        {ordered.map((method) => (
          <CheckboxField key={method} name="payment_methods" value={method} label={methodChoiceLabel(method)} defaultChecked={selected.includes(method)} />
        ))}
      </div>
      <FieldError id="field-payment_methods-error" error={error} />
    </fieldset>
  );
}

export function LimitFields({ values, errors }: { values: LinkFormValues; errors: FieldErrors }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField label="Expires at (UTC)" name="expires_at" type="datetime-local" defaultValue={values.expires_at} error={errors.expires_at} hint="Read as UTC, not your local time. Leave empty for no expiry." />
      <TextField label="Maximum number of payments" name="max_payments" inputMode="numeric" defaultValue={values.max_payments} error={errors.max_payments} hint="The link stops taking payments after this many. Leave empty for no limit." />
    </div>
  );
}

export function AfterCompletionFields({ values, errors, defaultMessageHint }: { values: LinkFormValues; errors: FieldErrors; defaultMessageHint?: boolean }) {
  return (
    <div className="group/after space-y-3">
      <RadioGroup
        legend="After payment"
        name="after_completion_type"
        value={values.after_completion_type}
        options={[
          { value: "message", label: "Show a message" },
          { value: "redirect", label: "Redirect to your site" },
        ]}
      />
      <div className="group-has-[#after-completion-type-redirect:checked]/after:hidden">
        <TextAreaField label="Confirmation message" name="after_completion_message" defaultValue={values.after_completion_message} error={errors.after_completion_message} hint={defaultMessageHint ? "Leave empty for “Thank you for your payment.”" : undefined} />
      </div>
      <div className="hidden group-has-[#after-completion-type-redirect:checked]/after:block">
        <TextField label="Redirect URL" name="after_completion_url" type="url" placeholder="https://…" defaultValue={values.after_completion_url} error={errors.after_completion_url} />
      </div>
    </div>
  );
}

/** Up to 20 key/value rows: the existing ones plus three empty ones, so more can be added without JavaScript. */
export function MetadataFields({ rows, errors }: { rows: LinkFormValues["metadata"]; errors: FieldErrors }) {
  const shown = [...rows];
  const target = Math.min(MAX_METADATA_ROWS, Math.max(rows.length, rows.filter((r) => r.key || r.value).length + 3));
  while (shown.length < target) shown.push({ key: "", value: "" });
  return (
    <fieldset aria-describedby="field-metadata-hint">
      <legend className="text-sm font-medium text-slate-700">Metadata</legend>
      <p id="field-metadata-hint" className="text-xs text-slate-500">
        Up to {MAX_METADATA_ROWS} key/value pairs for your own systems; buyers never see them. Clear a row to remove it.
      </p>
      <div className="mt-2 space-y-2">
        {shown.map((row, i) => (
          <div key={i} className="grid gap-2 sm:grid-cols-2">
            <MetadataInput name={`metadata_key_${i}`} label={`Metadata key ${i + 1}`} placeholder="Key" defaultValue={row.key} error={errors[`metadata_key_${i}`]} />
            <MetadataInput name={`metadata_value_${i}`} label={`Metadata value ${i + 1}`} placeholder="Value" defaultValue={row.value} error={errors[`metadata_value_${i}`]} />
          </div>
        ))}
      </div>
      <FieldError id="field-metadata-error" error={errors.metadata} />
    </fieldset>
  );
}

function MetadataInput({ name, label, placeholder, defaultValue, error }: { name: string; label: string; placeholder: string; defaultValue: string; error?: string }) {
  const id = `field-${name}`;
  return (
    <div>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input id={id} name={name} placeholder={placeholder} defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className={fieldControl} />
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

/** The alert above a refused form: the action's message, or how many fields need a look. */
export function FormProblems({ message, errors }: { message?: string; errors: FieldErrors }) {
  const count = Object.keys(errors).filter((k) => k !== "form").length;
  const text = message ?? errors.form ?? (count ? `Check the ${count === 1 ? "highlighted field" : `${count} highlighted fields`} below.` : null);
  return text ? <Alert>{text}</Alert> : null;
}
