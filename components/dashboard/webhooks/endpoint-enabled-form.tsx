"use client";

import { useActionState } from "react";
import { ScopeFields } from "@/components/dashboard/developers/scope-fields";
import { SubmitButton } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";
import type { WebhookFormAction, WebhookFormScope } from "./types";

/** Turns deliveries to an endpoint off or back on; enabling again clears its failure state. */
export function EndpointEnabledForm({ action, scope, endpointId, enabled }: { action: WebhookFormAction; scope: WebhookFormScope; endpointId: string; enabled: boolean }) {
  const [state, formAction] = useActionState(action, {} as FormState);
  return (
    <form action={formAction} className="space-y-2">
      <ScopeFields scope={scope} />
      <input type="hidden" name="endpointId" value={endpointId} />
      <input type="hidden" name="enabled" value={enabled ? "false" : "true"} />
      <SubmitButton variant={enabled ? "secondary" : "primary"}>{enabled ? "Disable endpoint" : "Enable endpoint"}</SubmitButton>
      {state.message && !state.ok ? (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
