"use client";

import { useActionState } from "react";
import { ScopeFields } from "@/components/dashboard/developers/scope-fields";
import { SubmitButton } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";
import type { WebhookFormAction, WebhookFormScope } from "./types";

/** Sends one event to one endpoint again, as a new delivery with the same webhook-id. */
export function ResendEventForm({
  action,
  scope,
  endpointId,
  eventId,
  label,
  detail,
}: {
  action: WebhookFormAction;
  scope: WebhookFormScope;
  endpointId: string;
  eventId: string;
  label: string;
  /** Read by screen readers after the label, to tell the buttons of a list apart. */
  detail?: string;
}) {
  const [state, formAction] = useActionState(action, {} as FormState);
  return (
    <form action={formAction} className="flex shrink-0 flex-col items-start gap-1 sm:items-end">
      <ScopeFields scope={scope} />
      <input type="hidden" name="endpointId" value={endpointId} />
      <input type="hidden" name="eventId" value={eventId} />
      <SubmitButton variant="secondary" className="px-3! py-1.5!">
        {label}
        {detail ? <span className="sr-only"> {detail}</span> : null}
      </SubmitButton>
      {state.message ? (
        <p role={state.ok ? "status" : "alert"} className={`text-xs ${state.ok ? "text-emerald-700" : "text-red-700"}`}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
