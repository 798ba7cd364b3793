import type { InputHTMLAttributes, ReactNode } from "react";

export const fieldId = (name: string) => `checkout-${name}`;

const control =
  "block w-full rounded-lg border border-slate-400 bg-white px-3 py-3 text-base text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-slate-900 focus:outline-2 focus:outline-offset-1 focus:outline-slate-900 aria-[invalid=true]:border-red-700";

/**
 * A labelled input whose hint and error are tied to it (aria-describedby), and which says when it is
 * invalid. 16px text, so phones do not zoom in on focus.
 */
export function CheckoutField({ name, label, hint, error, ...input }: { name: string; label: string; hint?: ReactNode; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = fieldId(name);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={control} {...input} />
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
