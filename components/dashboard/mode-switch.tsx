"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/forms";

/** The header's test/live switch; a refusal (an unconfirmed email address) is said beside it. */
export function ModeSwitch({ livemode, action }: { livemode: boolean; action: (previous: FormState, formData: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, {} as FormState);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="mode" value={livemode ? "test" : "live"} />
      <button type="submit" disabled={pending} className="rounded-md border border-slate-300 px-2 py-1.5 hover:bg-slate-100">
        {livemode ? "Switch to test mode" : "Switch to live mode"}
      </button>
      {state.message ? (
        <p role="alert" className="max-w-xs text-xs text-red-800">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
