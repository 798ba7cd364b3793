import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { deleteSession, insertSession, isSessionActive } from "@/db/queries/sessions";
import { signInSchema } from "@/lib/accounts/schemas";
import { getEnv } from "@/lib/core/env";
import { clientAddress } from "@/lib/http/client-address";
import { newId } from "@/lib/core/ids";
import { logger, requestLogger } from "@/lib/logger";
import { verifyCredentials } from "@/lib/services/verify-credentials";
import { baseAuthConfig } from "./config";
import { signInThrottleOptions } from "./throttle";

export class TooManyAttempts extends CredentialsSignin {
  code = "too_many_attempts";
}

// Lazy configuration: read the environment per request, not when `next build` imports this module.
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const base = baseAuthConfig();
  return {
    ...base,
    providers: [
      Credentials({
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, request) {
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const env = getEnv();
          const db = await getDb();
          const result = await verifyCredentials(
            db,
            { ...parsed.data, clientIp: clientAddress(request.headers, env.TRUSTED_PROXY_COUNT) },
            signInThrottleOptions(env),
          );
          if (result.ok) {
            // The session's row: the cookie names it, and it can be ended from the server (sign-out, password change).
            const sessionId = newId("session");
            await insertSession(db, { id: sessionId, userId: result.user.id });
            return { ...result.user, sessionId };
          }
          const requestId = request.headers.get("x-request-id");
          (requestId ? requestLogger(requestId) : logger()).info({ event: "signin_failed", reason: result.reason }, "sign-in refused");
          if (result.reason === "throttled") throw new TooManyAttempts();
          return null;
        },
      }),
    ],
    callbacks: {
      ...base.callbacks,
      /**
       * Every read of the session (auth(), in pages, layouts and server actions) checks its row is still there:
       * a session that was signed out or ended by a password change is gone, even for a copy of its cookie.
       * Returning null makes Auth.js treat the request as signed out and clear the cookie where it can.
       */
      async jwt({ token, user }) {
        if (user?.id) return { ...token, sub: user.id, sid: user.sessionId };
        if (typeof token.sid !== "string" || typeof token.sub !== "string") return null;
        return (await isSessionActive(await getDb(), { id: token.sid, userId: token.sub })) ? token : null;
      },
    },
    events: {
      async signOut(message) {
        const sid = "token" in message ? message.token?.sid : undefined;
        if (typeof sid === "string") await deleteSession(await getDb(), sid);
      },
    },
  };
});
