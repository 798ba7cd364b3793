// A workaround for postgres.js 3.4.9 losing a transaction's connection (the server restarted or crashed, the
// network reset it). postgres.js then still sends ROLLBACK — or ROLLBACK TO SAVEPOINT, COMMIT, or the
// transaction's next query — on that connection. The write is deferred with setImmediate and reads the closed
// connection's socket, which is null by then: a TypeError thrown from a timer, which no caller can catch and
// which ends the process (porsager/postgres#1154 and #1208, reproduced by test/drills/postgres-restart; no
// release fixes it yet). Where something keeps the process alive (Next.js logs uncaught exceptions and goes
// on), the failed write leaves that pool slot unable to send anything for about a minute.
//
// There is nothing to send: the server rolls back the transaction of a session that ended. So a transaction
// (or savepoint) whose callback failed because its connection is gone never settles — begin() itself is
// rejected by postgres.js as the connection closes, and that rejection is what the caller gets — and a query
// issued on the transaction after that is refused before it reaches the connection.
//
// Delete this module once postgres.js guards its deferred write (the fix proposed upstream).
import type { Sql, TransactionSql } from "postgres";
import { isConnectionLost } from "./unavailable";

/**
 * How long a transaction that failed with a lost-connection error waits for its own connection to close. If it
 * does not (the error came from somewhere else), the transaction rolls back as usual.
 */
const CLOSE_GRACE_MS = 5_000;

type Callback = (sql: TransactionSql) => unknown;

interface TransactionState {
  /** begin() has settled: the connection is no longer this transaction's, nothing more may be sent on it. */
  over(): boolean;
  whenOver: Promise<void>;
}

function connectionGone(): Error {
  return Object.assign(new Error("write CONNECTION_CLOSED: the transaction's connection was lost"), { code: "CONNECTION_CLOSED" });
}

/** Runs `fn` as postgres.js's transaction callback, settling only while the connection is still there. */
function scope(sql: TransactionSql, fn: Callback, state: TransactionState): Promise<unknown> {
  const guarded = guardTransactionSql(sql, state);
  return new Promise((resolve, reject) => {
    Promise.resolve()
      .then(() => fn(guarded))
      .then(
        (value) => {
          // Lost after the callback's last query: no COMMIT is sent; begin() has already rejected.
          if (!state.over()) resolve(value);
        },
        async (error: unknown) => {
          if (isConnectionLost(error)) {
            let timer: NodeJS.Timeout | undefined;
            await Promise.race([state.whenOver, new Promise((r) => (timer = setTimeout(r, CLOSE_GRACE_MS)))]);
            clearTimeout(timer);
            if (state.over()) return;
          }
          reject(error);
        },
      );
  });
}

/** The transaction's `sql`, refusing queries once the transaction is over and guarding its savepoints too. */
function guardTransactionSql(sql: TransactionSql, state: TransactionState): TransactionSql {
  return new Proxy(sql, {
    apply(target, thisArg, args) {
      if (state.over()) throw connectionGone();
      return Reflect.apply(target, thisArg, args);
    },
    get(target, prop, receiver) {
      if (prop === "unsafe") {
        return (...args: Parameters<TransactionSql["unsafe"]>) => {
          if (state.over()) throw connectionGone();
          return target.unsafe(...args);
        };
      }
      if (prop === "savepoint") {
        return (...args: unknown[]) => {
          const fn = args.pop() as Callback;
          const savepoint = target.savepoint as (...a: unknown[]) => Promise<unknown>;
          return savepoint(...args, (inner: TransactionSql) => scope(inner, fn, state));
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}

/** The pool client, with every `begin()` (drizzle's `db.transaction`) guarded as described above. */
export function guardLostConnections(client: Sql): Sql {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop !== "begin") return Reflect.get(target, prop, receiver);
      return (...args: unknown[]) => {
        const fn = args.pop() as Callback;
        let over = false;
        let markOver = () => {};
        const state: TransactionState = { over: () => over, whenOver: new Promise<void>((resolve) => (markOver = resolve)) };
        const begin = target.begin as (...a: unknown[]) => Promise<unknown>;
        const result = begin(...args, (sql: TransactionSql) => scope(sql, fn, state));
        const finish = () => {
          over = true;
          markOver();
        };
        result.then(finish, finish);
        return result;
      };
    },
  });
}
