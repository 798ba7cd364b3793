"use client";

import { useActionState } from "react";
import { ConfirmDisclosure } from "@/components/dashboard/confirm-disclosure";
import { OneTimeSecret } from "@/components/dashboard/one-time-secret";
import type { SecretFormAction, SecretState } from "@/components/dashboard/webhooks/types";

/** Rolls the callback secret of one mode after a confirmation; the new one is shown once, above. */
export function CallbackSecretForm({ action, merchantId, mode }: { action: SecretFormAction; merchantId: string; mode: "test" | "live" }) {
  const [state, formAction] = useActionState(action, {} as SecretState);
  const rotated = state.ok ? state.secret : undefined;
  return (
    <div className="space-y-3">
      {rotated ? (
        <OneTimeSecret key={rotated.value} id="new-callback-secret" kind="signing-secret" title={`New ${mode} callback secret`} secret={rotated.value}>
          <p>
            <strong>Copy it now and put it on your server: it won’t be shown again.</strong> Status callbacks of {mode}{" "}
            objects are signed with it from now on; the old secret no longer verifies them.
          </p>
        </OneTimeSecret>
      ) : null}
      <ConfirmDisclosure
        key={rotated?.value ?? "rotate"}
        label={`Roll ${mode} callback secret`}
        confirmLabel="Confirm roll"
        tone="danger"
        state={state}
        formAction={formAction}
        hidden={{ merchantId, mode }}
      >
        <p>
          A new {mode} secret is made now and shown once. Every {mode} status callback from then on, retries included, is signed
          with the new secret only: update your server right away, or it will refuse them.
        </p>
      </ConfirmDisclosure>
    </div>
  );
}
