import { getDb } from "@/db";
import { findCallbackSecret } from "@/db/queries/webhooks";
import { can } from "@/lib/accounts/permissions";
import { getDashboardContext } from "@/lib/http/session";
import { rotateCallbackSecretAction } from "./callback-actions";
import { CallbackSecretForm } from "./callback-secret-form";

/** `whsec_••••••••Ab3=`: enough to tell secrets apart, not to use one. */
function mask(secret: string): string {
  return `whsec_${"•".repeat(8)}${secret.slice(-4)}`;
}

/**
 * Settings → Status callbacks: the secret that signs deliveries to a link's or order's status_callback_url.
 * Owners and admins see it (masked, revealed on demand) and can rotate it; viewers see neither.
 */
export async function CallbackSecretSection() {
  const { current } = await getDashboardContext();
  const canManage = can(current.role, "manage_settings");
  const secret = canManage ? await findCallbackSecret(await getDb(), { merchantId: current.merchant.id }) : null;
  return (
    <section aria-labelledby="callbacks-heading" className="mt-10 max-w-3xl space-y-3">
      <h2 id="callbacks-heading" className="text-lg font-semibold">
        Status callbacks
      </h2>
      <p className="text-sm text-slate-600">
        A payment link or order created with a <code className="font-mono">status_callback_url</code> sends its events there,
        signed like webhooks (Standard Webhooks) with this business’s callback secret, in test and live mode alike.
      </p>
      {canManage && secret ? (
        <>
          <div className="space-y-2 rounded-xl border border-slate-200 bg-white p-4 text-sm">
            <p>
              Callback secret: <code className="font-mono" data-testid="callback-secret-masked">{mask(secret)}</code>
            </p>
            <details>
              <summary className="w-fit cursor-pointer text-sm font-medium text-indigo-700">Reveal</summary>
              <code data-testid="callback-secret" className="mt-2 block rounded-md bg-slate-50 p-2 font-mono text-xs break-all">
                {secret}
              </code>
            </details>
          </div>
          <CallbackSecretForm action={rotateCallbackSecretAction} merchantId={current.merchant.id} />
        </>
      ) : (
        <p className="text-sm text-slate-600">Only an owner or admin can see or rotate the callback secret.</p>
      )}
    </section>
  );
}
