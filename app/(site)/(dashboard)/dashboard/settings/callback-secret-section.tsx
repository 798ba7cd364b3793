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
 * Settings → Status callbacks: the secret that signs deliveries to a link's or order's status_callback_url,
 * one per mode, the one of the mode the dashboard is in. Owners and admins see its last characters and can
 * roll it: the new secret is shown once, and never again. Viewers see neither.
 */
export async function CallbackSecretSection() {
  const { current, livemode } = await getDashboardContext();
  const canManage = can(current.role, "manage_settings");
  const mode = livemode ? "live" : "test";
  const secret = canManage ? await findCallbackSecret(await getDb(), { merchantId: current.merchant.id, livemode }) : null;
  return (
    <section aria-labelledby="callbacks-heading" className="mt-10 max-w-3xl space-y-3">
      <h2 id="callbacks-heading" className="text-lg font-semibold">
        Status callbacks
      </h2>
      <p className="text-sm text-slate-600">
        A payment link or order created with a <code className="font-mono">status_callback_url</code> sends its events there,
        signed like webhooks (Standard Webhooks) with this business’s callback secret. Test and live objects are signed with
        different secrets; switch modes at the top of the page to manage the other one.
      </p>
      {canManage && secret ? (
        <>
          <div className="space-y-2 rounded-xl border border-slate-200 bg-white p-4 text-sm">
            <p>
              {livemode ? "Live" : "Test"} callback secret: <code className="font-mono" data-testid="callback-secret-masked">{mask(secret)}</code>
            </p>
            <p className="text-slate-600">A secret is shown only once, when it is made. Lost it? Roll it for a new one.</p>
          </div>
          <CallbackSecretForm action={rotateCallbackSecretAction} merchantId={current.merchant.id} mode={mode} />
        </>
      ) : (
        <p className="text-sm text-slate-600">Only an owner or admin can roll the callback secret.</p>
      )}
    </section>
  );
}
