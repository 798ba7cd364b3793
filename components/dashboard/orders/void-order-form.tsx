"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/forms";
import { ConfirmDisclosure } from "@/components/dashboard/confirm-disclosure";
import type { OrderFormAction, OrderFormScope } from "./types";

/** Voids a paid payment that has not settled, or releases an authorization: the buyer is not charged. */
export function VoidOrderForm({
  action,
  scope,
  orderId,
  amount,
  authorizedOnly = false,
}: {
  action: OrderFormAction;
  scope: OrderFormScope;
  orderId: string;
  amount: string;
  /** The payment is only authorized (manual capture): voiding releases the hold. */
  authorizedOnly?: boolean;
}) {
  const [state, formAction] = useActionState(action, {} as FormState);
  return (
    <ConfirmDisclosure label="Void payment" confirmLabel="Confirm void" tone="danger" state={state} formAction={formAction} scope={scope} hidden={{ orderId }}>
      <p>
        {authorizedOnly
          ? `The authorization of ${amount} is released without capturing it: the buyer is not charged and the order becomes voided.`
          : `The payment of ${amount} is canceled before it settles: the buyer is not charged and the order becomes voided.`}{" "}
        This cannot be undone.
      </p>
    </ConfirmDisclosure>
  );
}
