"use client";

import { useActionState } from "react";
import { OneTimeSecret } from "@/components/dashboard/one-time-secret";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ScopeFields } from "./scope-fields";
import type { CreateApiKeyAction, CreateApiKeyState, KeyFormScope } from "./types";

/** Names and creates a key; the secret comes back in the action's state and is shown once, above the form. */
export function CreateApiKeyForm({ action, scope }: { action: CreateApiKeyAction; scope: KeyFormScope }) {
  const [state, formAction] = useActionState(action, {} as CreateApiKeyState);
  const mode = scope.livemode ? "live" : "test";
  return (
    <div className="space-y-4">
      {state.created ? (
        <OneTimeSecret
          key={state.created.id}
          id="new-api-key"
          kind="api-key"
          headingLevel={4}
          title={`Your new ${state.created.livemode ? "live" : "test"} key${state.created.name ? ` “${state.created.name}”` : ""}`}
          secret={state.created.secret}
        >
          <p>
            <strong>Copy it now: it won’t be shown again.</strong> Paylink keeps only a hash of it. Store it in your
            server’s secret settings, never in a browser, an app or a repository. If you lose it, revoke it and create
            another.
          </p>
        </OneTimeSecret>
      ) : null}
      <form action={formAction} className="max-w-lg space-y-3" noValidate>
        <ScopeFields scope={scope} />
        {state.message && !state.ok ? <Alert>{state.message}</Alert> : null}
        <TextField
          label="Key name (optional)"
          name="name"
          maxLength={100}
          placeholder="e.g. Web shop backend"
          defaultValue={state.values?.name}
          error={state.fieldErrors?.name}
          hint="Tells keys apart in this list, for example by the system that uses it."
        />
        <SubmitButton>Create {mode} key</SubmitButton>
      </form>
    </div>
  );
}
