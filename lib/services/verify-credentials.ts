import type { Db } from "@/db/client";
import { findUserByEmail } from "@/db/queries/users";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import { createSignInThrottle, type ThrottleOptions } from "@/lib/auth/throttle";

export type VerifyCredentialsResult =
  | { ok: true; user: { id: string; email: string; name: string | null } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Checks an email and password. Unknown email and wrong password are the same answer, in the same time.
 * The attempt is counted before the password is checked (see createSignInThrottle): once a counter is used
 * up, attempts are refused without any password being checked, however many arrive at once.
 */
export async function verifyCredentials(
  db: Db,
  input: { email: string; password: string; clientIp: string },
  throttleOptions: ThrottleOptions,
): Promise<VerifyCredentialsResult> {
  const throttle = createSignInThrottle(db, throttleOptions);
  const gate = await throttle.consume(input.email, input.clientIp);
  if (!gate.ok) return { ok: false, reason: "throttled", retryAfterSeconds: Math.ceil(gate.retryAfterMs / 1000) };

  const user = await findUserByEmail(db, input.email);
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : (await burnPasswordCheck(input.password), false);
  if (!user || !valid) return { ok: false, reason: "invalid" };
  await throttle.succeeded(input.email, input.clientIp);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
