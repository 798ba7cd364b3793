import { createHash } from "node:crypto";
import { newToken } from "@/lib/core/ids";

// Secret API keys: `sk_test_…` / `sk_live_…` followed by 32 base-62 characters (~190 bits).

const KEY_PATTERN = /^sk_(test|live)_[0-9A-Za-z]{32}$/;

export function generateApiKey(livemode: boolean): { secret: string; prefix: string; last4: string; hash: string } {
  const prefix = livemode ? "sk_live_" : "sk_test_";
  const secret = prefix + newToken(32);
  return { secret, prefix, last4: secret.slice(-4), hash: hashApiKey(secret) };
}

export function hashApiKey(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** The key's mode from its shape, or null when it is not a well-formed key at all. */
export function parseApiKey(secret: string): { livemode: boolean } | null {
  const match = KEY_PATTERN.exec(secret);
  return match ? { livemode: match[1] === "live" } : null;
}

/** `sk_test_…Ab12`: how a key is shown after creation. */
export function maskApiKey(prefix: string, last4: string): string {
  return `${prefix}…${last4}`;
}
