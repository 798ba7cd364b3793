"use client";

import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import type { FormState } from "@/lib/forms";
import { ConfirmDisclosure } from "@/components/dashboard/confirm-disclosure";
import type { OrderFormAction, OrderFormScope } from "./types";

/**
 * Captures an authorized payment (manual capture), all of it or part: the amount is typed as a decimal in
 * the order's currency and starts at everything authorized; what is not captured is released to the buyer.
 */
export function CaptureOrderForm({
  action,
  scope,
  orderId,
  currency,
  defaultAmount,
  authorized,
  expires,
}: {
  action: OrderFormAction;
  scope: OrderFormScope;
  orderId: string;
  currency: string;
  /** The authorized amount as a decimal, "25.00". */
  defaultAmount: string;
  /** The authorized amount as shown, "€25.00". */
  authorized: string;
  /** When the authorization lapses, as shown. */
  expires: string | null;
}) {
  const [state, formAction] = useActionState(action, {} as FormState);
  const errors = state.fieldErrors ?? {};
  return (
    <ConfirmDisclosure label="Capture" confirmLabel="Confirm capture" tone="neutral" state={state} formAction={formAction} scope={scope} hidden={{ orderId }}>
      <TextField
        label={`Amount to capture (${currency})`}
        name="amount"
        inputMode="decimal"
        autoComplete="off"
        defaultValue={state.values?.amount ?? defaultAmount}
        error={errors.amount}
        hint={`Up to ${authorized}. A smaller amount captures part and releases the rest.`}
      />
      <p className="text-slate-600">
        The buyer is charged what you capture.{expires ? ` Not captured by ${expires}, the authorization lapses and the order expires.` : ""}
      </p>
    </ConfirmDisclosure>
  );
}
