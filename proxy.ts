import { randomBytes, randomUUID } from "node:crypto";
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { baseAuthConfig, SIGN_IN_PATH } from "@/lib/auth/config";
import { getEnv } from "@/lib/core/env";
import { oversizedBodyResponse } from "@/lib/http/body-limit";
import { malformedPathResponse } from "@/lib/http/malformed-path";
import { securityHeaders } from "@/lib/http/security-headers";

// Runs before every request: gives it a request id (on every log line the request writes, and echoed to the
// client) and the security headers of its response (a fresh script nonce for the Content-Security-Policy,
// which Next.js reads from the request to put on its own scripts), refuses bodies over the path's limit
// before they are read, and sends signed-out visitors of the dashboard to the sign-in page and back after.
// Only dashboard requests pay for reading the session; the API and the public checkout do not.

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

function requestIdOf(request: NextRequest): string {
  const incoming = request.headers.get("x-request-id");
  return incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * Whether the request carries a valid, unexpired session cookie. Only reads the cookie (the session's row is
 * checked by the page itself, see lib/auth/index.ts): Auth.js's own proxy wrapper re-issues the session
 * cookie on every response, and a prefetch still in flight during sign-out would then bring the session back.
 */
async function hasSession(request: NextRequest): Promise<boolean> {
  const secret = baseAuthConfig().secret!;
  // Auth.js names the cookie __Secure-… when the site is served over https; accept either name.
  for (const secureCookie of [true, false]) {
    if (await getToken({ req: request, secret, secureCookie })) return true;
  }
  return false;
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export async function proxy(request: NextRequest): Promise<Response> {
  const requestId = requestIdOf(request);
  const env = getEnv();
  const nonce = randomBytes(16).toString("base64");
  const security = securityHeaders({ pathname: request.nextUrl.pathname, nonce, https: env.APP_URL.startsWith("https:"), development: env.NODE_ENV === "development" });
  const headers = { ...security, "x-request-id": requestId };

  // A path segment whose percent-encoding does not decode would reach Next's decoding of dynamic segments and
  // end in a bare 500: answer it here, in the documented shape under /api/v1.
  const refused = malformedPathResponse(request) ?? oversizedBodyResponse(request);
  if (refused) return withHeaders(refused, headers);

  if (request.nextUrl.pathname.startsWith("/dashboard") && !(await hasSession(request))) {
    const signIn = new URL(SIGN_IN_PATH, request.nextUrl);
    signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
    return withHeaders(NextResponse.redirect(signIn), headers);
  }

  const forwarded = new Headers(request.headers);
  forwarded.set("x-request-id", requestId);
  // Next.js takes the nonce for its scripts from the request's policy.
  forwarded.set("content-security-policy", security["content-security-policy"]);
  return withHeaders(NextResponse.next({ request: { headers: forwarded } }), headers);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
