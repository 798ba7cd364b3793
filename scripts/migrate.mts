// npm run db:migrate — applies pending migrations to DATABASE_URL, or to the embedded database.
import { databaseConfigFromEnv } from "@/db";
import { openDatabase } from "@/db/client";

const config = databaseConfigFromEnv();
const database = await openDatabase(config);
try {
  await database.migrate();
  console.log(`migrations applied (${config.kind === "postgres" ? "PostgreSQL" : `PGlite in ${config.dataDir}`})`);
} finally {
  await database.close();
}
