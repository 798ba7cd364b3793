import { unrecognizedRequest } from "./unrecognized";

// Next decodes a dynamic segment ([id], [token]) with decodeURIComponent before any route code runs, and a
// segment that does not decode ("abc%", "%zz", "%C0%AF", "%ED%A0%80") ends in a bare 500 "Internal Server
// Error" with nothing logged. The proxy runs before that decoding, so it answers such paths itself. Pure.

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * The answer to a request whose path is not valid percent-encoded UTF-8, or null for any other: a path
 * that cannot be decoded names nothing, so it is the API's JSON 404 under /api/v1 and a plain 404 elsewhere.
 */
export function malformedPathResponse(request: Request): Response | null {
  const { pathname } = new URL(request.url);
  if (decodes(pathname)) return null;
  if (pathname === "/api/v1" || pathname.startsWith("/api/v1/")) return unrecognizedRequest(request);
  return new Response("Not found.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
}
