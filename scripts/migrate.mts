// npm run db:migrate — applies pending migrations to DATABASE_URL, or to the embedded database.
import { databaseConfigFromEnv } from "@/db";
import { openDatabase } from "@/db/client";
import { EnvError } from "@/lib/core/env";

try {
  const config = databaseConfigFromEnv();
  const database = await openDatabase(config);
  try {
    await database.migrate();
    console.log(`migrations applied (${config.kind === "postgres" ? "PostgreSQL" : `PGlite in ${config.dataDir}`})`);
  } finally {
    await database.close();
  }
} catch (error) {
  // Say what is wrong, not where in our code it was noticed.
  console.error(error instanceof EnvError ? error.message : `migration failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
