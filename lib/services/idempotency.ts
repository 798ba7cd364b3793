import { createHash, randomUUID } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { idempotencyKeys } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { MerchantScope } from "./scope";

// Idempotency-Key, as the contract describes it:
//  1. claim the key (one INSERT; the primary key decides between concurrent twins);
//  2. run the request and store its response in the same transaction as its writes, only while still
//     holding the claim, so a request either committed with its response or left nothing behind;
//  3. later requests with the key get the stored response byte for byte, 422 with another body or path,
//     409 while the first is still running.

export const IDEMPOTENCY_TTL_HOURS = 24;
const CLAIM_SECONDS = 60;

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

export async function claimIdempotencyKey(db: Db, scope: MerchantScope, request: IdempotentRequest): Promise<Claim> {
  validateIdempotencyKey(request.key);
  const claimId = randomUUID();
  const bodyHash = hashBody(request.body);
  const fresh = {
    merchantId: scope.merchantId,
    livemode: scope.livemode,
    key: request.key,
    method: request.method,
    path: request.path,
    bodyHash,
    claimId,
    lockedUntil: sql`now() + make_interval(secs => ${CLAIM_SECONDS})`,
    responseStatus: null,
    responseBody: null,
    createdAt: sql`now()`,
  };
  const claimed = await db
    .insert(idempotencyKeys)
    .values(fresh)
    .onConflictDoUpdate({
      target: [idempotencyKeys.merchantId, idempotencyKeys.livemode, idempotencyKeys.key],
      set: fresh,
      // Taken over only when expired, or when its holder died without completing (nothing was committed).
      setWhere: sql`${idempotencyKeys.createdAt} < now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})
        or (${idempotencyKeys.responseStatus} is null and ${idempotencyKeys.lockedUntil} < now())`,
    })
    .returning({ claimId: idempotencyKeys.claimId });
  if (claimed[0]?.claimId === claimId) return { kind: "claimed", claimId };

  const [existing] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.merchantId, scope.merchantId), eq(idempotencyKeys.livemode, scope.livemode), eq(idempotencyKeys.key, request.key)));
  if (!existing) return claimIdempotencyKey(db, scope, request); // deleted by cleanup in between: try again
  if (existing.method !== request.method || existing.path !== request.path || existing.bodyHash !== bodyHash) {
    throw new AppError(
      "idempotency_key_reused",
      "This Idempotency-Key was already used with a different request. Use a new key for a new request.",
      { param: "Idempotency-Key" },
    );
  }
  if (existing.responseStatus === null || existing.responseBody === null) {
    throw new AppError("idempotency_key_in_use", "A request with this Idempotency-Key is still being processed. Retry in a moment.", {
      param: "Idempotency-Key",
    });
  }
  return { kind: "replay", response: { status: existing.responseStatus, body: existing.responseBody } };
}

/** The key's row, as long as this claim still holds it. */
function heldBy(scope: MerchantScope, key: string, claimId: string) {
  return and(
    eq(idempotencyKeys.merchantId, scope.merchantId),
    eq(idempotencyKeys.livemode, scope.livemode),
    eq(idempotencyKeys.key, key),
    eq(idempotencyKeys.claimId, claimId),
  );
}

/**
 * Stores the response under the claim. Inside the request's transaction; throws (rolling the request's
 * writes back) if the claim lapsed and someone else took the key over meanwhile.
 */
export async function completeIdempotencyKey(db: Db, scope: MerchantScope, key: string, claimId: string, response: StoredResponse): Promise<void> {
  const done = await db
    .update(idempotencyKeys)
    .set({ responseStatus: response.status, responseBody: response.body, lockedUntil: null })
    .where(heldBy(scope, key, claimId))
    .returning({ key: idempotencyKeys.key });
  if (done.length === 0) {
    throw new AppError("idempotency_key_in_use", "This request took too long and its Idempotency-Key was taken over. Retry with the same key.", {
      param: "Idempotency-Key",
    });
  }
}

/** Lets go of a claim without a response (the request failed on our side): the client may retry. */
export async function releaseIdempotencyKey(db: Db, scope: MerchantScope, key: string, claimId: string): Promise<void> {
  await db
    .delete(idempotencyKeys)
    .where(heldBy(scope, key, claimId));
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
 * Runs a request under an Idempotency-Key: `run` gets a transaction, and its writes commit together with
 * the stored response. A refused request (an AppError below 500) is stored too, so a retry gets the same
 * refusal; a failure on our side releases the key so the client can retry.
 */
export async function executeIdempotently(
  db: Db,
  scope: MerchantScope,
  request: IdempotentRequest,
  run: (tx: Db) => Promise<StoredResponse>,
): Promise<IdempotentOutcome> {
  const claim = await claimIdempotencyKey(db, scope, request);
  if (claim.kind === "replay") return { ...claim.response, replayed: true };
  try {
    const stored = await db.transaction(async (tx) => {
      const response = await run(tx);
      await completeIdempotencyKey(tx, scope, request.key, claim.claimId, response);
      return response;
    });
    return { ...stored, replayed: false };
  } catch (error) {
    if (error instanceof AppError && error.status < 500 && error.code !== "idempotency_key_in_use") {
      const response = { status: error.status, body: JSON.stringify(error.toBody()) };
      await completeIdempotencyKey(db, scope, request.key, claim.claimId, response).catch(() => {});
      return { ...response, replayed: false };
    }
    await releaseIdempotencyKey(db, scope, request.key, claim.claimId).catch(() => {});
    throw error;
  }
}
