import type { Metadata } from "next";
import { countryOptions, currencyOptions } from "@/components/ui/options";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ email?: string; invitation?: string }> }) {
  const { email, invitation } = await searchParams;
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Create your Paylink account</h1>
      <p className="mb-4 text-sm text-slate-600">You start in test mode: no real money moves until you switch to live.</p>
      <SignUpForm countries={countryOptions()} currencies={currencyOptions()} email={typeof email === "string" ? email : ""} invitation={typeof invitation === "string" ? invitation : ""} />
    </>
  );
}
