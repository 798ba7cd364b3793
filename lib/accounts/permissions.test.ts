import { expect, test } from "vitest";
import { can } from "./permissions";

test.each([
  ["owner", "manage_team", true],
  ["owner", "manage_settings", true],
  ["admin", "manage_settings", true],
  ["admin", "manage_team", false],
  ["admin", "write", true],
  ["viewer", "read", true],
  ["viewer", "write", false],
  ["viewer", "manage_settings", false],
] as const)("%s may %s: %s", (role, permission, expected) => {
  expect(can(role, permission)).toBe(expected);
});
