import { desc, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { findMembership, listMembershipsForUser, listTeam } from "@/db/queries/memberships";
import { messages } from "@/db/schema";
import { openTestDatabase } from "@/test/db";
import { uniqueEmail } from "@/test/ids";
import { linkIn } from "@/test/mail-catcher";
import { addMember } from "./add-member";
import { createConnectedMerchant } from "./create-connected-merchant";
import { enablePlatform } from "./enable-platform";
import { acceptInvitation, listOpenInvitations } from "./invitations";
import { inviteToConnectedMerchant } from "./invite-to-connected-merchant";
import { signUp } from "./sign-up";

// A platform's owner invites a person to one of its connected merchants (lib/services/invite-to-connected-merchant.ts):
// only the platform's owners, only to its own connected merchants in the mode they were created in, and the
// person joins that merchant alone — never the platform, never a sibling.

const { db } = await openTestDatabase();
const APP = "https://pay.example.com";
const base = { appUrl: APP, clientIp: "203.0.113.7", maxPerHour: 5 };

async function account(tag: string) {
  const email = uniqueEmail(tag);
  const ids = await signUp(db, { email, password: "a long enough password", businessName: `${tag} business`, country: "US", currency: "USD" }, { verified: true });
  return { email, ...ids };
}

/** A verified owner whose business is a platform, with one connected merchant in test mode. */
async function platformWithMerchant(tag: string) {
  const owner = await account(tag);
  await enablePlatform(db, { merchantId: owner.merchantId, by: "operator" });
  const connected = await createConnectedMerchant(db, { merchantId: owner.merchantId, livemode: false, appUrl: APP }, { name: `${tag} shop`, country: "DE", default_currency: "EUR" });
  return { owner, connected, actor: { userId: owner.userId, platformId: owner.merchantId, livemode: false } };
}

async function tokenMailedTo(email: string): Promise<string> {
  const [mail] = await db.select().from(messages).where(eq(messages.to, email)).orderBy(desc(messages.id)).limit(1);
  return new URL(linkIn(mail!.text, "/invitations/")).pathname.split("/").pop()!;
}

describe("inviting a person to a connected merchant", () => {
  test("the platform's owner invites; the invitee joins the connected merchant only", async () => {
    const { owner, connected, actor } = await platformWithMerchant("plat-owner");
    const sibling = await createConnectedMerchant(db, { merchantId: owner.merchantId, livemode: false, appUrl: APP }, { name: "Sibling", country: "DE", default_currency: "EUR" });
    const invitee = await account("shopkeeper");

    const { email } = await inviteToConnectedMerchant(db, actor, { merchantId: connected.id, email: invitee.email, role: "owner" }, base);
    expect(email).toBe(invitee.email);
    const [mail] = await db.select().from(messages).where(eq(messages.to, invitee.email)).orderBy(desc(messages.id)).limit(1);
    expect(mail).toMatchObject({ kind: "team_invitation", subject: `${owner.email} invited you to plat-owner shop on Paylink` });
    expect((await listOpenInvitations(db, connected.id)).map((i) => [i.email, i.role])).toEqual([[invitee.email, "owner"]]);
    expect(await listOpenInvitations(db, owner.merchantId)).toEqual([]);

    expect(await acceptInvitation(db, await tokenMailedTo(invitee.email), invitee.userId)).toEqual({ merchantId: connected.id, role: "owner" });
    // Their own business and the connected merchant: not the platform, not its other merchant.
    const theirs = (await listMembershipsForUser(db, { userId: invitee.userId })).map((m) => m.merchant.id).sort();
    expect(theirs).toEqual([invitee.merchantId, connected.id].sort());
    expect(await findMembership(db, { userId: invitee.userId, merchantId: owner.merchantId })).toBeNull();
    expect(await findMembership(db, { userId: invitee.userId, merchantId: sibling.id })).toBeNull();
    // The platform's owner invited, and did not become a member of the connected merchant by it.
    expect((await listTeam(db, { merchantId: connected.id })).map((m) => m.email)).toEqual([invitee.email]);
    expect((await listTeam(db, { merchantId: owner.merchantId })).map((m) => m.email)).toEqual([owner.email]);
    // Already on the team: refused, as in Settings.
    await expect(inviteToConnectedMerchant(db, actor, { merchantId: connected.id, email: invitee.email, role: "viewer" }, base)).rejects.toMatchObject({ code: "resource_conflict" });
  });

  test("a newcomer signing up from the link joins the connected merchant, not the platform", async () => {
    const { owner, connected, actor } = await platformWithMerchant("plat-signup");
    const newcomer = uniqueEmail("newcomer");
    await inviteToConnectedMerchant(db, actor, { merchantId: connected.id, email: newcomer, role: "admin" }, base);
    const joined = await signUp(db, { email: newcomer, password: "a long enough password", businessName: "N", country: "US", currency: "USD" }, { appUrl: APP, invitationToken: await tokenMailedTo(newcomer) });
    expect(joined.joinedMerchantId).toBe(connected.id);
    expect((await findMembership(db, { userId: joined.userId, merchantId: connected.id }))?.role).toBe("admin");
    expect(await findMembership(db, { userId: joined.userId, merchantId: owner.merchantId })).toBeNull();
  });

  test("the platform's admins and viewers are refused", async () => {
    const { owner, connected } = await platformWithMerchant("plat-staff");
    for (const role of ["admin", "viewer"] as const) {
      const staff = await account(`plat-${role}`);
      await addMember(db, { userId: owner.userId, merchantId: owner.merchantId }, { email: staff.email, role });
      await expect(
        inviteToConnectedMerchant(db, { userId: staff.userId, platformId: owner.merchantId, livemode: false }, { merchantId: connected.id, email: uniqueEmail("x"), role: "viewer" }, base),
      ).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(await listOpenInvitations(db, connected.id)).toEqual([]);
  });

  test("another platform's owner, a non-platform's owner, an outsider and the other mode find no such merchant", async () => {
    const { owner, connected } = await platformWithMerchant("plat-victim");
    const other = await platformWithMerchant("plat-other");
    const plain = await account("plain");
    const invite = (actor: { userId: string; platformId: string; livemode: boolean }) =>
      inviteToConnectedMerchant(db, actor, { merchantId: connected.id, email: uniqueEmail("x"), role: "owner" }, base);
    // Another platform's owner, naming this platform's merchant.
    await expect(invite(other.actor)).rejects.toMatchObject({ code: "resource_missing" });
    // The owner of a business that is not a platform, whether naming their own business or the victim platform.
    await expect(invite({ userId: plain.userId, platformId: plain.merchantId, livemode: false })).rejects.toMatchObject({ code: "resource_missing" });
    await expect(invite({ userId: plain.userId, platformId: owner.merchantId, livemode: false })).rejects.toMatchObject({ code: "resource_missing" });
    // The platform's own owner, in live mode: the merchant was created (and is acted for) in test mode only.
    await expect(invite({ userId: owner.userId, platformId: owner.merchantId, livemode: true })).rejects.toMatchObject({ code: "resource_missing" });
    // A connected merchant's own owner cannot invite to a sibling through it: it is not a platform.
    const keeper = await account("keeper");
    await inviteToConnectedMerchant(db, other.actor, { merchantId: other.connected.id, email: keeper.email, role: "owner" }, base);
    await acceptInvitation(db, await tokenMailedTo(keeper.email), keeper.userId);
    await expect(invite({ userId: keeper.userId, platformId: other.connected.id, livemode: false })).rejects.toMatchObject({ code: "resource_missing" });
    expect(await listOpenInvitations(db, connected.id)).toEqual([]);
  });
});
