import { describe, expect, test } from "vitest";
import { findMembership, listTeam } from "@/db/queries/memberships";
import { uniqueEmail, openTestDatabase } from "@/test/db";
import { addMember } from "./add-member";
import { changeMemberRole } from "./change-member-role";
import { removeMember } from "./remove-member";
import { signUp } from "./sign-up";

const { db } = await openTestDatabase();

async function account(tag: string) {
  const email = uniqueEmail(tag);
  const ids = await signUp(db, { email, password: "a long enough password", businessName: tag, country: "US", currency: "USD" }, { verified: true });
  return { email, ...ids };
}

describe("team management", () => {
  test("an owner adds an existing user as viewer, who then sees the merchant", async () => {
    const owner = await account("owner");
    const colleague = await account("colleague");
    await addMember(db, owner, { email: colleague.email.toUpperCase(), role: "viewer" });
    expect(await findMembership(db, { userId: colleague.userId, merchantId: owner.merchantId })).toMatchObject({ role: "viewer" });
    const team = await listTeam(db, { merchantId: owner.merchantId });
    expect(team.map((m) => [m.email, m.role])).toEqual([
      [owner.email, "owner"],
      [colleague.email, "viewer"],
    ]);
  });

  test("adding twice, or an unknown email, is refused", async () => {
    const owner = await account("owner2");
    const colleague = await account("colleague2");
    await addMember(db, owner, { email: colleague.email, role: "admin" });
    await expect(addMember(db, owner, { email: colleague.email, role: "viewer" })).rejects.toMatchObject({ code: "resource_conflict" });
    await expect(addMember(db, owner, { email: uniqueEmail("ghost"), role: "viewer" })).rejects.toMatchObject({ code: "resource_missing", param: "email" });
  });

  test("admins and viewers cannot manage the team", async () => {
    const owner = await account("owner3");
    const admin = await account("admin3");
    const outsider = await account("outsider3");
    await addMember(db, owner, { email: admin.email, role: "admin" });
    const asAdmin = { userId: admin.userId, merchantId: owner.merchantId };
    await expect(addMember(db, asAdmin, { email: outsider.email, role: "owner" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(removeMember(db, asAdmin, { userId: owner.userId })).rejects.toMatchObject({ code: "forbidden" });
    await expect(changeMemberRole(db, { userId: outsider.userId, merchantId: owner.merchantId }, { userId: admin.userId, role: "owner" })).rejects.toMatchObject({ code: "resource_missing" });
  });

  test("the last owner can be neither demoted nor removed", async () => {
    const owner = await account("owner4");
    await expect(changeMemberRole(db, owner, { userId: owner.userId, role: "admin" })).rejects.toMatchObject({ code: "resource_conflict" });
    await expect(removeMember(db, owner, { userId: owner.userId })).rejects.toMatchObject({ code: "resource_conflict" });
  });

  test("two owners demoting each other at once leave one owner", async () => {
    const a = await account("ownerA");
    const b = await account("ownerB");
    await addMember(db, a, { email: b.email, role: "owner" });
    const asB = { userId: b.userId, merchantId: a.merchantId };
    const results = await Promise.allSettled([
      changeMemberRole(db, a, { userId: b.userId, role: "viewer" }),
      changeMemberRole(db, asB, { userId: a.userId, role: "viewer" }),
    ]);
    const team = await listTeam(db, { merchantId: a.merchantId });
    expect(team.filter((m) => m.role === "owner")).toHaveLength(1);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  test("an owner removes a member", async () => {
    const owner = await account("owner5");
    const colleague = await account("colleague5");
    await addMember(db, owner, { email: colleague.email, role: "viewer" });
    await removeMember(db, owner, { userId: colleague.userId });
    expect(await findMembership(db, { userId: colleague.userId, merchantId: owner.merchantId })).toBeNull();
  });
});
