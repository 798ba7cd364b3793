// POST /api/processors/{connector}/notifications — where processors tell us what happened asynchronously
// (a bank transfer arrived, a refund settled): see lib/http/processor-notifications.ts.
import { getDb } from "@/db";
import { receiveProcessorNotification } from "@/lib/http/processor-notifications";
import { route } from "@/lib/http/route";
import { paymentContextFromEnv } from "@/lib/services/payment-context";

export const dynamic = "force-dynamic";

export const POST = route<{ connector: string }>(
  async (request, { params, log }) => receiveProcessorNotification(request, params.connector, { db: await getDb(), paymentContext: paymentContextFromEnv(), log }),
  { pattern: "/api/processors/[connector]/notifications" },
);
