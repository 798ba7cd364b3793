"use client";

import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import type { FormState } from "@/lib/forms";
import { ConfirmDisclosure } from "@/components/dashboard/confirm-disclosure";
import type { OrderFormAction, OrderFormScope } from "./types";

/**
 * Refunds all or part of a settled payment. The amount is typed as a decimal in the order's currency and
 * starts at everything still refundable.
 */
export function RefundOrderForm({
  action,
  scope,
  orderId,
  currency,
  defaultAmount,
  refundable,
  fullOnly = false,
}: {
  action: OrderFormAction;
  scope: OrderFormScope;
  orderId: string;
  currency: string;
  /** The refundable amount as a decimal, "25.00". */
  defaultAmount: string;
  /** The refundable amount as shown, "€25.00". */
  refundable: string;
  /** The payment's method refunds only the whole amount (PIX): the amount cannot be changed. */
  fullOnly?: boolean;
}) {
  const [state, formAction] = useActionState(action, {} as FormState);
  const errors = state.fieldErrors ?? {};
  return (
    <ConfirmDisclosure label="Refund" confirmLabel="Confirm refund" tone="neutral" state={state} formAction={formAction} scope={scope} hidden={{ orderId }}>
      <TextField
        label={`Amount to refund (${currency})`}
        name="amount"
        inputMode="decimal"
        autoComplete="off"
        defaultValue={fullOnly ? defaultAmount : (state.values?.amount ?? defaultAmount)}
        readOnly={fullOnly}
        error={errors.amount}
        hint={fullOnly ? `${refundable}: this payment method is refunded only in full, once.` : `Up to ${refundable}. Change it for a partial refund.`}
      />
      <TextField
        label="Reason (optional)"
        name="reason"
        maxLength={500}
        defaultValue={state.values?.reason ?? ""}
        error={errors.reason}
        hint="For your records; the buyer does not see it."
      />
      <p className="text-slate-600">The refund is pending until the processor settles it, usually within moments.</p>
    </ConfirmDisclosure>
  );
}
