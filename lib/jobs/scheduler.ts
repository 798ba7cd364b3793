import type { Database } from "@/db/client";
import type { Env } from "@/lib/env";
import { errorForLog, type Logger } from "@/lib/logger";
import { connectorFor } from "@/lib/processor";
import { confirmArrivedBankTransfers, expireOrders, settleOrders, settleRefunds } from "@/lib/services/scheduled-payments";
import { MAINTENANCE_INTERVAL_MS, runMaintenance } from "./maintenance";

/**
 * In-process timers for the work nobody clicks for. Every task is safe to run from several processes at
 * once (row locks with SKIP LOCKED, re-checked states), so each app instance may run them. Issue #5 moves
 * them onto a PostgreSQL job queue with a separate worker.
 */
export function startScheduler(open: () => Promise<Database>, env: Env, log: Logger): () => void {
  // Simulated processor in both modes until a real connector exists; the connector decides timings.
  const pctx = { appUrl: env.APP_URL, connector: connectorFor(false) };
  const timers: NodeJS.Timeout[] = [];
  const every = (name: string, ms: number, task: (db: Database["db"]) => Promise<unknown>) => {
    let running = false;
    const timer = setInterval(() => {
      if (running) return; // a slow run is never overlapped by the next tick
      running = true;
      open()
        .then((database) => task(database.db))
        .then((result) => {
          if (typeof result === "number" ? result > 0 : result) log.info({ task: name, result }, "scheduled task done");
        })
        .catch((error) => log.warn({ task: name, err: errorForLog(error) }, "scheduled task failed; will retry"))
        .finally(() => {
          running = false;
        });
    }, ms);
    timer.unref();
    timers.push(timer);
  };

  every("expire_orders", env.SCHEDULER_TICK_SECONDS * 1000, (db) => expireOrders(db, pctx));
  every("confirm_bank_transfers", env.SCHEDULER_TICK_SECONDS * 1000, (db) => confirmArrivedBankTransfers(db, pctx));
  every("settle_refunds", env.SCHEDULER_TICK_SECONDS * 1000, (db) => settleRefunds(db, pctx));
  every("settle_orders", env.SETTLEMENT_INTERVAL_SECONDS * 1000, (db) => settleOrders(db, pctx));
  every("maintenance", MAINTENANCE_INTERVAL_MS, (db) => runMaintenance(db));
  return () => timers.forEach(clearInterval);
}
