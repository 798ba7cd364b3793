"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";
import { ScopeFields } from "./scope-fields";
import type { KeyFormScope, RevokeApiKeyAction } from "./types";

/**
 * Revoking takes two clicks: the disclosure opens a confirmation with its own submit button. A native
 * `<details>`, so the confirmation works without JavaScript too.
 */
export function RevokeApiKeyForm({ action, scope, keyId, label }: { action: RevokeApiKeyAction; scope: KeyFormScope; keyId: string; label: string }) {
  const [state, formAction] = useActionState(action, {} as FormState);
  return (
    // Kept open when the action answered an error, which is also how it arrives without JavaScript.
    <details className="inline-block text-left" open={state.message && !state.ok ? true : undefined}>
      <summary className="ml-auto w-fit cursor-pointer list-none rounded-md px-2 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50">
        Revoke<span className="sr-only"> {label}</span>
      </summary>
      <form action={formAction} className="mt-2 w-64 space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
        <ScopeFields scope={scope} />
        <input type="hidden" name="keyId" value={keyId} />
        <p>Requests made with this key are refused at once. This cannot be undone.</p>
        <SubmitButton variant="danger">Confirm revoke</SubmitButton>
        {state.message && !state.ok ? (
          <p role="alert" className="text-red-800">
            {state.message}
          </p>
        ) : null}
      </form>
    </details>
  );
}
