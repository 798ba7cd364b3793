import Link from "next/link";
import { formatDateTime } from "../format";
import type { KeyFormScope } from "../types";
import { OnerwayKeyForms } from "./onerway-key-forms";
import type { CreateOnerwayKeyAction, OnerwayCredentialsView, RevokeOnerwayKeyAction } from "./types";

/**
 * The credentials of the Onerway-compatible endpoints (API.md): the merchant number, and the secret key of the
 * mode the dashboard shows. The forms are given to owners and admins only; without them the section is read-only.
 */
export function OnerwaySection({
  credentials,
  scope,
  actions,
}: {
  credentials: OnerwayCredentialsView;
  scope: KeyFormScope;
  actions?: { create: CreateOnerwayKeyAction; revoke: RevokeOnerwayKeyAction };
}) {
  const mode = scope.livemode ? "live" : "test";
  const other = scope.livemode ? "test" : "live";
  const { merchantNo, key } = credentials;
  return (
    <section aria-labelledby="onerway-heading" className="space-y-4">
      <div>
        <h2 id="onerway-heading" className="text-lg font-semibold">
          Onerway-compatible API
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Systems written for Onerway’s Payment Link API can use Paylink with a merchant number and a secret key: the{" "}
          <Link href="/docs/onerway" className="text-indigo-700 underline hover:no-underline">
            Onerway-compatible API guide
          </Link>{" "}
          lists the endpoints and how to sign requests. The secret key decides the mode: this is the {mode} key; switch to {other}{" "}
          mode at the top of the page for the {other} key.
          {actions ? null : " Only an owner or admin can create, roll or revoke it."}
        </p>
      </div>
      <dl className="grid max-w-xl grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr] sm:gap-y-2">
        <dt className="font-medium text-slate-700">Merchant number</dt>
        <dd className="text-slate-900">
          {merchantNo ? <code className="font-mono">{merchantNo}</code> : <span className="text-slate-600">None yet: it comes with the first secret key.</span>}
        </dd>
        <dt className="mt-2 font-medium text-slate-700 sm:mt-0">{scope.livemode ? "Live" : "Test"} secret key</dt>
        <dd className="text-slate-900">
          {key ? (
            <>
              <code className="font-mono">…{key.last4}</code>
              <span className="text-slate-600">
                , created <time dateTime={key.createdAt.toISOString()}>{formatDateTime(key.createdAt)}</time>
              </span>
            </>
          ) : (
            <span className="text-slate-600">None</span>
          )}
        </dd>
      </dl>
      {actions ? <OnerwayKeyForms createAction={actions.create} revokeAction={actions.revoke} scope={scope} currentLast4={key?.last4 ?? null} /> : null}
    </section>
  );
}
