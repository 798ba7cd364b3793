"use client";

import { useActionState } from "react";
import { ConfirmDisclosure } from "@/components/dashboard/confirm-disclosure";
import { OneTimeSecret } from "@/components/dashboard/webhooks/one-time-secret";
import type { SecretFormAction, SecretState } from "@/components/dashboard/webhooks/types";

/** Rotates the callback secret after a confirmation; the new one is shown once, above. */
export function CallbackSecretForm({ action, merchantId }: { action: SecretFormAction; merchantId: string }) {
  const [state, formAction] = useActionState(action, {} as SecretState);
  const rotated = state.ok ? state.secret : undefined;
  return (
    <div className="space-y-3">
      {rotated ? (
        <OneTimeSecret key={rotated.value} id="new-callback-secret" title="New callback secret" secret={rotated.value}>
          <p>
            <strong>Copy it now and put it on your server.</strong> Status callbacks are signed with it from now on; the old
            secret no longer verifies them.
          </p>
        </OneTimeSecret>
      ) : null}
      <ConfirmDisclosure
        key={rotated?.value ?? "rotate"}
        label="Rotate callback secret"
        confirmLabel="Confirm rotate"
        tone="danger"
        state={state}
        formAction={formAction}
        hidden={{ merchantId }}
      >
        <p>
          A new secret is made now and shown once. Every status callback from then on, retries included, is signed with the new
          secret only: update your server right away, or it will refuse them.
        </p>
      </ConfirmDisclosure>
    </div>
  );
}
