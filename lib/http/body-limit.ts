import { errorBody } from "@/lib/core/errors";

// How large a request body may be, by where it goes, checked in the proxy from Content-Length before Next.js
// reads (and, for the proxy, buffers) the body. A body sent without a length (chunked) is cut at Next's own
// proxy buffer (proxyClientMaxBodySize in next.config.ts), and the API and checkout handlers count its bytes
// again as they read it. Pure.

/** The JSON API's limit: the contract's bodies are small objects. */
export const API_BODY_LIMIT = 256 * 1024;
/** A checkout form: a handful of short fields. */
export const CHECKOUT_BODY_LIMIT = 32 * 1024;
/** Everything else (server actions, sign-in): Next's own default for server actions. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export function bodyLimit(pathname: string): number {
  if (pathname === "/api/v1" || pathname.startsWith("/api/v1/") || pathname.startsWith("/api/processors/") || pathname.startsWith("/api/sms/") || pathname.startsWith("/v1/txn/")) return API_BODY_LIMIT;
  if (pathname.startsWith("/l/") || pathname.startsWith("/o/")) return CHECKOUT_BODY_LIMIT;
  return DEFAULT_BODY_LIMIT;
}

export function apiBodyTooLargeMessage(): string {
  return `Request body is larger than ${API_BODY_LIMIT / 1024} KB.`;
}

/**
 * The answer to a request that announces a body over its path's limit, or null. The API answers in its
 * documented shape (as its handler would, had it read the body); anything else gets 413.
 */
export function oversizedBodyResponse(request: Request): Response | null {
  const length = Number(request.headers.get("content-length") ?? "0");
  const { pathname } = new URL(request.url);
  const limit = bodyLimit(pathname);
  if (!Number.isFinite(length) || length <= limit) return null;
  // The Onerway-compatible endpoints answer everything with HTTP 200 and a respCode.
  if (pathname.startsWith("/v1/txn/")) {
    return new Response(JSON.stringify({ respCode: "40013", respMsg: `Abnormal parameters: body is larger than ${API_BODY_LIMIT / 1024} KB.`, data: null }), {
      status: 200,
      headers: { "content-type": "application/json; charset=utf-8", connection: "close" },
    });
  }
  if (limit === API_BODY_LIMIT) {
    return new Response(JSON.stringify(errorBody("invalid_json", apiBodyTooLargeMessage())), {
      status: 400,
      headers: { "content-type": "application/json; charset=utf-8", connection: "close" },
    });
  }
  return new Response(`Payload too large: at most ${Math.round(limit / 1024)} KB.`, {
    status: 413,
    headers: { "content-type": "text/plain; charset=utf-8", connection: "close" },
  });
}
