import { headers } from "next/headers";
import { getEnv } from "@/lib/core/env";
import { clientAddress } from "./client-address";

/**
 * What the account-email services need from a server action's request: where links point, who asks (for the
 * per-client limit) and the hourly allowance (ACCOUNT_EMAIL_MAX_PER_HOUR).
 */
export async function accountEmailBase() {
  const env = getEnv();
  return { appUrl: env.APP_URL, clientIp: clientAddress(await headers(), env.TRUSTED_PROXY_COUNT), maxPerHour: env.ACCOUNT_EMAIL_MAX_PER_HOUR };
}
