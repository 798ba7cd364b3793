import { randomUUID } from "node:crypto";
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { baseAuthConfig, SIGN_IN_PATH } from "@/lib/auth/config";
import { malformedPathResponse } from "@/lib/http/malformed-path";

// Runs before every request: gives it a request id (on every log line the request writes, and echoed to the
// client), and sends signed-out visitors of the dashboard to the sign-in page and back after. Only dashboard
// requests pay for reading the session; the API and the public checkout do not.

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

function requestIdOf(request: NextRequest): string {
  const incoming = request.headers.get("x-request-id");
  return incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

function passThrough(request: NextRequest, requestId: string): NextResponse {
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  return response;
}

/**
 * Whether the request carries a valid, unexpired session. Only reads the cookie: Auth.js's own proxy wrapper
 * re-issues the session cookie on every response, and a prefetch still in flight during sign-out would then
 * bring the session back to life.
 */
async function hasSession(request: NextRequest): Promise<boolean> {
  const secret = baseAuthConfig().secret!;
  // Auth.js names the cookie __Secure-… when the site is served over https; accept either name.
  for (const secureCookie of [true, false]) {
    if (await getToken({ req: request, secret, secureCookie })) return true;
  }
  return false;
}

export async function proxy(request: NextRequest): Promise<Response> {
  const requestId = requestIdOf(request);
  // A path segment whose percent-encoding does not decode would reach Next's decoding of dynamic segments and
  // end in a bare 500: answer it here, in the documented shape under /api/v1.
  const malformed = malformedPathResponse(request);
  if (malformed) {
    malformed.headers.set("x-request-id", requestId);
    return malformed;
  }
  if (request.nextUrl.pathname.startsWith("/dashboard") && !(await hasSession(request))) {
    const signIn = new URL(SIGN_IN_PATH, request.nextUrl);
    signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
    const redirect = NextResponse.redirect(signIn);
    redirect.headers.set("x-request-id", requestId);
    return redirect;
  }
  return passThrough(request, requestId);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
