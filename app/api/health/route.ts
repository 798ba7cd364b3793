// GET /api/health — 200 when the database answers, 503 when it does not (for load balancers and monitors).
import { getDatabase } from "@/db";
import { checkHealth } from "@/lib/health";
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from "@/lib/http/errors";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(async (_request, { log }) => {
  const report = await checkHealth(getDatabase);
  if (!report.ok) {
    log.warn({ type: report.cause instanceof Error ? report.cause.name : typeof report.cause }, "health check: database unreachable");
  }
  return Response.json(report.body, {
    status: report.ok ? 200 : 503,
    headers: { "cache-control": "no-store", ...(report.ok ? {} : { "retry-after": String(UNAVAILABLE_RETRY_AFTER_SECONDS) }) },
  });
});
