import type { Database } from "@/db/client";

export type HealthReport =
  | { ok: true; body: { status: "ok"; database: { kind: string; latencyMs: number } } }
  | { ok: false; body: { status: "unavailable"; database: { reachable: false } }; cause: unknown };

/** Whether the service can do its work: the database must open and answer a round trip in time. */
export async function checkHealth(open: () => Promise<Database>, timeoutMs = 2000): Promise<HealthReport> {
  const started = performance.now();
  try {
    const database = await open();
    await database.ping(timeoutMs);
    return {
      ok: true,
      body: { status: "ok", database: { kind: database.kind, latencyMs: Math.round(performance.now() - started) } },
    };
  } catch (cause) {
    return { ok: false, body: { status: "unavailable", database: { reachable: false } }, cause };
  }
}
