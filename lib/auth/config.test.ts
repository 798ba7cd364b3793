import { expect, test } from "vitest";
import { safeCallbackPath } from "./config";

test.each([
  ["/dashboard/settings", "/dashboard/settings"],
  ["/dashboard?x=1", "/dashboard?x=1"],
  ["https://evil.example/", "/dashboard"],
  ["//evil.example/", "/dashboard"],
  ["/\\evil.example", "/dashboard"],
  ["", "/dashboard"],
  // Browsers drop tabs and newlines from URLs: "/\t/evil.example" would be "//evil.example".
  ["/\t/evil.example", "/dashboard"],
  ["/\n/evil.example", "/dashboard"],
  ["/\r\n/evil.example", "/dashboard"],
  ["/ /evil.example", "/dashboard"],
  ["/\u0000/x", "/dashboard"],
  ["/\u00a0/x", "/%C2%A0/x"],
  ["\t//evil.example", "/dashboard"],
  ["/\\/evil.example", "/dashboard"],
  ["/%2F/evil.example", "/%2F/evil.example"],
  ["/./evil.example", "/evil.example"],
  ["/dashboard/../../evil.example", "/evil.example"],
  ["/dashboard/links#new", "/dashboard/links#new"],
  ["javascript:alert(1)", "/dashboard"],
  ["http:/evil.example", "/dashboard"],
  ["///evil.example", "/dashboard"],
  [undefined, "/dashboard"],
])("safeCallbackPath(%j) is %j", (input, expected) => {
  expect(safeCallbackPath(input)).toBe(expected);
});
