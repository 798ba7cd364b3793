// npm run db:seed — adds the demo merchant (idempotent).
import { databaseConfigFromEnv } from "@/db";
import { openDatabase } from "@/db/client";
import { seedDemo } from "@/lib/services/seed-demo-merchant";
import { prepareLocalEnv } from "./local-env.mts";

prepareLocalEnv();
const database = await openDatabase(databaseConfigFromEnv());
try {
  await database.migrate();
  const demo = await seedDemo(database.db, process.env.APP_URL || `http://localhost:${process.env.PORT ?? "3000"}`);
  console.log(JSON.stringify(demo));
} finally {
  await database.close();
}
