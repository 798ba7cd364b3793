import type { ButtonHTMLAttributes } from "react";

const base =
  "inline-flex min-h-12 w-full items-center justify-center rounded-lg px-4 py-3 text-base font-semibold shadow-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900";

/** The page's main action, in the merchant's colour with the contrasting text CheckoutPage picked. */
export function PrimaryButton({ className = "", ...props }: ButtonHTMLAttributes<HTMLButtonElement>) {
  return <button type="submit" className={`${base} bg-(--brand) text-(--brand-text) ring-1 ring-black/15 hover:brightness-95 ${className}`} {...props} />;
}

export function SecondaryButton({ className = "", ...props }: ButtonHTMLAttributes<HTMLButtonElement>) {
  return <button type="submit" className={`${base} border border-slate-300 bg-white text-slate-900 hover:bg-slate-100 ${className}`} {...props} />;
}

export const secondaryLinkClass =
  "inline-flex min-h-12 w-full items-center justify-center rounded-lg border border-slate-300 bg-white px-4 py-3 text-base font-medium text-slate-900 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900";
