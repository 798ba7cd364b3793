import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { signInSchema } from "@/lib/accounts/schemas";
import { getEnv } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { logger, requestLogger } from "@/lib/logger";
import { verifyCredentials } from "@/lib/services/verify-credentials";
import { baseAuthConfig } from "./config";

export class TooManyAttempts extends CredentialsSignin {
  code = "too_many_attempts";
}

// Lazy configuration: read the environment per request, not when `next build` imports this module.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...baseAuthConfig(),
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const env = getEnv();
        const result = await verifyCredentials(
          await getDb(),
          { ...parsed.data, clientIp: clientAddress(request.headers, env.TRUSTED_PROXY_COUNT) },
          { maxFailures: env.LOGIN_MAX_FAILURES, accountMaxFailures: env.LOGIN_ACCOUNT_MAX_FAILURES, windowSeconds: env.LOGIN_WINDOW_SECONDS },
        );
        if (result.ok) return result.user;
        const requestId = request.headers.get("x-request-id");
        (requestId ? requestLogger(requestId) : logger()).info({ event: "signin_failed", reason: result.reason }, "sign-in refused");
        if (result.reason === "throttled") throw new TooManyAttempts();
        return null;
      },
    }),
  ],
}));
