"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/forms";

/** Shown until the user confirms their address: what it holds back, and a way to get the link again. */
export function VerifyEmailBanner({ email, action }: { email: string; action: () => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, {} as FormState);
  return (
    <div role="status" className="bg-sky-50 px-4 py-2 text-center text-sm text-sky-950">
      Confirm your email address with the link we sent to {email}: until then you can work in test mode, but not switch to live mode, create live keys or join other teams.{" "}
      <form action={formAction} className="inline">
        <button type="submit" disabled={pending} className="font-medium underline">
          Send the link again
        </button>
      </form>
      {state.message ? <span className="ml-2 font-medium">{state.message}</span> : null}
    </div>
  );
}
