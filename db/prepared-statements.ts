// drizzle-orm runs every query through postgres.js's `unsafe(text, params, { prepare: false })` unless the query
// was given a name. postgres.js sends an unnamed statement that has parameters in two round trips: Parse and
// Describe first, then — once the server has said the parameters' types — Bind and Execute. Every query of
// ours has parameters, so every query cost two round trips, each a socket write and a wake-up of the server
// process (on a two-core machine, a third of a checkout payment's time in the app was spent in those writes).
// A prepared statement is described once per connection and then runs in one round trip: the pool's client
// below prepares every query that has parameters, as postgres.js does by default for its own tagged queries.
// A server-side statement lives as long as its connection (postgres.js retires connections within the hour),
// which is why the README asks for PgBouncer in session mode, never transaction mode, in front.
import type { Sql, TransactionSql } from "postgres";

type Unsafe = (text: string, args?: unknown[], options?: Record<string, unknown>) => unknown;
type Callback = (sql: TransactionSql) => unknown;

function preparedUnsafe(target: Sql | TransactionSql): Unsafe {
  const unsafe = target.unsafe as unknown as Unsafe;
  return (text, args, options) =>
    Array.isArray(args) && args.length > 0 ? unsafe(text, args, { ...options, prepare: true }) : unsafe(text, args, options);
}

/** `begin(…, fn)` or `savepoint(…, fn)`, handing `fn` a transaction that prepares its queries too. */
function preparingCallback(method: (...a: unknown[]) => Promise<unknown>) {
  return (...args: unknown[]) => {
    const fn = args.pop() as Callback;
    return method(...args, (sql: TransactionSql) => fn(preparing(sql)));
  };
}

function preparing<T extends Sql | TransactionSql>(sql: T): T {
  return new Proxy(sql, {
    get(target, prop, receiver) {
      if (prop === "unsafe") return preparedUnsafe(target);
      const value: unknown = Reflect.get(target, prop, receiver);
      if ((prop === "begin" || prop === "savepoint") && typeof value === "function") return preparingCallback(value as (...a: unknown[]) => Promise<unknown>);
      return value;
    },
  });
}

/** The pool client, preparing every query with parameters, on the pool and in transactions (`begin`) alike. */
export function prepareStatements(client: Sql): Sql {
  return preparing(client);
}
