import { expect, test } from "vitest";
import { generateApiKey, hashApiKey, maskApiKey, parseApiKey } from "./api-keys";

test("a generated key has its mode's prefix, and parses back to that mode", () => {
  const test_ = generateApiKey(false);
  const live = generateApiKey(true);
  expect(test_.secret).toMatch(/^sk_test_[0-9A-Za-z]{32}$/);
  expect(live.secret).toMatch(/^sk_live_[0-9A-Za-z]{32}$/);
  expect(parseApiKey(test_.secret)).toEqual({ livemode: false });
  expect(parseApiKey(live.secret)).toEqual({ livemode: true });
  expect(test_.hash).toBe(hashApiKey(test_.secret));
  expect(test_.hash).not.toContain(test_.secret.slice(8));
  expect(maskApiKey(test_.prefix, test_.last4)).toBe(`sk_test_…${test_.secret.slice(-4)}`);
});

test.each(["", "sk_test_", "sk_test_short", "pk_test_" + "a".repeat(32), "sk_prod_" + "a".repeat(32), "sk_test_" + "a".repeat(33), "sk_test_" + "-".repeat(32)])(
  "refuses the malformed key %j",
  (key) => expect(parseApiKey(key)).toBeNull(),
);
