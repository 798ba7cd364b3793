import { Section, Text } from "@react-email/components";
import { Action, EmailLayout, Paragraph, SmallPrint, type Brand } from "./layout";

// The emails and SMS Paylink sends a merchant's buyers: a payment request (a link or an order) and a receipt.
// They speak in the merchant's name, colour and logo; each returns its subject with the element.

export interface RequestContent {
  merchant: Brand;
  itemName: string;
  description: string | null;
  /** In the currency's own format; null for a link where the buyer chooses the amount. */
  amount: string | null;
  /** The checkout URL with its `src`. */
  url: string;
  /** An order's due date, written out (its expires_at); null for a link. */
  due: string | null;
  reference: string | null;
}

const row = { fontSize: "15px", lineHeight: "24px", color: "#1e293b", margin: "0" };

function Summary({ lines }: { lines: [string, string][] }) {
  return (
    <Section style={{ backgroundColor: "#f8fafc", borderRadius: "8px", padding: "12px 16px", margin: "0 0 16px" }}>
      {lines.map(([label, value]) => (
        <Text key={label} style={row}>
          <span style={{ color: "#64748b" }}>{label}: </span>
          <strong>{value}</strong>
        </Text>
      ))}
    </Section>
  );
}

export function paymentRequestEmail(content: RequestContent) {
  const { merchant, itemName, amount, url, due, reference } = content;
  const what = amount ? `${amount} for ${itemName}` : itemName;
  const lines: [string, string][] = [["Item", itemName]];
  if (amount) lines.push(["Amount", amount]);
  if (reference) lines.push(["Reference", reference]);
  if (due) lines.push(["Pay by", due]);
  return {
    subject: `${merchant.name}: payment request for ${itemName}`,
    element: (
      <EmailLayout brand={merchant} preview={`${merchant.name} asks you to pay ${what}.`} heading={`Pay ${merchant.name}`} footer={`You get this email because ${merchant.name} sent you a payment request through Paylink. If you were not expecting it, do not pay it and ask ${merchant.name} about it.`}>
        <Paragraph>
          {merchant.name} asks you to pay {amount ? <strong>{amount}</strong> : "the amount you choose"} for <strong>{itemName}</strong>.
        </Paragraph>
        {content.description ? <Paragraph>{content.description}</Paragraph> : null}
        <Summary lines={lines} />
        <Action brand={merchant} href={url} label={amount ? `Pay ${amount}` : "Choose an amount and pay"} />
        {due ? <SmallPrint>The invoice is attached as a PDF.</SmallPrint> : null}
      </EmailLayout>
    ),
  };
}

export function paymentRequestSms({ merchant, itemName, amount, url }: RequestContent): string {
  return amount ? `${merchant.name}: please pay ${amount} for ${itemName}: ${url}` : `${merchant.name}: pay for ${itemName} here: ${url}`;
}

export interface ReceiptContent {
  merchant: Brand;
  itemName: string;
  amount: string;
  paidAt: string;
  /** "Visa •••• 4242", "Alipay"… */
  method: string;
  orderId: string;
  reference: string | null;
}

export function receiptEmail(content: ReceiptContent) {
  const { merchant, itemName, amount, paidAt, method, orderId, reference } = content;
  const lines: [string, string][] = [
    ["Paid", amount],
    ["For", itemName],
    ["On", paidAt],
    ["With", method],
    ["Order", orderId],
  ];
  if (reference) lines.push(["Reference", reference]);
  return {
    subject: `Your receipt from ${merchant.name}`,
    element: (
      <EmailLayout brand={merchant} preview={`You paid ${amount} to ${merchant.name}.`} heading={`Thank you for your payment`} footer={`You get this email because you paid ${merchant.name} through Paylink with this address. Keep it for your records.`}>
        <Paragraph>
          {merchant.name} received your payment of <strong>{amount}</strong> for <strong>{itemName}</strong>.
        </Paragraph>
        <Summary lines={lines} />
        <SmallPrint>The receipt is attached as a PDF.</SmallPrint>
      </EmailLayout>
    ),
  };
}
