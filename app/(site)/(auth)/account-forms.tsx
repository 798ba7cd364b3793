"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { formKey, type FormState } from "@/lib/forms";
import { acceptInvitationAction, forgotPasswordAction, resetPasswordAction, verifyEmailAction } from "./account-actions";

export function ForgotPasswordForm() {
  const [state, action] = useActionState(forgotPasswordAction, {} as FormState);
  return (
    <form key={formKey(state)} action={action} className="space-y-4" noValidate>
      {state.message ? <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert> : null}
      <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} error={state.fieldErrors?.email} />
      <SubmitButton className="w-full">Email me a link</SubmitButton>
      <p className="text-sm text-slate-600">
        <Link href="/signin" className="font-medium text-indigo-700 hover:underline">
          Back to sign in
        </Link>
      </p>
    </form>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action] = useActionState(resetPasswordAction, {} as FormState);
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.message ? <Alert>{state.message}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <TextField label="New password" name="password" type="password" autoComplete="new-password" required minLength={10} hint="At least 10 characters." error={state.fieldErrors?.password} />
      <TextField label="New password again" name="confirm" type="password" autoComplete="new-password" required error={state.fieldErrors?.confirm} />
      <SubmitButton className="w-full">Set the new password</SubmitButton>
    </form>
  );
}

/** A button, not the link itself: mail scanners open links, and must not use up the token by doing so. */
export function VerifyEmailForm({ token }: { token: string }) {
  const [state, action] = useActionState(verifyEmailAction, {} as FormState);
  if (state.ok) {
    return (
      <div className="space-y-4">
        <Alert tone="success">{state.message}</Alert>
        <Link href="/dashboard" className="font-medium text-indigo-700 hover:underline">
          Go to the dashboard
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4">
      {state.message ? <Alert>{state.message}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <SubmitButton className="w-full">Confirm my address</SubmitButton>
    </form>
  );
}

export function AcceptInvitationForm({ token }: { token: string }) {
  const [state, action] = useActionState(acceptInvitationAction, {} as FormState);
  return (
    <form action={action} className="space-y-4">
      {state.message ? <Alert>{state.message}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <SubmitButton className="w-full">Accept the invitation</SubmitButton>
    </form>
  );
}
