"use client";

import { useActionState } from "react";
import { ScopeFields } from "@/components/dashboard/developers/scope-fields";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { formKey, type FormState } from "@/lib/forms";
import { EndpointFormFields } from "./endpoint-form-fields";
import { echoedEndpointValues } from "./endpoint-values";
import type { EndpointFormValues, WebhookFormAction, WebhookFormScope } from "./types";

/** Changes an endpoint's URL, events and description, behind a disclosure; the secret and the enabled switch have their own forms. */
export function EditEndpointForm({
  action,
  scope,
  endpointId,
  initial,
  eventTypes,
  platform,
}: {
  action: WebhookFormAction;
  scope: WebhookFormScope;
  endpointId: string;
  initial: EndpointFormValues;
  eventTypes: readonly string[];
  /** The business is a platform: the form offers `connect`. */
  platform: boolean;
}) {
  const [state, formAction] = useActionState(action, {} as FormState);
  // Kept open while it has something to say: an error (also how it arrives without JavaScript) or "saved".
  const answered = !!state.message || Object.keys(state.fieldErrors ?? {}).length > 0;
  return (
    <details open={answered ? true : undefined}>
      <summary className="w-fit cursor-pointer list-none rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100">
        Edit URL, events or description
      </summary>
      <form key={formKey(state)} action={formAction} className="mt-3 space-y-4 rounded-md border border-slate-200 p-4" noValidate>
        <ScopeFields scope={scope} />
        <input type="hidden" name="endpointId" value={endpointId} />
        <input type="hidden" name="savedUrl" value={initial.url} />
        {state.message ? <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert> : null}
        <EndpointFormFields idPrefix="edit-endpoint" values={echoedEndpointValues(initial, state.values)} errors={state.fieldErrors ?? {}} eventTypes={eventTypes} livemode={scope.livemode} platform={platform} />
        <SubmitButton>Save changes</SubmitButton>
      </form>
    </details>
  );
}
