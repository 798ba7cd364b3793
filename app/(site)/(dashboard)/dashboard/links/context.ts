import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { can } from "@/lib/accounts/permissions";
import { getEnv } from "@/lib/core/env";
import { isAppError } from "@/lib/core/errors";
import { getDashboardContext } from "@/lib/http/session";
import type { PaymentLinkObject } from "@/lib/links/serialize";
import { getPaymentLink } from "@/lib/services/get-payment-link";
import type { ServiceContext } from "@/lib/core/scope";

/** The merchant and mode the links pages act for, as the services take them, and whether the member may change links. */
export async function getLinksContext(): Promise<{ ctx: ServiceContext; canWrite: boolean; merchant: { country: string; defaultCurrency: string } }> {
  const { current, livemode } = await getDashboardContext();
  return {
    ctx: { merchantId: current.merchant.id, livemode, appUrl: getEnv().APP_URL },
    canWrite: can(current.role, "write"),
    merchant: current.merchant,
  };
}

/** One of the merchant's links in the current mode; an unknown id or another merchant's is a 404 alike. */
export async function getLinkOr404(ctx: ServiceContext, id: string): Promise<PaymentLinkObject> {
  try {
    return await getPaymentLink(await getDb(), ctx, id);
  } catch (error) {
    if (isAppError(error) && error.code === "resource_missing") notFound();
    throw error;
  }
}
