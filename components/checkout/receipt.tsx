import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { DetailsList } from "./details-list";
import { secondaryLinkClass } from "./buttons";

export interface ReceiptProps {
  merchantName: string;
  itemName: string;
  amount: string;
  paidAt: string;
  orderId: string;
  paymentMethod: string;
  /** The link's after-completion message, if it has one (the merchant's words: shown as written). */
  message: string | null;
  /** "Refunded" notes, when the merchant has refunded some or all of it since. */
  refundNote: string | null;
  /** The merchant's success_url, offered as a way back. */
  returnUrl: string | null;
  locale: Locale;
}

/** The buyer's proof of payment. */
export function Receipt({ merchantName, itemName, amount, paidAt, orderId, paymentMethod, message, refundNote, returnUrl, locale }: ReceiptProps) {
  const t = translator(locale, "checkout");
  return (
    <section aria-labelledby="receipt-title" className="space-y-5">
      <div className="space-y-2 text-center">
        <div aria-hidden="true" className="mx-auto flex size-12 items-center justify-center rounded-full bg-emerald-100 text-2xl text-emerald-800">
          ✓
        </div>
        <h1 id="receipt-title" className="text-2xl font-semibold tracking-tight text-slate-900">
          {t("receipt.title")}
        </h1>
        <p className="text-slate-700">
          {t.rich("receipt.youPaid", { amount, merchant: merchantName, strong: (chunks) => <span className="font-semibold text-slate-900">{chunks}</span> })}
        </p>
        {message ? <p className="whitespace-pre-line text-slate-900">{message}</p> : null}
      </div>
      {refundNote ? <p className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">{refundNote}</p> : null}
      <h2 className="sr-only">{t("receipt.heading")}</h2>
      <DetailsList
        items={[
          [t("details.merchant"), merchantName],
          [t("details.item"), itemName],
          [t("details.amount"), amount],
          [t("details.date"), paidAt],
          [
            t("details.orderId"),
            <span key="id" dir="ltr" className="font-mono text-xs">
              {orderId}
            </span>,
          ],
          [t("details.paymentMethod"), paymentMethod],
        ]}
      />
      <p className="text-sm text-slate-600">{t("receipt.keepAddress")}</p>
      {returnUrl ? (
        <a href={returnUrl} className={secondaryLinkClass}>
          {t("receipt.return", { merchant: merchantName })}
        </a>
      ) : null}
    </section>
  );
}
