import type { NextAuthConfig } from "next-auth";
import { getEnv } from "@/lib/core/env";

// The part of the Auth.js configuration that needs no database, so proxy.ts can check sessions with it
// without loading drivers. lib/auth/index.ts adds the credentials provider on top.

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name?: string | null };
    /** The `sessions` row this browser is signed in with. */
    sessionId: string;
  }
  interface User {
    /** Set when the credentials provider signs someone in: the new `sessions` row. */
    sessionId?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    /** The `sessions` row (see db/schema/users.ts); a token without a live row is no session at all. */
    sid?: string;
  }
}

export const SIGN_IN_PATH = "/signin";

export function baseAuthConfig(): NextAuthConfig {
  const env = getEnv();
  return {
    secret: env.AUTH_SECRET,
    trustHost: env.AUTH_TRUST_HOST,
    // Credentials sign-in needs JWT sessions. Each names a `sessions` row that lib/auth/index.ts checks on
    // every read, and membership and roles are read from the database on each request: signing out, a
    // password change and removal from a merchant all take effect at once.
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: SIGN_IN_PATH },
    providers: [],
    callbacks: {
      jwt({ token, user }) {
        if (user?.id) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        if (typeof token.sid === "string") session.sessionId = token.sid;
        return session;
      },
    },
    logger: {
      // Auth.js logs through console by default; its messages can include request details, so keep only
      // the error class (CredentialsSignin and friends are expected and not logged at all).
      error(error) {
        if (error.name !== "CredentialsSignin") console.error(JSON.stringify({ level: "error", msg: "auth error", type: error.name }));
      },
      warn() {},
      debug() {},
    },
  };
}

// Any origin will do: a callback is resolved against it and must stay on it. The name cannot be registered.
const OWN_ORIGIN = "http://paylink.invalid";

/**
 * A post-sign-in destination that stays on this site (no open redirect): the value is resolved against the
 * app's own origin as a browser would resolve it, and only a path on that origin comes back, normalized.
 * Control characters and whitespace are refused outright: browsers drop a tab or newline from a URL, so
 * `/\t/evil.example` (sent as `/%09/evil.example`) would otherwise become `//evil.example`, another site.
 */
export function safeCallbackPath(value: unknown, fallback = "/dashboard"): string {
  if (typeof value !== "string" || !value.startsWith("/") || /[\u0000-\u0020\u007f-\u009f\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== OWN_ORIGIN || url.pathname.startsWith("//")) return fallback;
  return url.pathname + url.search + url.hash;
}
