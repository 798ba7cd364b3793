// POST /bench/bare-route: the benchmark's baseline for the API: a route handler on the same build that reads a
// JSON body and answers JSON, touching nothing else (no database, no key, no validation). `npm run bench`
// reports the create-link rate against it, next to pgbench. Served only when PAYLINK_BENCH_ROUTES=1.
import { getEnv } from "@/lib/core/env";

export async function POST(request: Request): Promise<Response> {
  if (!getEnv().PAYLINK_BENCH_ROUTES) return new Response("Not found.", { status: 404 });
  const body: unknown = await request.json().catch(() => null);
  return Response.json({ object: "bench", received: body !== null, at: new Date().toISOString() }, { status: 201 });
}
