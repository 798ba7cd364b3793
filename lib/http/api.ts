import { getDb } from "@/db";
import type { Db } from "@/db/client";
import { getEnv } from "@/lib/core/env";
import { AppError } from "@/lib/core/errors";
import type { Logger } from "@/lib/logger";
import { authenticateApiKey } from "@/lib/services/authenticate-api-key";
import { resolveActingMerchant } from "@/lib/services/resolve-acting-merchant";
import { executeIdempotently, executeIdempotentlyAroundCommits } from "@/lib/services/idempotency";
import type { ServiceContext } from "@/lib/core/scope";
import { API_BODY_LIMIT, apiBodyTooLargeMessage } from "./body-limit";
import { jsonResponse as json, RateLimitedError, toAppError, toErrorResponse } from "./errors";
import { API_RATE_LIMIT_PREFIX, consumeApiRateLimit } from "./rate-limit";
import { route } from "./route";
import { decodeUtf8, findRefusedJson, isUnstorable, type RefusedJson } from "./request-text";
import { unrecognizedRequestError } from "./unrecognized";


export interface ApiRequest<P> {
  /**
   * The request's database handle: under an Idempotency-Key, the transaction that holds the key (the pool
   * for a route that calls a processor: see apiRoute's `callsProcessor`).
   */
  db: Db;
  ctx: ServiceContext & { apiKeyId: string };
  params: P;
  /** The parsed JSON body of a POST or PATCH (an object), else {}. */
  body: Record<string, unknown>;
  /** The query string as plain strings. */
  query: Record<string, string>;
  log: Logger;
}

export interface ApiResult {
  status: number;
  body: unknown;
}

function tooLarge(): AppError {
  return new AppError("invalid_json", apiBodyTooLargeMessage());
}

/** The body's bytes, refusing (without reading on) one larger than the limit. */
export async function readBytes(request: Request): Promise<Buffer> {
  if (Number(request.headers.get("content-length")) > API_BODY_LIMIT) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    // The client hung up before sending all of it (Node's "aborted"): nothing to answer, nothing to store.
    const { done, value } = await reader.read().catch(() => {
      throw new AppError("invalid_json", "The request body was cut off before its end.");
    });
    if (done) break;
    size += value.byteLength;
    if (size > API_BODY_LIMIT) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** parameter_invalid for a key or text the API cannot take as sent; `param` is dotted (`metadata.k`). */
function refusedJsonError({ path, reason }: RefusedJson): AppError {
  const param = path.join(".");
  const why = reason === "proto_key" ? "__proto__ cannot be used as a key" : "text may not contain NUL characters or unpaired UTF-16 surrogates";
  return new AppError("parameter_invalid", `Invalid ${param}: ${why}.`, { param });
}

async function readBody(request: Request): Promise<{ text: string; value: Record<string, unknown> }> {
  const text = decodeUtf8(await readBytes(request));
  if (text === null) throw new AppError("invalid_json", "The request body is not valid UTF-8.");
  if (text.trim() === "") return { text, value: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("invalid_json", "The request body is not valid JSON.");
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new AppError("invalid_json", "The request body must be a JSON object.");
  }
  const refused = findRefusedJson(value);
  if (refused) throw refusedJsonError(refused);
  return { text, value: value as Record<string, unknown> };
}

/** The query string as plain strings; a NUL in a name or value is refused like one in a body. */
function readQuery(url: URL): Record<string, string> {
  const query = Object.fromEntries(url.searchParams);
  for (const [name, value] of Object.entries(query)) {
    if (isUnstorable(name) || isUnstorable(value)) throw refusedJsonError({ path: [name], reason: "unstorable_text" });
  }
  return query;
}

/**
 * What every API request starts with, whatever it answers (JSON here, a file in ./api-file.ts): the secret
 * key (its merchant and mode scope everything), the per-key rate limit, and the path's ids and query string
 * checked for text that cannot name anything.
 */
export async function openApiRequest(request: Request, params: unknown) {
  const env = getEnv();
  const db = await getDb();
  // A platform acting for a connected merchant (`Paylink-Merchant`): from here on the request is scoped to that
  // merchant exactly as its own key would be — every route, the Idempotency-Key's scope and the rate limit (per
  // key and acting merchant) included. The one place this is decided.
  const acting = request.headers.get("paylink-merchant");
  // A key acting for itself is counted against its budget in the statement that finds it.
  const principal = await authenticateApiKey(db, request.headers.get("authorization"), acting === null ? { prefix: API_RATE_LIMIT_PREFIX, perSecond: env.API_RATE_LIMIT_PER_SECOND } : undefined);
  if (principal.rateLimitWaitMs > 0) throw new RateLimitedError(Math.ceil(principal.rateLimitWaitMs / 1000));
  const scope =
    acting === null
      ? { merchantId: principal.merchantId, livemode: principal.livemode }
      : await resolveActingMerchant(db, principal, acting).catch(async (error: unknown) => {
          // A refused header still costs the key its request: junk headers are no way around the limit.
          await consumeApiRateLimit(db, principal.apiKeyId, env.API_RATE_LIMIT_PER_SECOND);
          throw error;
        });
  if (acting !== null) {
    const limited = scope.merchantId === principal.merchantId ? principal.apiKeyId : `${principal.apiKeyId}:${scope.merchantId}`;
    await consumeApiRateLimit(db, limited, env.API_RATE_LIMIT_PER_SECOND);
  }
  const ctx: ServiceContext & { apiKeyId: string } = { ...scope, apiKeyId: principal.apiKeyId, appUrl: env.APP_URL };
  // An id with a NUL in it (`%00`) names nothing that can exist, and must not reach a query.
  if (Object.values(params ?? {}).some((p) => typeof p === "string" && isUnstorable(p))) throw unrecognizedRequestError(request);
  const url = new URL(request.url);
  return { env, db, ctx, url, query: readQuery(url) };
}

/**
 * A JSON API route: authenticates the secret key (its merchant and mode scope everything), applies the
 * per-key rate limit, parses the body, runs the handler, and maps errors to the contract's shape. POSTs
 * honour Idempotency-Key: the handler's writes and the stored response commit in one transaction.
 */
export function apiRoute<P = Record<string, never>>(
  handler: (req: ApiRequest<P>) => Promise<ApiResult>,
  options: {
    /**
     * The handler calls a processor: under an Idempotency-Key it runs outside the key's transaction (the
     * claim committed with a lease of twice CONNECTOR_TIMEOUT_SECONDS, the answer stored after), never
     * holding a transaction open across the call. Its `db` is then the pool.
     */
    callsProcessor?: boolean;
    /**
     * Runs on the pool before the handler and before any Idempotency-Key is taken: a quota (SEND_MAX_PER_HOUR).
     * A refusal here is never stored as the key's answer (a retry after the wait runs), and the quota's own
     * query never waits on a connection the key's transaction holds (PGlite has only the one).
     */
    beforeKey?: (db: Db, ctx: ServiceContext) => Promise<void>;
  } = {},
) {
  return route<P>(async (request, { params, log, requestId }) => {
    // What the request sent, once read: the error mapping tells a missing parameter from an invalid one by it.
    let input: unknown;
    try {
      const { env, db, ctx, url, query } = await openApiRequest(request, params);
      await options.beforeKey?.(db, ctx);
      const hasBody = request.method === "POST" || request.method === "PATCH";
      const { text, value: body } = hasBody ? await readBody(request) : { text: "", value: {} };
      input = hasBody ? body : query;

      const run = (handle: Db) => handler({ db: handle, ctx, params, body, query, log: log.child(ctx.actingPlatformId ? { merchantId: ctx.merchantId, actingPlatformId: ctx.actingPlatformId } : { merchantId: ctx.merchantId }) });

      const idempotencyKey = request.method === "POST" ? request.headers.get("idempotency-key") : null;
      if (idempotencyKey === null) {
        const result = await run(db);
        return json(result.status, JSON.stringify(result.body));
      }

      // The key stores a refusal (an AppError) as its answer, for a retry to get again: a zod refusal is
      // turned into one here, before the store sees it.
      const answer = async (handle: Db) => {
        const result = await run(handle).catch((error: unknown) => {
          throw toAppError(error, input) ?? error;
        });
        return { status: result.status, body: JSON.stringify(result.body) };
      };
      const keyed = { key: idempotencyKey, method: request.method, path: url.pathname, body: text };
      const outcome = options.callsProcessor
        ? await executeIdempotentlyAroundCommits(db, ctx, keyed, env.CONNECTOR_TIMEOUT_SECONDS * 2, () => answer(db))
        : await executeIdempotently(db, ctx, keyed, answer);
      return json(outcome.status, outcome.body, outcome.replayed ? { "idempotent-replayed": "true" } : {});
    } catch (error) {
      return toErrorResponse(error, { requestId, log, input });
    }
  });
}
