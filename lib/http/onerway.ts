import { getDb } from "@/db";
import type { Db } from "@/db/client";
import { describeDatabaseUnavailable } from "@/db/unavailable";
import { getEnv } from "@/lib/core/env";
import type { ServiceContext } from "@/lib/core/scope";
import { errorForLog, type Logger } from "@/lib/logger";
import { RawJsonError, readRawObject } from "@/lib/onerway/raw-json";
import { signatureMatches } from "@/lib/onerway/sign";
import { OnerwayError, RESP, text, type Fields, type OnerwayAnswer } from "@/lib/onerway/wire";
import { onerwayKeysOf } from "@/lib/services/onerway-credentials";
import { onerwayFieldName } from "@/lib/services/onerway-links";
import { readBytes } from "./api";
import { toAppError } from "./errors";
import { consumeOnerwayRequest } from "./rate-limit";
import { decodeUtf8, isUnstorable } from "./request-text";
import { route } from "./route";

// The Onerway-compatible endpoints' common path (API.md, "Onerway-compatible endpoints"): read the body with
// each value's source text, find the merchant by `merchantNo`, check `sign` against the key of each mode it has
// (the key that matches decides the mode), apply the per-merchant rate limit, run the operation, and answer
// HTTP 200 with `{respCode, respMsg, data}` — whatever happened, never a 5xx body or a stack trace.

export interface OnerwayRequest {
  db: Db;
  ctx: ServiceContext;
  merchantNo: string;
  fields: Fields;
  log: Logger;
}

function answer(body: OnerwayAnswer): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" } });
}

const refused = (code: { respCode: string; respMsg: string }) => answer({ ...code, data: null });

/** What a thrown error answers: the operation's own code, a parameter named in Onerway's terms, or "retry later". */
function failure(error: unknown, log: Logger): Response {
  if (error instanceof OnerwayError) return refused(error);
  const known = toAppError(error);
  if (known && known.status < 500 && known.code !== "rate_limited") {
    const field = onerwayFieldName(known.param);
    // The JSON API's messages start "Invalid item_name: …": the field is named here in Onerway's terms instead.
    const message = known.message.replace(/^Invalid [\w.]+: /, "");
    return refused({ respCode: "40013", respMsg: `Abnormal parameters: ${field ? `${field} ` : ""}${message}` });
  }
  // The database restarting, or a fault of ours: nothing the client can fix but to retry later, which is what
  // 50134 tells an Onerway client. The log has the cause.
  const unavailable = describeDatabaseUnavailable(error);
  if (unavailable) log.warn({ database: unavailable }, "database unavailable");
  else if (!(known && known.code === "rate_limited")) log.error({ err: errorForLog(error) }, "onerway request failed");
  return refused(RESP.tooMany);
}

export function onerwayRoute(operation: "add" | "list" | "updateStatus", handler: (req: OnerwayRequest) => Promise<unknown>) {
  return route(
    async (request, { log }) => {
      try {
        // Acting for a connected merchant is the JSON API's (Paylink-Merchant): here a link would silently be the
        // key's own merchant's, and buyers would pay the platform. Refused, not ignored.
        if (request.headers.get("paylink-merchant") !== null) {
          throw OnerwayError.abnormal("Paylink-Merchant", "is not accepted here: act for a connected merchant through the JSON API (/api/v1) with that header.");
        }
        const env = getEnv();
        const body = decodeUtf8(await readBytes(request));
        let fields: Fields;
        try {
          fields = readRawObject(body ?? "");
        } catch (error) {
          if (error instanceof RawJsonError) throw OnerwayError.abnormal("body", `is not usable: ${error.message}`);
          throw error;
        }
        // Text PostgreSQL cannot store (NUL, a lone surrogate) is the client's to fix, not a failure of ours.
        for (const [name, value] of fields) {
          if (isUnstorable(name) || (value.kind !== "number" && value.kind !== "boolean" && value.kind !== "null" && isUnstorable(value.kind === "string" ? value.value : JSON.stringify(JSON.parse(value.text))))) {
            throw OnerwayError.abnormal(name, "may not contain NUL characters or unpaired UTF-16 surrogates.");
          }
        }
        const merchantNo = text(fields, "merchantNo", { required: true, max: 20 })!;
        const signature = fields.get("sign");
        if (signature?.kind !== "string" || signature.value === "") return refused(RESP.badSignature);
        const db = await getDb();
        const merchant = /^\d{1,20}$/.test(merchantNo) ? await onerwayKeysOf(db, merchantNo, env.AUTH_SECRET) : null;
        const key = merchant?.keys.find((k) => signatureMatches(fields, k.secretKey, signature.value));
        if (!merchant || !key) return refused(RESP.badSignature);
        const ctx: ServiceContext = { merchantId: merchant.merchantId, livemode: key.livemode, appUrl: env.APP_URL };
        if (operation !== "updateStatus" && (await consumeOnerwayRequest(db, ctx, env.ONERWAY_RATE_LIMIT_PER_SECOND)) > 0) return refused(RESP.tooMany);
        const data = await handler({ db, ctx, merchantNo, fields, log: log.child({ merchantId: ctx.merchantId }) });
        return answer({ ...RESP.success, data });
      } catch (error) {
        return failure(error, log);
      }
    },
    { pattern: `/v1/txn/paymentLink/${operation}` },
  );
}

/** Any other method: answered in the wire format too (Next would send an empty 405). */
export async function onerwayWrongMethod(request: Request): Promise<Response> {
  return refused({ respCode: "40013", respMsg: `Abnormal parameters: method ${request.method} is not supported; use POST.` });
}
