import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export const ID_PREFIXES = {
  user: "usr",
  merchant: "mch",
  paymentLink: "plink",
  order: "ord",
  payment: "pay",
  refund: "re",
  event: "evt",
  webhookEndpoint: "we",
  message: "msg",
  apiKey: "key",
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

function base62(bytes: Uint8Array): string {
  let out = "";
  for (const byte of bytes) out += ALPHABET[byte % 62];
  return out;
}

function encodeTime(ms: number): string {
  // 9 base-62 digits cover ms timestamps far past the year 3000, so ids sort by creation time as strings.
  let n = ms;
  let out = "";
  for (let i = 0; i < 9; i++) {
    out = ALPHABET[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out;
}

/**
 * A prefixed, opaque id (`ord_0kRz…`). The leading time digits make ids of one kind sort by creation, which
 * keeps cursor pagination on the primary key; the 16 random characters (~95 bits) make them unguessable.
 */
export function newId(kind: IdKind, now: number = Date.now()): string {
  return `${ID_PREFIXES[kind]}_${encodeTime(now)}${base62(randomBytes(16))}`;
}

/** An unguessable token for public URLs (checkout links): 32 base-62 characters, ~190 bits. */
export function newToken(length = 32): string {
  return base62(randomBytes(length));
}
