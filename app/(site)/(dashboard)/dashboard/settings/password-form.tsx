"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { FormState } from "@/lib/forms";
import { changePasswordAction } from "./password-actions";

/** Settings → Your account → Change password. The fields start empty after every answer. */
export function PasswordForm({ email }: { email: string }) {
  const [state, action] = useActionState(changePasswordAction, {} as FormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="max-w-lg space-y-4" noValidate aria-label="Change password">
      {state.message ? <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert> : null}
      {/* Lets password managers tie the new password to the account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={errors.currentPassword} />
      <TextField label="New password" name="newPassword" type="password" autoComplete="new-password" required minLength={10} hint="At least 10 characters." error={errors.newPassword} />
      <TextField label="Confirm new password" name="confirmPassword" type="password" autoComplete="new-password" required error={errors.confirmPassword} />
      <SubmitButton variant="secondary">Change password</SubmitButton>
    </form>
  );
}
