import { getTableColumns, sql, type DriverValueEncoder, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "./client";

// drizzle builds a query's SQL text anew on every call, walking every column of every table it names: on this
// machine 0.5 ms for a one-table SELECT, 0.3–0.6 ms for an INSERT … RETURNING and 3 ms for the checkout's visit
// statement — more than the database takes to run them. A hot statement is built once instead, with
// `sql.placeholder(…)` where its values go, as drizzle's `.prepare()` makes it: the same text, the same row
// mapping, only the building skipped.
//
// A prepared query is tied to the connection of the handle that built it, and a transaction's handle lives for
// one transaction. So the statement is built once per driver (postgres.js or PGlite: their prepared queries
// differ) and, for each call, bound to the calling handle's driver client — the pool's, or the transaction's
// own connection. drizzle's prepared queries read that client from their `client` field when they run
// (drizzle-orm/postgres-js/session.js, drizzle-orm/pglite/session.js); lib/jobs/queue.ts reaches the same
// client, the same way, for pg-boss. The binding is a prototype copy: nothing built is shared mutably.

/** drizzle's prepared query, as its drivers make it: what a built statement is bound to before each call. */
interface Bindable {
  execute(values?: Record<string, unknown>): Promise<unknown>;
}

function sessionOf(db: Db): { client: unknown; constructor: unknown } {
  const session = (db as unknown as { session?: { client?: unknown; constructor: unknown } }).session;
  if (!session || session.client === undefined) throw new Error("builtOnce: this database handle has no driver client");
  return session as { client: unknown; constructor: unknown };
}

/**
 * `build` run once per driver; each call returns the built statement bound to `db`'s connection (the pool's,
 * or the open transaction's), ready to `.execute({ …placeholders })`.
 */
export function builtOnce<T extends Bindable>(build: (db: Db) => T): (db: Db) => T {
  const byDriver = new Map<unknown, T>();
  return (db) => {
    const session = sessionOf(db);
    let built = byDriver.get(session.constructor);
    if (built === undefined) {
      built = build(db);
      if (!("client" in built)) throw new Error("builtOnce: drizzle's prepared query no longer keeps its client in `client`");
      byDriver.set(session.constructor, built);
    }
    return Object.create(built, { client: { value: session.client } }) as T;
  };
}

function checkedColumns(name: string, known: Record<string, unknown>, columns: readonly string[]) {
  for (const column of columns) if (!(column in known)) throw new Error(`${name}: no column ${column}`);
  // A default computed in JavaScript ($defaultFn) would be computed once, when the statement is built.
  for (const [key, column] of Object.entries(known)) {
    const computed = column as { defaultFn?: unknown; onUpdateFn?: unknown };
    if (!columns.includes(key) && (computed.defaultFn || computed.onUpdateFn)) throw new Error(`${name}: ${key} has a JavaScript default; pass it`);
  }
}

type Insert<T extends PgTable, K extends keyof T["$inferInsert"]> = Pick<T["$inferInsert"], K>;

/**
 * The VALUES of a built INSERT: each column a bare placeholder, its value encoded by `encoded` before the call as
 * drizzle encodes a value it binds itself (JSON to text, a Date to ISO, an array to PostgreSQL's literal) — and
 * null left null: drizzle would pass a placeholder's null through the column's encoder, turning a JSON column's
 * SQL NULL into the JSON value `null` and failing on a timestamp's.
 */
function builtInsert<T extends PgTable, K extends string, R>(name: string, table: T, columns: readonly K[], build: (db: Db, values: Record<K, SQL>) => Bindable) {
  const known = getTableColumns(table);
  checkedColumns(name, known, columns);
  const values = Object.fromEntries(columns.map((key) => [key, sql`${sql.placeholder(key)}`])) as Record<K, SQL>;
  const encoded = (row: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const key of columns) {
      const value = row[key];
      if (value === undefined) throw new Error(`no value for ${key}: pass null for an empty column`);
      out[key] = value === null ? null : (known[key] as unknown as DriverValueEncoder<unknown, unknown>).mapToDriverValue(value);
    }
    return out;
  };
  const statement = builtOnce((db) => build(db, values));
  return (db: Db) => {
    const bound = statement(db);
    return { execute: (row: Insert<T, K & keyof T["$inferInsert"]>) => bound.execute(encoded(row as Record<string, unknown>)) as Promise<R> };
  };
}

/**
 * `INSERT INTO table (…) VALUES (…) RETURNING *`, built once: the row is passed to `.execute()` with exactly
 * these columns (null where empty; a column left out takes its database default). Every call inserts the same
 * columns, so the text is the same and each connection's prepared statement is reused.
 */
export function insertReturning<T extends PgTable, K extends keyof T["$inferInsert"] & string>(name: string, table: T, columns: readonly K[]) {
  return builtInsert<T, K, T["$inferSelect"][]>(name, table, columns, (db, values) => (db.insert(table).values(values as never).returning() as unknown as { prepare(n: string): Bindable }).prepare(name));
}

/** insertReturning without the RETURNING: for rows the caller already holds (an event). */
export function insertOnly<T extends PgTable, K extends keyof T["$inferInsert"] & string>(name: string, table: T, columns: readonly K[]) {
  return builtInsert<T, K, unknown>(name, table, columns, (db, values) => (db.insert(table).values(values as never) as unknown as { prepare(n: string): Bindable }).prepare(name));
}
