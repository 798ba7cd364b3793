import type { liveModeStatus } from "@/lib/processor";

type LiveModeStatus = ReturnType<typeof liveModeStatus>;

/** What a live link's page says about who can pay through it. */
export const LIVE_MODE_NOTES: Record<LiveModeStatus, string> = {
  unavailable: "Live mode takes no payment yet: buyers see that this business is not accepting payments until a payment processor is connected.",
  simulated: "Demonstration: live payments run on the simulated processor, and no real money moves.",
};

/**
 * The band at the top of every live-mode page: what live mode needs before buyers can pay, or that this
 * installation only simulates live payments (SIMULATOR_LIVE_MODE, for demonstrations).
 */
export function LiveModeBanner({ status }: { status: LiveModeStatus }) {
  return (
    <div role="note" aria-label="Live mode" className="bg-rose-700 px-4 py-1.5 text-center text-xs font-semibold text-white">
      {status === "unavailable"
        ? "Live mode — no payment processor is connected: live links and orders can be set up, but buyers cannot pay yet. The operator connects a processor to take real payments; test mode works as always."
        : "Live mode (demonstration) — SIMULATOR_LIVE_MODE is on: live payments run on the simulated processor and no real money moves."}
    </div>
  );
}
