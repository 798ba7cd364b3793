import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

/** The look of a text input, select or text area, red when aria-invalid. */
export const fieldControl =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30 aria-[invalid=true]:border-red-500 disabled:bg-slate-100";

interface FieldProps {
  label: string;
  name: string;
  error?: string;
  hint?: ReactNode;
  children?: never;
}

/** The message under a refused field; `id` is what the field's aria-describedby names. */
export function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={id} className="text-sm text-red-600">
      {error}
    </p>
  ) : null;
}

/** The ids a control is described by: its error first, then its hint. */
function describedBy(id: string, error: string | undefined, hint: ReactNode): string | undefined {
  return [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
}

/** A label above a control, the hint and the error below it, tied to the control by ids. */
function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

/** A labelled input whose error is tied to it for screen readers. */
export function TextField({ label, name, error, hint, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = input.id ?? `field-${name}`;
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} className={fieldControl} {...input} />
    </Field>
  );
}

/** A labelled three-line text area, like TextField. */
export function TextAreaField({ label, name, error, hint, defaultValue }: { label: string; name: string; error?: string; hint?: string; defaultValue: string }) {
  const id = `field-${name}`;
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <textarea id={id} name={name} rows={3} defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} className={fieldControl} />
    </Field>
  );
}

export function SelectField({
  label,
  name,
  error,
  hint,
  options,
  ...select
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { options: readonly { value: string; label: string }[] }) {
  const id = select.id ?? `field-${name}`;
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <select id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} className={fieldControl} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
