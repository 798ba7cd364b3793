import type { Db } from "@/db/client";

// The payment work nobody clicks for (expiry, settlement, stalled actions, bank transfers, refunds) runs in
// small batches, one transaction per batch, and skips rows another process holds (SKIP LOCKED), so several
// workers can run the same sweep at once without doing anything twice.

/** How many rows one transaction of a sweep takes. */
export const SWEEP_BATCH = 200;

/**
 * Runs `batch` in a transaction of its own until it handles fewer than SWEEP_BATCH rows; `batch` locks the
 * rows it takes with SKIP LOCKED and answers how many it handled. Returns the total.
 */
export async function sweepInBatches(db: Db, batch: (tx: Db) => Promise<number>): Promise<number> {
  let count = 0;
  for (;;) {
    const done = await db.transaction(batch);
    count += done;
    if (done < SWEEP_BATCH) return count;
  }
}
