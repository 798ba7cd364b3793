import type { OrderStatus } from "@/lib/core/statuses";

// Every word the invoice and receipt PDFs print, in one place, so a translation is one more object of this type.
// Amounts and dates are formatted by the caller (lib/checkout/display.ts) and passed in.

export interface DocumentText {
  invoice: string;
  receipt: string;
  testMode: string;
  order: string;
  reference: string;
  issued: string;
  due: string;
  status: string;
  billTo: string;
  item: string;
  amount: string;
  totalDue: string;
  total: string;
  amountPaid: string;
  paidOn: string;
  paymentMethod: string;
  refunded: string;
  voided: string;
  netAmount: string;
  payOnline: string;
  payOnlineHint: string;
  viewOnline: string;
  viewOnlineHint: string;
  receiptThanks: (merchant: string) => string;
  footer: (merchant: string) => string;
  statuses: Record<OrderStatus, string>;
}

export const EN: DocumentText = {
  invoice: "Invoice",
  receipt: "Receipt",
  testMode: "TEST MODE: no real payment is made or asked for.",
  order: "Order",
  reference: "Reference",
  issued: "Issued",
  due: "Due",
  status: "Status",
  billTo: "Bill to",
  item: "Item",
  amount: "Amount",
  totalDue: "Total due",
  total: "Total",
  amountPaid: "Amount paid",
  paidOn: "Paid on",
  paymentMethod: "Payment method",
  refunded: "Refunded",
  voided: "Voided, not charged",
  netAmount: "Net amount paid",
  payOnline: "Pay online",
  payOnlineHint: "Scan the code with your phone's camera, or open this address:",
  viewOnline: "View online",
  viewOnlineHint: "This order's page:",
  receiptThanks: (merchant) => `Thank you for your payment to ${merchant}.`,
  footer: (merchant) => `Issued by ${merchant} through Paylink.`,
  statuses: {
    open: "Awaiting payment",
    processing: "Payment processing",
    authorized: "Payment authorized",
    paid: "Paid",
    partially_refunded: "Partially refunded",
    refunded: "Refunded",
    voided: "Voided",
    canceled: "Canceled",
    expired: "Expired",
  },
};
