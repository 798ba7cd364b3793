import { afterAll, inject } from "vitest";
import { openPostgres, type Database } from "@/db/client";
import { createDatabase, dropDatabase } from "./databases";

/** The run's PostgreSQL database, opened once per test file and closed after it. */
export async function openTestDatabase(): Promise<Database> {
  const database = await openPostgres(inject("databaseUrl"), 5);
  afterAll(() => database.close());
  return database;
}

/**
 * A fresh, migrated database of the file's own, dropped after it: for a file whose data must not meet the
 * run's global sweeps (payments.int.test.ts counts the stalled payments and pending refunds of the whole
 * database, so a refund left pending by another file running beside it would change its counts).
 */
export async function openPrivateTestDatabase(prefix: string): Promise<Database> {
  const { name, url } = await createDatabase(prefix);
  const database = await openPostgres(url, 5);
  await database.migrate();
  afterAll(async () => {
    await database.close();
    await dropDatabase(name);
  });
  return database;
}

export { uniqueEmail } from "./ids";
