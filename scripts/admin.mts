// npm run admin -- <command> [flags] — operator tasks (create a merchant, issue an API key or Onerway-compatible
// credentials, make a business a platform) through the same services as the app, on DATABASE_URL or the
// embedded database. JSON on stdout; errors as JSON on stderr.
import { databaseConfigFromEnv } from "@/db";
import { openDatabase, type Db } from "@/db/client";
import { EnvError, getDatabaseEnv, getEnv } from "@/lib/core/env";
import { isAppError } from "@/lib/core/errors";
import { helpText, parseCommand, type AdminCommand } from "./admin/cli.ts";
import { createApiKeyCommand, createMerchantCommand, createOnerwayCredentialsCommand, enablePlatformCommand } from "./admin/commands.ts";
import { prepareLocalEnv } from "./local-env.mts";

function fail(code: string, message: string, param: string | null, exitCode: number): void {
  process.stderr.write(`${JSON.stringify({ error: { code, message, param } })}\n`);
  process.exitCode = exitCode;
}

/**
 * The AUTH_SECRET the app runs with, which seals the Onerway-compatible keys: the deployment's, or on the
 * embedded database the one `npm run dev` keeps in .paylink/. On PostgreSQL a missing one is an error, never a
 * made-up one: a key sealed under another secret would be printed but never open in the app.
 */
function appAuthSecret(): string {
  if (!getDatabaseEnv().DATABASE_URL) prepareLocalEnv();
  return getEnv().AUTH_SECRET;
}

async function run(command: Exclude<AdminCommand, { command: "help" }>, db: Db, authSecret: string | null): Promise<unknown> {
  switch (command.command) {
    case "create-merchant":
      return createMerchantCommand(db, command);
    case "create-api-key":
      return createApiKeyCommand(db, command);
    case "create-onerway-credentials":
      return createOnerwayCredentialsCommand(db, command, authSecret!);
    case "enable-platform":
      return enablePlatformCommand(db, command);
  }
}

try {
  const command = parseCommand(process.argv.slice(2));
  if (command.command === "help") {
    process.stdout.write(`${JSON.stringify(helpText(), null, 2)}\n`);
  } else {
    // Checked before the database is opened, like the flags.
    const authSecret = command.command === "create-onerway-credentials" ? appAuthSecret() : null;
    // PGlite allows one process per data folder: open it only for the command, and always close it.
    const database = await openDatabase(databaseConfigFromEnv());
    try {
      await database.migrate();
      process.stdout.write(`${JSON.stringify(await run(command, database.db, authSecret))}\n`);
    } finally {
      await database.close();
    }
  }
} catch (error) {
  // Operators get what went wrong in one line, never a stack trace.
  if (isAppError(error)) fail(error.code, error.message, error.param, error.code.startsWith("parameter_") ? 2 : 1);
  else if (error instanceof EnvError) fail("invalid_environment", error.message, null, 1);
  else fail("internal_error", error instanceof Error ? error.message.split("\n")[0]!.slice(0, 500) : String(error), null, 1);
}
