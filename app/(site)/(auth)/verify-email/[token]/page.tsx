import type { Metadata } from "next";
import { VerifyEmailForm } from "../../account-forms";

export const metadata: Metadata = { title: "Confirm your email address" };

export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Confirm your email address</h1>
      <p className="mb-4 text-sm text-slate-600">One click, and live mode and other businesses&apos; teams are open to you.</p>
      <VerifyEmailForm token={token} />
    </>
  );
}
