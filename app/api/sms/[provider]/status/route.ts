// POST /api/sms/{provider}/status — an SMS provider's delivery reports for the SMS we sent, such as Twilio's at
// /api/sms/twilio/status (see lib/http/sms-status.ts); an unknown provider is 404.
import { getDb } from "@/db";
import { getEnv } from "@/lib/core/env";
import { receiveDeliveryReport } from "@/lib/http/sms-status";
import { route } from "@/lib/http/route";
import { smsProviderFromEnv } from "@/lib/messaging/config";

export const dynamic = "force-dynamic";

export const POST = route<{ provider: string }>(
  async (request, { params, log }) => {
    const env = getEnv();
    return receiveDeliveryReport(request, params.provider, { db: await getDb(), provider: smsProviderFromEnv(env), appUrl: env.APP_URL, log });
  },
  { pattern: "/api/sms/[provider]/status" },
);
