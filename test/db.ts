import { afterAll, inject } from "vitest";
import { openPostgres, type Database } from "@/db/client";

/** The run's PostgreSQL database, opened once per test file and closed after it. */
export async function openTestDatabase(): Promise<Database> {
  const database = await openPostgres(inject("databaseUrl"), 5);
  afterAll(() => database.close());
  return database;
}

export { uniqueEmail } from "./ids";
