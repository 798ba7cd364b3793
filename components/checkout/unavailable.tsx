import type { ReactNode } from "react";

/** The friendly dead end: an inactive, expired, used-up or unknown link or order. */
export function Unavailable({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <section aria-labelledby="unavailable-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-6 text-center">
      <h1 id="unavailable-title" className="text-xl font-semibold text-slate-900">
        {title}
      </h1>
      <div className="space-y-2 text-slate-700">{children}</div>
    </section>
  );
}

export const LINK_UNAVAILABLE = "This payment link is no longer available";
export const ORDER_UNAVAILABLE = "This payment is no longer available";

export const NOT_ACCEPTING_PAYMENTS = "This business is not accepting payments yet";

/** A live link or order on an installation with no processor for live mode: nothing can be paid, so nothing is offered. */
export function NotAcceptingPayments({ merchantName }: { merchantName: string }) {
  return (
    <Unavailable title={NOT_ACCEPTING_PAYMENTS}>
      <p>{merchantName} can’t take payments here yet. Nothing was charged.</p>
      <p>Please contact {merchantName} to pay another way, or try again later.</p>
    </Unavailable>
  );
}
