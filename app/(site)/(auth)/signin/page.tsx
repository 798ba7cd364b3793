import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/auth/config";
import { Alert } from "@/components/ui/alert";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; reset?: string }> }) {
  const search = await searchParams;
  const callbackUrl = safeCallbackPath(search.callbackUrl);
  if ((await auth())?.user) redirect(callbackUrl);
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">Sign in to Paylink</h1>
      {search.reset === "1" ? (
        <div className="mb-4">
          <Alert tone="success">Your password was changed and every session signed out. Sign in with the new password.</Alert>
        </div>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} />
    </>
  );
}
