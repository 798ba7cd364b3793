import { and, eq, gt, lt, ne } from "drizzle-orm";
import type { Db } from "../client";
import { sessions } from "../schema";

/** However active, a session ends this long after sign-in (the cookie also lapses after 12 idle hours). */
export const SESSION_MAX_AGE_MS = 7 * 24 * 3600_000;

export async function insertSession(db: Db, session: { id: string; userId: string; now?: Date }): Promise<void> {
  const now = session.now ?? new Date();
  await db.insert(sessions).values({ id: session.id, userId: session.userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_MS) });
}

/** Whether the user's session is still open: not signed out, not ended by a password change, not expired. */
export async function isSessionActive(db: Db, session: { id: string; userId: string }): Promise<boolean> {
  const [row] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.id, session.id), eq(sessions.userId, session.userId), gt(sessions.expiresAt, new Date())))
    .limit(1);
  return !!row;
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Ends every session of the user but `keepId` (the one that asked); returns how many ended. */
export async function deleteOtherSessions(db: Db, userId: string, keepId: string | null): Promise<number> {
  const ended = await db
    .delete(sessions)
    .where(keepId ? and(eq(sessions.userId, userId), ne(sessions.id, keepId)) : eq(sessions.userId, userId))
    .returning({ id: sessions.id });
  return ended.length;
}

export async function deleteExpiredSessions(db: Db, now: Date = new Date()): Promise<number> {
  const ended = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
  return ended.length;
}
