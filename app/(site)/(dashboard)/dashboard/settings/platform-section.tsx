import { SubmitButton } from "@/components/ui/button";
import { getDashboardContext } from "@/lib/http/session";
import { enablePlatformAction } from "./platform-actions";

/**
 * Settings → Platform: an owner turns the business into a platform (API.md, "Platforms acting for their
 * merchants"). Others see whether it is one. A connected merchant cannot be a platform, so it has no section.
 */
export async function PlatformSection() {
  const { current } = await getDashboardContext();
  const { merchant, role } = current;
  if (merchant.platformId) return null;
  return (
    <section aria-labelledby="platform-heading" className="mt-10 max-w-3xl space-y-3">
      <h2 id="platform-heading" className="text-lg font-semibold">
        Platform
      </h2>
      <p className="text-sm text-slate-600">
        A platform runs Paylink for other businesses: its API keys create connected merchants and act for them with the{" "}
        <code className="font-mono">Paylink-Merchant</code> header.
      </p>
      {merchant.platform ? (
        <p className="rounded-xl border border-slate-200 bg-white p-4 text-sm font-medium" data-testid="platform-status">
          This business is a platform
        </p>
      ) : role === "owner" ? (
        <form action={enablePlatformAction}>
          <input type="hidden" name="merchantId" value={merchant.id} />
          <SubmitButton variant="secondary">Make this business a platform</SubmitButton>
        </form>
      ) : (
        <p className="text-sm text-slate-600">Only an owner can make this business a platform.</p>
      )}
    </section>
  );
}
