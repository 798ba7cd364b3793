"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";

export interface RollKeysState extends FormState {
  rolled?: { id: string; name: string | null; livemode: boolean; secret: string }[];
}

export interface RemovedMemberKeyView {
  id: string;
  name: string | null;
  masked: string;
  livemode: boolean;
}

/**
 * Shown after a member was removed: the API keys they created here that still work, which they may have kept
 * a copy of, and one button that rolls them all. The new secrets are shown once, here.
 */
export function RemovedMemberKeys({
  email,
  userId,
  merchantId,
  keys,
  action,
}: {
  email: string;
  userId: string;
  merchantId: string;
  keys: RemovedMemberKeyView[];
  action: (previous: RollKeysState, formData: FormData) => Promise<RollKeysState>;
}) {
  const [state, formAction] = useActionState(action, {} as RollKeysState);
  if (state.rolled && state.rolled.length > 0) {
    return (
      <section aria-labelledby="rolled-heading" className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
        <h3 id="rolled-heading" className="font-semibold">New keys: copy them now, they won’t be shown again</h3>
        <p>The old keys stopped working. Put these in place of them wherever they were used.</p>
        <ul className="space-y-3">
          {state.rolled.map((key) => (
            <li key={key.id} className="space-y-1">
              <label htmlFor={`rolled-${key.id}`} className="block font-medium">
                {key.name ?? "Unnamed key"} ({key.livemode ? "live" : "test"})
              </label>
              <input id={`rolled-${key.id}`} readOnly value={key.secret} autoComplete="off" spellCheck={false} className="block w-full rounded-md border border-amber-300 bg-white px-3 py-2 font-mono" />
            </li>
          ))}
        </ul>
      </section>
    );
  }
  return (
    <section aria-labelledby="removed-keys-heading" className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <h3 id="removed-keys-heading" className="font-semibold">
        {email} was removed. {keys.length === 1 ? "An API key they created still works" : `${keys.length} API keys they created still work`}.
      </h3>
      <p>They may have kept a copy. Rolling replaces each with a new key of the same name; the old one stops working at once, so update your integration with the new secret.</p>
      <ul className="list-inside list-disc font-mono">
        {keys.map((key) => (
          <li key={key.id}>
            {key.masked} <span className="font-sans">({key.livemode ? "live" : "test"}{key.name ? `, “${key.name}”` : ""})</span>
          </li>
        ))}
      </ul>
      {state.message ? <Alert tone={state.ok ? "info" : "error"}>{state.message}</Alert> : null}
      <form action={formAction}>
        <input type="hidden" name="merchantId" value={merchantId} />
        <input type="hidden" name="createdBy" value={userId} />
        {keys.map((key) => (
          <input key={key.id} type="hidden" name="keyId" value={key.id} />
        ))}
        <SubmitButton variant="danger">{keys.length === 1 ? "Roll this key" : `Roll these ${keys.length} keys`}</SubmitButton>
      </form>
    </section>
  );
}
