"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/forms";
import { ConfirmDisclosure } from "@/components/dashboard/confirm-disclosure";
import type { WebhookFormAction, WebhookFormScope } from "./types";

/** Deletes an endpoint after a confirmation; the action goes back to the list. */
export function DeleteEndpointForm({ action, scope, endpointId, url }: { action: WebhookFormAction; scope: WebhookFormScope; endpointId: string; url: string }) {
  const [state, formAction] = useActionState(action, {} as FormState);
  return (
    <ConfirmDisclosure label="Delete endpoint" confirmLabel="Confirm delete" tone="danger" state={state} formAction={formAction} scope={scope} hidden={{ endpointId }}>
      <p>
        Deliveries to <span className="font-mono break-all">{url}</span> stop at once, including retries under way, and its
        delivery log is deleted. This cannot be undone.
      </p>
    </ConfirmDisclosure>
  );
}
