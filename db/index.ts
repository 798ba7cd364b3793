import { getDatabaseEnv } from "@/lib/core/env";
import { openDatabase, type Database, type DatabaseConfig, type Db } from "./client";

export type { Db } from "./client";

export function databaseConfigFromEnv(): DatabaseConfig {
  const env = getDatabaseEnv();
  return env.DATABASE_URL
    ? { kind: "postgres", url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE }
    : { kind: "pglite", dataDir: env.PGLITE_DATA_DIR };
}

// Next.js may evaluate this module once per bundle (route handlers, pages, instrumentation) and again on
// every hot reload; the process must still hold exactly one pool, and PGlite exactly one open data folder.
const holder = globalThis as typeof globalThis & { __paylinkDatabase?: Promise<Database> };

/** The process-wide database, opened on first use (with pending migrations applied). */
export function getDatabase(): Promise<Database> {
  holder.__paylinkDatabase ??= (async () => {
    const database = await openDatabase(databaseConfigFromEnv());
    await database.migrate();
    return database;
  })().catch((error) => {
    holder.__paylinkDatabase = undefined;
    throw error;
  });
  return holder.__paylinkDatabase;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

export async function closeDatabase(): Promise<void> {
  const pending = holder.__paylinkDatabase;
  holder.__paylinkDatabase = undefined;
  if (pending) await (await pending.catch(() => undefined))?.close();
}
