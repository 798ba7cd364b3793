import { createHash, randomUUID } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import { builtOnce } from "@/db/built-once";
import { executedRows, type Db } from "@/db/client";
import { idempotencyKeys } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { scopeOf, whereScope, whereScopePlaceholders, type MerchantScope } from "@/lib/core/scope";

// Idempotency-Key, as the contract describes it. Everything happens in ONE transaction, the request's own:
//  1. take the key's transaction-scoped advisory lock without waiting: a twin still running holds it, so the
//     request answers 409 at once (unless the key's response is already stored: then the twin is just another
//     replay, and this one replays too); PostgreSQL lets go of it when the transaction ends, however it ends — a
//     holder whose process died frees its key as soon as the server sees its connection close (at once after
//     a SIGKILL; after a lost host, when TCP keepalive or idle_in_transaction_session_timeout ends it);
//  2. claim the key's row (insert, or take over an expired one), run the request, store its response, commit:
//     the writes and their response commit together or not at all, and a crash leaves nothing behind;
//  3. later requests with the key get the stored response byte for byte, 422 with another body or path.
// The claim row itself is never visible to others before it is complete; only a row written by an older
// version of this module (its claim committed before the request ran) can be seen incomplete, and it is
// respected until its lapse, as that version expects.

export const IDEMPOTENCY_TTL_HOURS = 24;

export interface IdempotentRequest {
  key: string;
  method: string;
  path: string;
  body: string;
}

export interface StoredResponse {
  status: number;
  body: string;
}

export type Claim = { kind: "claimed"; claimId: string } | { kind: "replay"; response: StoredResponse };

export function hashBody(body: string): string {
  return createHash("sha256").update(body).digest("hex");
}

export function validateIdempotencyKey(key: string): void {
  if (key.length < 1 || key.length > 255) {
    throw new AppError("parameter_invalid", "Idempotency-Key must be 1 to 255 characters.", { param: "Idempotency-Key" });
  }
}

/**
 * The key's advisory lock id: two 32-bit hashes of the scoped key (the two-int form is a key space apart from
 * the one-bigint locks pg-boss and the migrations take). A collision only makes two in-flight keys wait in turn.
 */
function lockKey(scope: MerchantScope, key: string) {
  const name = `${scope.merchantId}:${scope.livemode}:${key}`;
  return sql`hashtext(${`idempotency:${name}`}), hashtext(${name})`;
}

/**
 * Locks the key for this transaction, or throws idempotency_key_in_use when a twin's transaction holds it.
 * Then claims the key's row in the same transaction: "claimed", or the stored response to replay.
 */
export async function claimIdempotencyKey(tx: Db, scope: MerchantScope, request: IdempotentRequest): Promise<Claim> {
  validateIdempotencyKey(request.key);
  const bodyHash = hashBody(request.body);
  const claimId = randomUUID();
  // One round trip: the lock, then (only when it was free) the claim — an insert, or the take-over of an expired
  // row. The insert reads the lock's row, so PostgreSQL takes the lock before it writes anything.
  const result = await tx.execute(sql`
    with lock as (select pg_try_advisory_xact_lock(${lockKey(scope, request.key)}) as held),
    claimed as (
      insert into idempotency_keys (merchant_id, livemode, key, method,
        path, body_hash, claim_id, locked_until,
        response_status, response_body, created_at)
      select ${scope.merchantId}, ${scope.livemode}, ${request.key}, ${request.method}, ${request.path}, ${bodyHash}, ${claimId}, null, null, null, now()
      from lock where held
      on conflict (merchant_id, livemode, key) do update set
        method = excluded.method, path = excluded.path,
        body_hash = excluded.body_hash, claim_id = excluded.claim_id,
        locked_until = null, response_status = null, response_body = null,
        created_at = now()
      -- Taken over only when expired, or when an older version's claim lapsed without completing.
      where idempotency_keys.created_at < now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})
        or (idempotency_keys.response_status is null and idempotency_keys.locked_until < now())
      returning claim_id as claim_id
    )
    select (select held from lock) as held, (select claim_id from claimed) as claim_id`);
  const [row] = executedRows<{ held: boolean; claim_id: string | null }>(result);
  if (!row?.held) {
    // Held by a twin. If the key's response is already stored, the twin is only another replay: replay too.
    const stored = await findKey(tx, scope, request.key);
    if (stored && stored.responseStatus !== null && stored.responseBody !== null) return replayOf(stored, request, bodyHash);
    throw keyInUse();
  }
  if (row.claim_id === claimId) return { kind: "claimed", claimId };

  const existing = await findKey(tx, scope, request.key);
  if (!existing) return claimIdempotencyKey(tx, scope, request); // deleted by cleanup in between: try again
  return replayOf(existing, request, bodyHash);
}

async function findKey(tx: Db, scope: MerchantScope, key: string) {
  const [existing] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(whereScope(idempotencyKeys, scope), eq(idempotencyKeys.key, key)));
  return existing ?? null;
}

/** The stored response for a request that matches the key's first one; 422 for another request, 409 while incomplete. */
function replayOf(existing: typeof idempotencyKeys.$inferSelect, request: IdempotentRequest, bodyHash: string): Claim {
  if (existing.method !== request.method || existing.path !== request.path || existing.bodyHash !== bodyHash) {
    throw new AppError(
      "idempotency_key_reused",
      "This Idempotency-Key was already used with a different request. Use a new key for a new request.",
      { param: "Idempotency-Key" },
    );
  }
  if (existing.responseStatus === null || existing.responseBody === null) throw keyInUse();
  return { kind: "replay", response: { status: existing.responseStatus, body: existing.responseBody } };
}

function keyInUse() {
  return new AppError("idempotency_key_in_use", "A request with this Idempotency-Key is still being processed. Retry in a moment.", {
    param: "Idempotency-Key",
  });
}

// Built once (db/built-once.ts): every keyed request runs it.
const completeKey = builtOnce((db) =>
  db
    .update(idempotencyKeys)
    .set({ responseStatus: sql`${sql.placeholder("status")}`, responseBody: sql`${sql.placeholder("body")}`, lockedUntil: null })
    .where(
      and(
        whereScopePlaceholders(idempotencyKeys),
        eq(idempotencyKeys.key, sql.placeholder("key")),
        eq(idempotencyKeys.claimId, sql.placeholder("claimId")),
      ),
    )
    .returning({ key: idempotencyKeys.key })
    .prepare("complete_idempotency_key"),
);

/** Stores the response under the claim, in the transaction that holds it. */
export async function completeIdempotencyKey(tx: Db, scope: MerchantScope, key: string, claimId: string, response: StoredResponse): Promise<void> {
  const done = await completeKey(tx).execute({ status: response.status, body: response.body, ...scopeOf(scope), key, claimId });
  // Cannot happen while the transaction holds the row; refuse rather than commit writes without their response.
  if (done.length === 0) throw new Error(`Idempotency-Key ${key} is no longer held by claim ${claimId}.`);
}

/** Deletes keys older than the 24-hour window; returns how many. */
export async function deleteExpiredIdempotencyKeys(db: Db): Promise<number> {
  const deleted = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`))
    .returning({ key: idempotencyKeys.key });
  return deleted.length;
}

export interface IdempotentOutcome extends StoredResponse {
  replayed: boolean;
}

/**
 * Runs a request under an Idempotency-Key when the request calls a processor, so must not run inside a
 * transaction (capture-order.ts commits its own steps around the call): the claim is committed first with a
 * lease (`lockedUntil`; a twin meanwhile gets 409 idempotency_key_in_use), `run` runs on the pool, and its
 * response is stored in a transaction of its own. A refusal (an AppError below 500) is stored like any
 * answer; a failure on our side drops the claim, so the client may retry at once. A process that dies in
 * between leaves the claim until its lease lapses, then a retry runs the request again (which the service
 * must tolerate: a capture finds itself done or under way).
 */
export async function executeIdempotentlyAroundCommits(
  db: Db,
  scope: MerchantScope,
  request: IdempotentRequest,
  leaseSeconds: number,
  run: () => Promise<StoredResponse>,
): Promise<IdempotentOutcome> {
  const claim = await db.transaction(async (tx) => {
    const claimed = await claimIdempotencyKey(tx, scope, request);
    if (claimed.kind === "claimed") {
      await tx
        .update(idempotencyKeys)
        .set({ lockedUntil: sql`now() + make_interval(secs => ${leaseSeconds})` })
        .where(and(whereScope(idempotencyKeys, scope), eq(idempotencyKeys.key, request.key), eq(idempotencyKeys.claimId, claimed.claimId)));
    }
    return claimed;
  });
  if (claim.kind === "replay") return { ...claim.response, replayed: true };
  let response: StoredResponse;
  try {
    response = await run();
  } catch (error) {
    if (!isRefusal(error)) {
      await db
        .delete(idempotencyKeys)
        .where(and(whereScope(idempotencyKeys, scope), eq(idempotencyKeys.key, request.key), eq(idempotencyKeys.claimId, claim.claimId)));
      throw error;
    }
    response = { status: error.status, body: JSON.stringify(error.toBody()) };
  }
  await db.transaction((tx) => completeIdempotencyKey(tx, scope, request.key, claim.claimId, response));
  return { ...response, replayed: false };
}

/** A refusal `run` threw (an AppError below 500): stored as the key's answer, never its writes. */
class Refused extends Error {
  constructor(readonly response: StoredResponse) {
    super("refused");
  }
}

/**
 * Runs a request under an Idempotency-Key: `run` gets the transaction that holds the key, and its writes
 * commit together with the stored response. A refused request (an AppError below 500) is stored too, so a
 * retry gets the same refusal: the transaction is rolled back whole — nothing the request wrote survives —
 * and the refusal is stored under the key claimed again in a transaction of its own (or a twin's stored
 * answer replayed, if one got there in between). A failure on our side rolls everything back, claim included,
 * so the client may retry at once. No savepoint: a request that succeeds (nearly all) makes one round trip
 * fewer, and a refusal pays for its second transaction itself.
 */
export async function executeIdempotently(
  db: Db,
  scope: MerchantScope,
  request: IdempotentRequest,
  run: (tx: Db) => Promise<StoredResponse>,
): Promise<IdempotentOutcome> {
  // The key claimed, `answer` run, its answer stored: all in the transaction given.
  const underKey = (answer: (tx: Db) => Promise<StoredResponse>) => async (tx: Db): Promise<IdempotentOutcome> => {
    const claim = await claimIdempotencyKey(tx, scope, request);
    if (claim.kind === "replay") return { ...claim.response, replayed: true };
    const response = await answer(tx);
    await completeIdempotencyKey(tx, scope, request.key, claim.claimId, response);
    return { ...response, replayed: false };
  };
  try {
    return await db.transaction(underKey((tx) => run(tx).catch(refused)));
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    return db.transaction(underKey(async () => error.response));
  }
}

/** A refusal (an AppError below 500, but not a twin's key in use): stored as an answer, not a failure on our side. */
export function isRefusal(error: unknown): error is AppError {
  return error instanceof AppError && error.status < 500 && error.code !== "idempotency_key_in_use";
}

/** Rethrows a refusal as Refused (its answer, to store); anything else as it is. */
function refused(error: unknown): never {
  if (isRefusal(error)) {
    throw new Refused({ status: error.status, body: JSON.stringify(error.toBody()) });
  }
  throw error;
}
