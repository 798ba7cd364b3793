import { and, asc, eq, getTableColumns } from "drizzle-orm";
import type { Db } from "../client";
import { memberships, merchants, users, type Merchant, type MembershipRole } from "../schema";

type SecretColumn = "callbackSecretTest" | "callbackSecretLive";
const SECRET_COLUMNS: readonly string[] = ["callbackSecretTest", "callbackSecretLive"] satisfies SecretColumn[];

/** A merchant as the dashboard carries it on every request: without its callback secrets. */
export type MerchantProfile = Omit<Merchant, SecretColumn>;

// Every column but the secrets, which only the delivery worker and the Settings section that rolls them read.
const profileColumns = Object.fromEntries(
  Object.entries(getTableColumns(merchants)).filter(([name]) => !SECRET_COLUMNS.includes(name)),
) as Omit<ReturnType<typeof getTableColumns<typeof merchants>>, SecretColumn>;

export interface MerchantMembership {
  merchant: MerchantProfile;
  role: MembershipRole;
}

/** Every merchant the user belongs to, oldest membership first. */
export async function listMembershipsForUser(db: Db, params: { userId: string }): Promise<MerchantMembership[]> {
  const rows = await db
    .select({ merchant: profileColumns, role: memberships.role })
    .from(memberships)
    .innerJoin(merchants, eq(merchants.id, memberships.merchantId))
    .where(eq(memberships.userId, params.userId))
    .orderBy(asc(memberships.createdAt), asc(merchants.id));
  return rows;
}

export async function findMembership(
  db: Db,
  params: { userId: string; merchantId: string },
): Promise<MerchantMembership | null> {
  const [row] = await db
    .select({ merchant: profileColumns, role: memberships.role })
    .from(memberships)
    .innerJoin(merchants, eq(merchants.id, memberships.merchantId))
    .where(and(eq(memberships.userId, params.userId), eq(memberships.merchantId, params.merchantId)))
    .limit(1);
  return row ?? null;
}

export interface TeamMember {
  userId: string;
  email: string;
  role: MembershipRole;
  createdAt: Date;
}

/** The members of one merchant, owners first. */
export async function listTeam(db: Db, params: { merchantId: string }): Promise<TeamMember[]> {
  const rows = await db
    .select({ userId: users.id, email: users.email, role: memberships.role, createdAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.merchantId, params.merchantId))
    .orderBy(asc(memberships.role), asc(memberships.createdAt));
  return rows;
}
