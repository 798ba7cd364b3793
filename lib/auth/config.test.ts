import { expect, test } from "vitest";
import { safeCallbackPath } from "./config";

test.each([
  ["/dashboard/settings", "/dashboard/settings"],
  ["/dashboard?x=1", "/dashboard?x=1"],
  ["https://evil.example/", "/dashboard"],
  ["//evil.example/", "/dashboard"],
  ["/\\evil.example", "/dashboard"],
  ["", "/dashboard"],
  [undefined, "/dashboard"],
])("safeCallbackPath(%j) is %j", (input, expected) => {
  expect(safeCallbackPath(input)).toBe(expected);
});
