"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/forms";
import { ConfirmDisclosure } from "@/components/dashboard/confirm-disclosure";
import type { OrderFormAction, OrderFormScope } from "./types";

/** Voids a paid payment that has not settled: the buyer is not charged. */
export function VoidOrderForm({ action, scope, orderId, amount }: { action: OrderFormAction; scope: OrderFormScope; orderId: string; amount: string }) {
  const [state, formAction] = useActionState(action, {} as FormState);
  return (
    <ConfirmDisclosure label="Void payment" confirmLabel="Confirm void" tone="danger" state={state} formAction={formAction} scope={scope} hidden={{ orderId }}>
      <p>
        The payment of {amount} is canceled before it settles: the buyer is not charged and the order becomes voided. This cannot be
        undone.
      </p>
    </ConfirmDisclosure>
  );
}
