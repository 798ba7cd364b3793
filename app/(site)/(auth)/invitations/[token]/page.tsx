import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getDb } from "@/db";
import { findUserById } from "@/db/queries/users";
import { auth } from "@/lib/auth";
import { findInvitation } from "@/lib/services/invitations";
import { AcceptInvitationForm } from "../../account-forms";

export const metadata: Metadata = { title: "Team invitation" };

const link = "font-medium text-indigo-700 hover:underline";

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const db = await getDb();
  const view = await findInvitation(db, token);
  if (view.state !== "open") {
    const why = { used: "It was already accepted, or withdrawn.", expired: "It has expired.", invalid: "The link is not valid." }[view.state];
    return (
      <>
        <h1 className="mb-2 text-xl font-semibold">This invitation no longer works</h1>
        <p className="text-sm text-slate-600">{why} Ask the team&apos;s owner to invite you again.</p>
      </>
    );
  }
  const { invitation, merchantName } = view;
  const session = await auth();
  const user = session?.user?.id ? await findUserById(db, session.user.id) : null;
  const here = `/invitations/${token}`;
  const heading = (
    <>
      <h1 className="mb-1 text-xl font-semibold">Join {merchantName}</h1>
      <p className="mb-4 text-sm text-slate-600">
        You are invited as <strong>{invitation.role}</strong>, at {invitation.email}.
      </p>
    </>
  );
  if (!user) {
    const signUp = `/signup?${new URLSearchParams({ email: invitation.email, invitation: token })}`;
    return (
      <>
        {heading}
        <p className="text-sm text-slate-700">
          <Link href={`/signin?callbackUrl=${encodeURIComponent(here)}`} className={link}>
            Sign in
          </Link>{" "}
          with {invitation.email} to accept, or{" "}
          <Link href={signUp} className={link}>
            create an account
          </Link>{" "}
          if you have none.
        </p>
      </>
    );
  }
  if (user.email.toLowerCase() !== invitation.email.toLowerCase()) {
    return (
      <>
        {heading}
        <p className="text-sm text-slate-700">You are signed in as {user.email}. Sign out, then sign in with {invitation.email} to accept.</p>
      </>
    );
  }
  if (!user.emailVerifiedAt) {
    return (
      <>
        {heading}
        <p className="text-sm text-slate-700">
          Confirm your email address first, with the link we emailed you when you signed up (or send it again from the{" "}
          <Link href="/dashboard" className={link}>
            dashboard
          </Link>
          ), then come back to this page.
        </p>
      </>
    );
  }
  return (
    <>
      {heading}
      <AcceptInvitationForm token={token} />
    </>
  );
}
