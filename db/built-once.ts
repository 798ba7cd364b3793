import type { Db } from "./client";

// drizzle builds a query's SQL text anew on every call, walking every column of every table it names: on this
// machine 0.5 ms for a one-table SELECT and 3 ms for the checkout's visit statement (an UPDATE … RETURNING
// feeding an upsert) — more than the database takes to run them. A hot statement on the pool is built once per
// database handle instead, with `sql.placeholder(…)` where its values go, and run with drizzle's `.prepare()`:
// the same text, the same row mapping, only the building skipped. (Only for the pool: a transaction's handle
// lives for one transaction, so building "once" per transaction would build as often as before.)

/** `build` run once per database handle, its result kept for that handle's life. */
export function builtOnce<T>(build: (db: Db) => T): (db: Db) => T {
  const byDb = new WeakMap<Db, T>();
  return (db) => {
    let built = byDb.get(db);
    if (built === undefined) byDb.set(db, (built = build(db)));
    return built;
  };
}
