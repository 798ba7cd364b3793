import { randomUUID } from "node:crypto";
import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { baseAuthConfig, SIGN_IN_PATH } from "@/lib/auth/config";

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

const { auth } = NextAuth(() => baseAuthConfig());

const dashboardGuard = auth((request) => {
  const requestId = requestIdOf(request);
  if (!request.auth?.user) {
    const signIn = new URL(SIGN_IN_PATH, request.nextUrl);
    signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
    const redirect = NextResponse.redirect(signIn);
    redirect.headers.set("x-request-id", requestId);
    return redirect;
  }
  return passThrough(request, requestId);
});

// With a lazily configured Auth.js, auth(handler) resolves to the handler asynchronously.
type ProxyHandler = (request: NextRequest, event: NextFetchEvent) => Promise<Response>;
const guard = Promise.resolve(dashboardGuard as unknown as ProxyHandler | Promise<ProxyHandler>);

export async function proxy(request: NextRequest, event: NextFetchEvent): Promise<Response> {
  if (request.nextUrl.pathname.startsWith("/dashboard")) return (await guard)(request, event);
  return passThrough(request, requestIdOf(request));
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
