import { sql } from "drizzle-orm";
import { describe, expect, onTestFinished, test } from "vitest";
import { checkHealth } from "@/lib/health";
import { createDatabase, dropDatabase } from "@/test/databases";
import { openPglite, openPostgres } from "./client";
import { merchants } from "./schema";

describe("migrations on PostgreSQL", () => {
  test("several processes starting at once migrate a fresh database exactly once", async () => {
    const { name, url } = await createDatabase("paylink_migrate");
    onTestFinished(() => dropDatabase(name));
    const instances = await Promise.all([1, 2, 3, 4].map(() => openPostgres(url, 1)));
    try {
      await Promise.all(instances.map((d) => d.migrate()));
      const applied = await instances[0]!.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      const journal = (await import("./migrations/meta/_journal.json")).entries;
      expect((applied as unknown as { n: number }[])[0]!.n).toBe(journal.length);
      await instances[1]!.migrate(); // and again: nothing left to do, no error
    } finally {
      await Promise.all(instances.map((d) => d.close()));
    }
  });
});

describe("the embedded database (PGlite) runs the same migrations and queries", () => {
  // PGlite runs every migration in WebAssembly on this process's thread: ~10 s alone, several times that beside
  // another test file on 2 cores.
  test("migrate, insert and read back through drizzle", { timeout: 120_000 }, async () => {
    const database = await openPglite("memory://");
    try {
      await database.migrate();
      await database.db.insert(merchants).values({ id: "mch_parity", name: "Parity", country: "JP", defaultCurrency: "JPY" });
      const rows = await database.db.select().from(merchants);
      expect(rows).toEqual([expect.objectContaining({ id: "mch_parity", brandColor: "#4f46e5", defaultCurrency: "JPY" })]);
      expect(rows[0]!.createdAt).toBeInstanceOf(Date);
    } finally {
      await database.close();
    }
  });
});

describe("checkHealth", () => {
  test("reports a reachable database", async () => {
    const { inject } = await import("vitest");
    const database = await openPostgres(inject("databaseUrl"), 1);
    try {
      const report = await checkHealth(async () => database);
      expect(report).toMatchObject({ ok: true, body: { status: "ok", database: { kind: "postgres" } } });
    } finally {
      await database.close();
    }
  });

  test("reports an unreachable one quickly, without leaking why", async () => {
    const database = await openPostgres("postgres://postgres@127.0.0.1:1/nothing", 1);
    const started = Date.now();
    try {
      const report = await checkHealth(async () => database, 1000);
      expect(report.ok).toBe(false);
      expect(JSON.stringify(report.body)).toBe('{"status":"unavailable","database":{"reachable":false}}');
      expect(Date.now() - started).toBeLessThan(6000);
    } finally {
      await database.close();
    }
  });
});

describe("the embedded database's data folder", () => {
  test("refuses a second process while the first has it open, and survives a reopen", { timeout: 120_000 }, async () => {
    const { mkdtemp } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const { execFileSync } = await import("node:child_process");
    const dir = `${await mkdtemp(`${tmpdir()}/paylink-pglite-`)}/data`;
    const first = await openPglite(dir);
    await first.migrate();
    await first.db.insert(merchants).values({ id: "mch_kept", name: "Kept", country: "US", defaultCurrency: "USD" });
    // Another process trying the same folder is told who holds it.
    const script = `import("./db/client.ts").then(m => m.openPglite(${JSON.stringify(dir)})).then(() => process.exit(0), e => { console.error(e.message); process.exit(3); })`;
    let message = "";
    try {
      execFileSync("npx", ["tsx", "-e", script], { encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      message = String((error as { stderr?: string }).stderr);
    }
    expect(message).toContain(`in use by process ${process.pid}`);
    await first.close();
    const again = await openPglite(dir);
    try {
      expect((await again.db.select().from(merchants)).map((m) => m.id)).toEqual(["mch_kept"]);
    } finally {
      await again.close();
    }
  });
});
