import type { MembershipRole } from "@/lib/core/statuses";

/** What a member may do for a merchant. Checked by services, shown or hidden by the dashboard. */
export type Permission = "read" | "write" | "manage_settings" | "manage_team";

const GRANTS: Record<MembershipRole, readonly Permission[]> = {
  owner: ["read", "write", "manage_settings", "manage_team"],
  admin: ["read", "write", "manage_settings"],
  viewer: ["read"],
};

export function can(role: MembershipRole, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}
