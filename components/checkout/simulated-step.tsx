import type { ReactNode } from "react";
import { PrimaryButton, SecondaryButton } from "./buttons";
import { DetailsList } from "./details-list";

/**
 * A page the buyer is sent to by the payment (3-D Secure, a wallet, a bank, a pay-later provider), as the
 * simulated processor plays it: who asks, what for, and the buyer's two answers, posted to /o/{token}/action
 * with the step's name. `choices` go in the form above the answers (the bank list).
 */
export function SimulatedStep({
  token,
  step,
  eyebrow,
  title,
  intro,
  details,
  choices,
  approve,
  decline,
}: {
  token: string;
  step: string;
  eyebrow: string;
  title: string;
  intro: ReactNode;
  details: [string, ReactNode][];
  choices?: ReactNode;
  approve: string;
  decline: string;
}) {
  return (
    <section aria-labelledby="step-title" className="space-y-5 rounded-xl border border-slate-300 bg-white p-5 shadow-sm">
      <div className="space-y-2">
        <p className="text-sm font-medium uppercase tracking-wide text-slate-600">{eyebrow}</p>
        <h1 id="step-title" className="text-2xl font-semibold tracking-tight text-slate-900">
          {title}
        </h1>
        <p className="text-slate-700">{intro}</p>
      </div>
      <DetailsList items={details} />
      <form method="post" action={`/o/${token}/action`} className="space-y-4">
        <input type="hidden" name="step" value={step} />
        {choices}
        <PrimaryButton name="decision" value="approve">
          {approve}
        </PrimaryButton>
        <SecondaryButton name="decision" value="decline">
          {decline}
        </SecondaryButton>
      </form>
    </section>
  );
}
