"use client";

import { useActionState } from "react";
import { ConfirmDisclosure } from "@/components/dashboard/confirm-disclosure";
import { OneTimeSecret } from "@/components/dashboard/one-time-secret";
import type { SecretFormAction, SecretState, WebhookFormScope } from "./types";

/** Rotates an endpoint's signing secret after a confirmation; the new one is shown once. */
export function RotateSecretForm({ action, scope, endpointId }: { action: SecretFormAction; scope: WebhookFormScope; endpointId: string }) {
  const [state, formAction] = useActionState(action, {} as SecretState);
  const rotated = state.ok ? state.secret : undefined;
  return (
    <div className="space-y-3">
      {rotated ? (
        <OneTimeSecret key={rotated.value} id="rotated-webhook-secret" kind="signing-secret" title="New signing secret" secret={rotated.value}>
          <p>
            <strong>Copy it now: it won’t be shown again.</strong> For the next 24 hours every delivery is signed with both
            the old and the new secret, so your server can switch to the new one without missing any; after that only the
            new one signs.
          </p>
        </OneTimeSecret>
      ) : null}
      {/* Remounted (closed) after each rotation. */}
      <ConfirmDisclosure
        key={rotated?.value ?? "rotate"}
        label="Rotate secret"
        confirmLabel="Confirm rotate"
        tone="neutral"
        state={state}
        formAction={formAction}
        scope={scope}
        hidden={{ endpointId }}
      >
        <p>
          A new signing secret is made now and shown once. The current secret keeps signing deliveries, beside the new one,
          for 24 hours.
        </p>
      </ConfirmDisclosure>
    </div>
  );
}
