import Link from "next/link";
import { MerchantSwitcher } from "@/components/dashboard/merchant-switcher";
import { NavLinks } from "@/components/dashboard/nav-links";
import { getDb } from "@/db";
import { listUnhealthyEndpoints } from "@/db/queries/webhooks";
import { getSessionContext } from "@/lib/http/session";
import { LiveModeBanner } from "@/components/dashboard/live-mode";
import { liveModeStatus } from "@/lib/processor";
import { resendVerificationAction, setModeAction, signOutAction, switchMerchantAction } from "../actions";
import { VerifyEmailBanner } from "@/components/dashboard/verify-email-banner";
import { ModeSwitch } from "@/components/dashboard/mode-switch";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const { user, memberships, current, livemode } = await getSessionContext();
  // Endpoints the platform disabled after days of failures: the merchant hears about it on every page.
  const autoDisabled = current
    ? (await listUnhealthyEndpoints(await getDb(), { merchantId: current.merchant.id, livemode })).filter((e) => !e.enabled && e.disabledReason)
    : [];
  return (
    <div className="min-h-dvh">
      {livemode ? (
        <LiveModeBanner status={liveModeStatus()} />
      ) : (
        <div role="note" aria-label="Test mode" className="bg-amber-400 px-4 py-1 text-center text-xs font-semibold text-amber-950">
          Test mode — you are looking at test data. No real money moves.
        </div>
      )}
      {user.emailVerified ? null : <VerifyEmailBanner email={user.email} action={resendVerificationAction} />}
      {autoDisabled.length > 0 ? (
        <div role="alert" className="bg-red-50 px-4 py-2 text-center text-sm text-red-800">
          {autoDisabled.length === 1 ? "A webhook endpoint was" : `${autoDisabled.length} webhook endpoints were`} disabled after failing for days.{" "}
          <Link href="/dashboard/developers/webhooks" className="font-medium underline">
            Review webhooks
          </Link>
        </div>
      ) : null}
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex items-center gap-3">
            <Link href="/dashboard" className="text-lg font-semibold tracking-tight text-indigo-700">
              Paylink
            </Link>
            {current ? <MerchantSwitcher memberships={memberships} currentId={current.merchant.id} action={switchMerchantAction} /> : null}
            <Link href="/dashboard/businesses/new" className="text-sm text-indigo-700 hover:underline">
              New business
            </Link>
          </div>
          <div className="flex items-center gap-3 text-sm">
            <ModeSwitch livemode={livemode} action={setModeAction} />
            <span className="hidden text-slate-500 sm:inline" data-testid="signed-in-as">
              {user.email}
            </span>
            <form action={signOutAction}>
              <button type="submit" className="rounded-md px-2 py-1.5 font-medium text-slate-700 hover:bg-slate-100">
                Sign out
              </button>
            </form>
          </div>
        </div>
        <div className="mx-auto max-w-6xl px-4 pb-2">
          <NavLinks platform={current?.merchant.platform ?? false} />
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
