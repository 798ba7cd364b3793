import type { ReactNode } from "react";

/** The dashboard's status colours: one meaning each, whichever object's status it is. */
const TONES = {
  success: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
  danger: "bg-red-50 text-red-800 ring-red-600/20",
  warning: "bg-amber-50 text-amber-800 ring-amber-600/20",
  info: "bg-sky-50 text-sky-800 ring-sky-600/20",
  accent: "bg-violet-50 text-violet-800 ring-violet-600/20",
  muted: "bg-slate-100 text-slate-700 ring-slate-500/20",
} as const;

export type BadgeTone = keyof typeof TONES;

/** A status pill. `testId` names the kind of status, for tests that read it. */
export function Badge({ tone, testId, children }: { tone: BadgeTone; testId?: string; children: ReactNode }) {
  return (
    <span data-testid={testId} className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${TONES[tone]}`}>
      {children}
    </span>
  );
}
