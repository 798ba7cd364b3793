"use client";

import { useActionState } from "react";
import { ScopeFields } from "@/components/dashboard/developers/scope-fields";
import { SubmitButton } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";
import type { OrderFormAction, OrderFormScope } from "./types";

/**
 * Test mode only: settles every paid, unsettled test payment now, as the daily settlement would (the API's
 * test helper), so refunds can be tried at once.
 */
export function SettleTestPaymentsForm({ action, scope }: { action: OrderFormAction; scope: OrderFormScope }) {
  const [state, formAction] = useActionState(action, {} as FormState);
  return (
    <form action={formAction} className="flex flex-col items-end gap-1">
      <ScopeFields scope={scope} />
      <SubmitButton variant="secondary">Settle test payments now</SubmitButton>
      {state.message ? (
        <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-emerald-700" : "text-red-700"}`}>
          {state.message}
        </p>
      ) : (
        <p className="text-xs text-slate-500">Settled payments can be refunded, no longer voided.</p>
      )}
    </form>
  );
}
