"use client";

import { useActionState } from "react";
import { ConfirmDisclosure } from "@/components/dashboard/confirm-disclosure";
import { OneTimeSecret } from "@/components/dashboard/one-time-secret";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";
import { ScopeFields } from "../scope-fields";
import type { KeyFormScope } from "../types";
import type { CreateOnerwayKeyAction, CreateOnerwayKeyState, RevokeOnerwayKeyAction } from "./types";

/**
 * Creates, rolls and revokes the secret key of the mode the page shows. The new key comes back in the action's
 * state and is shown once, above the buttons. Rolling and revoking take a confirmation (a native `<details>`,
 * so without JavaScript too).
 */
export function OnerwayKeyForms({
  createAction,
  revokeAction,
  scope,
  currentLast4,
}: {
  createAction: CreateOnerwayKeyAction;
  revokeAction: RevokeOnerwayKeyAction;
  scope: KeyFormScope;
  /** The mode's key as the page last read it; null when it has none. */
  currentLast4: string | null;
}) {
  const [created, createFormAction] = useActionState(createAction, {} as CreateOnerwayKeyState);
  const [revoked, revokeFormAction] = useActionState(revokeAction, {} as FormState);
  const mode = scope.livemode ? "live" : "test";
  // Shown while it is still the mode's key: gone once it is revoked or replaced.
  const fresh = created.created && created.created.secretKey.slice(-4) === currentLast4 ? created.created : null;
  const createFailed = !created.ok && !!created.message;

  return (
    <div className="space-y-4">
      {fresh ? (
        <OneTimeSecret key={fresh.secretKey} id="new-onerway-key" kind="api-key" headingLevel={3} title={`Your new ${fresh.livemode ? "live" : "test"} Onerway-compatible secret key`} secret={fresh.secretKey}>
          <p>
            <strong>Copy it now: it won’t be shown again.</strong> Your system signs its requests with it and with the merchant
            number <code className="font-mono">{fresh.merchantNo}</code>. Keep it on your server only; if you lose it, roll it.
          </p>
        </OneTimeSecret>
      ) : null}
      {revoked.ok && revoked.message && currentLast4 === null ? <Alert tone="success">{revoked.message}</Alert> : null}

      {currentLast4 === null ? (
        <form action={createFormAction} className="space-y-3" noValidate>
          <ScopeFields scope={scope} />
          {createFailed ? <Alert>{created.message}</Alert> : null}
          <SubmitButton>Create secret key</SubmitButton>
        </form>
      ) : (
        <div className="flex flex-wrap items-start gap-3">
          {/* Remounted (closed) after each roll. */}
          <ConfirmDisclosure
            key={fresh?.secretKey ?? "roll"}
            label="Roll secret key"
            confirmLabel="Confirm roll"
            tone="neutral"
            state={created}
            formAction={createFormAction}
            scope={scope}
            hidden={{}}
          >
            <p>
              A new {mode} secret key is made now and shown once. It replaces the current one (…{currentLast4}) at once: every
              request signed with the old key is refused from then on, so update your system right away.
            </p>
          </ConfirmDisclosure>
          <ConfirmDisclosure
            label="Revoke"
            confirmLabel="Confirm revoke"
            tone="danger"
            state={revoked}
            formAction={revokeFormAction}
            scope={scope}
            hidden={{}}
          >
            <p>
              Requests signed with the {mode} secret key (…{currentLast4}) are refused at once. The merchant number stays; you
              can create a new key afterwards.
            </p>
          </ConfirmDisclosure>
        </div>
      )}
    </div>
  );
}
