import type { TestProject } from "vitest/node";
import { openPostgres } from "@/db/client";
import { createDatabase, dropDatabase } from "./databases";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** One fresh, migrated PostgreSQL database per test run, dropped at the end. */
export default async function setup(project: TestProject) {
  const { name, url } = await createDatabase("paylink_test");
  const database = await openPostgres(url, 2);
  await database.migrate();
  await database.close();
  project.provide("databaseUrl", url);
  return async () => {
    if (process.env.KEEP_TEST_DATABASE) console.log(`kept test database ${name}`);
    else await dropDatabase(name);
  };
}
