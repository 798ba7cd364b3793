import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getDb } from "@/db";
import { resetTokenUsable } from "@/lib/services/account-emails";
import { ResetPasswordForm } from "../../account-forms";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  if (!(await resetTokenUsable(await getDb(), token))) {
    return (
      <>
        <h1 className="mb-2 text-xl font-semibold">This link no longer works</h1>
        <p className="mb-4 text-sm text-slate-600">Reset links work once, for one hour. Ask for a new one.</p>
        <Link href="/forgot-password" className="font-medium text-indigo-700 hover:underline">
          Email me a new link
        </Link>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Choose a new password</h1>
      <p className="mb-4 text-sm text-slate-600">Every browser signed in to your account is signed out when you save it.</p>
      <ResetPasswordForm token={token} />
    </>
  );
}
