import { afterAll, inject } from "vitest";
import { openPostgres, type Database } from "@/db/client";

/** The run's PostgreSQL database, opened once per test file and closed after it. */
export async function openTestDatabase(): Promise<Database> {
  const database = await openPostgres(inject("databaseUrl"), 5);
  afterAll(() => database.close());
  return database;
}

let counter = 0;
/** An email nobody else in the run uses, so test files can share one database without clashing. */
export function uniqueEmail(tag = "user"): string {
  counter += 1;
  return `${tag}-${Date.now()}-${process.pid}-${counter}@example.test`;
}
