"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/forms";
import { ConfirmDisclosure } from "@/components/dashboard/confirm-disclosure";
import type { OrderFormAction, OrderFormScope } from "./types";

/** Closes the order the way the API's cancel does; `consequence` says what that means for this order now. */
export function CancelOrderForm({ action, scope, orderId, consequence }: { action: OrderFormAction; scope: OrderFormScope; orderId: string; consequence: string }) {
  const [state, formAction] = useActionState(action, {} as FormState);
  return (
    <ConfirmDisclosure label="Cancel order" confirmLabel="Confirm cancel" tone="danger" state={state} formAction={formAction} scope={scope} hidden={{ orderId }}>
      <p>{consequence} This cannot be undone.</p>
    </ConfirmDisclosure>
  );
}
