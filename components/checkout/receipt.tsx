import { DetailsList } from "./details-list";
import { secondaryLinkClass } from "./buttons";

export interface ReceiptProps {
  merchantName: string;
  itemName: string;
  amount: string;
  paidAt: string;
  orderId: string;
  paymentMethod: string;
  /** The link's after-completion message, if it has one. */
  message: string | null;
  /** "Refunded" notes, when the merchant has refunded some or all of it since. */
  refundNote: string | null;
  /** The merchant's success_url, offered as a way back. */
  returnUrl: string | null;
}

/** The buyer's proof of payment. */
export function Receipt({ merchantName, itemName, amount, paidAt, orderId, paymentMethod, message, refundNote, returnUrl }: ReceiptProps) {
  return (
    <section aria-labelledby="receipt-title" className="space-y-5">
      <div className="space-y-2 text-center">
        <div aria-hidden="true" className="mx-auto flex size-12 items-center justify-center rounded-full bg-emerald-100 text-2xl text-emerald-800">
          ✓
        </div>
        <h1 id="receipt-title" className="text-2xl font-semibold tracking-tight text-slate-900">
          Payment successful
        </h1>
        <p className="text-slate-700">
          You paid <span className="font-semibold text-slate-900">{amount}</span> to {merchantName}.
        </p>
        {message ? <p className="whitespace-pre-line text-slate-900">{message}</p> : null}
      </div>
      {refundNote ? <p className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">{refundNote}</p> : null}
      <h2 className="sr-only">Receipt</h2>
      <DetailsList
        items={[
          ["Merchant", merchantName],
          ["Item", itemName],
          ["Amount", amount],
          ["Date", paidAt],
          ["Order ID", <span key="id" className="font-mono text-xs">{orderId}</span>],
          ["Payment method", paymentMethod],
        ]}
      />
      <p className="text-sm text-slate-600">Keep this page&apos;s address as your receipt.</p>
      {returnUrl ? (
        <a href={returnUrl} className={secondaryLinkClass}>
          Return to {merchantName}
        </a>
      ) : null}
    </section>
  );
}
