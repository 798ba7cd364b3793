"use client";

import Link from "next/link";
import { useActionState } from "react";
import { ScopeFields } from "@/components/dashboard/developers/scope-fields";
import { OneTimeSecret } from "@/components/dashboard/one-time-secret";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { formKey } from "@/lib/forms";
import { EndpointFormFields } from "./endpoint-form-fields";
import { echoedEndpointValues } from "./endpoint-values";
import type { SecretFormAction, SecretState, WebhookFormScope } from "./types";

const EMPTY = { url: "", events: ["*"], description: "", connect: false };

/** Adds an endpoint; its signing secret comes back in the action's answer and is shown once, above the form. */
export function CreateEndpointForm({
  action,
  scope,
  eventTypes,
  platform,
}: {
  action: SecretFormAction;
  scope: WebhookFormScope;
  eventTypes: readonly string[];
  /** The business is a platform: the form offers `connect`. */
  platform: boolean;
}) {
  const [state, formAction] = useActionState(action, {} as SecretState);
  const created = state.ok ? state.secret : undefined;
  return (
    <div className="space-y-4">
      {created ? (
        <OneTimeSecret key={created.id} id="new-webhook-secret" kind="signing-secret" title={`Endpoint added: ${created.url}`} secret={created.value}>
          <p>
            <strong>Copy the signing secret now: it won’t be shown again.</strong> Your server checks the{" "}
            <code className="font-mono">webhook-signature</code> header of every delivery with it (Standard Webhooks). If you
            lose it, rotate it on the{" "}
            <Link href={`/dashboard/developers/webhooks/${created.id}`} className="font-medium underline">
              endpoint’s page
            </Link>
            .
          </p>
        </OneTimeSecret>
      ) : null}
      <form key={formKey(state)} action={formAction} className="max-w-2xl space-y-4 rounded-xl border border-slate-200 bg-white p-5" noValidate>
        <h3 className="font-semibold">Add an endpoint</h3>
        <ScopeFields scope={scope} />
        {state.message && !state.ok ? <Alert>{state.message}</Alert> : null}
        <EndpointFormFields idPrefix="new-endpoint" values={echoedEndpointValues(EMPTY, state.values)} errors={state.fieldErrors ?? {}} eventTypes={eventTypes} livemode={scope.livemode} platform={platform} />
        <SubmitButton>Add endpoint</SubmitButton>
      </form>
    </div>
  );
}
