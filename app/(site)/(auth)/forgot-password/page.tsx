import type { Metadata } from "next";
import { ForgotPasswordForm } from "../account-forms";

export const metadata: Metadata = { title: "Forgot your password" };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Forgot your password?</h1>
      <p className="mb-4 text-sm text-slate-600">Enter the address you sign in with and we will email you a link to choose a new one.</p>
      <ForgotPasswordForm />
    </>
  );
}
