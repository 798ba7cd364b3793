// POST /api/sms/twilio/status — Twilio's delivery reports for the SMS we sent (see lib/http/sms-status.ts).
import { getDb } from "@/db";
import { getEnv } from "@/lib/core/env";
import { receiveDeliveryReport } from "@/lib/http/sms-status";
import { route } from "@/lib/http/route";
import { smsProviderFromEnv } from "@/lib/messaging/config";

export const dynamic = "force-dynamic";

export const POST = route(
  async (request, { log }) => {
    const env = getEnv();
    return receiveDeliveryReport(request, { db: await getDb(), provider: smsProviderFromEnv(env), appUrl: env.APP_URL, log });
  },
  { pattern: "/api/sms/twilio/status" },
);
