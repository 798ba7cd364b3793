import postgres from "postgres";

/**
 * The server that test databases are created on: TEST_DATABASE_ADMIN_URL, or the local PostgreSQL with trust
 * auth that a development machine (and CI) has. Each test run makes its own database there and drops it after.
 */
export const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** Where the e2e server leaves the URL of its database, for API tests that set up data through services. */
export function e2eDatabaseFile(port: string | number): string {
  return `.paylink/e2e-database-url-${port}`;
}

/** Everything the e2e server on that port printed (its JSON logs included). */
export function e2eServerLogFile(port: string | number): string {
  return `.paylink/e2e-server-${port}.log`;
}

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createDatabase(prefix: string): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${Date.now()}_${process.pid}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } catch (error) {
    throw new Error(
      `Could not create a test database on ${new URL(ADMIN_URL).host}. Is PostgreSQL running? ` +
        `Set TEST_DATABASE_ADMIN_URL to a role that may create databases. (${(error as Error).message})`,
    );
  } finally {
    await admin.end();
  }
  return { name, url: databaseUrl(name) };
}

export async function dropDatabase(name: string): Promise<void> {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
}
