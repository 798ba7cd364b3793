import { randomFillSync } from "node:crypto";

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
  /** An email or SMS sent (the API's `message`). */
  message: "msg",
  /** One webhook or status-callback delivery of an event. */
  webhookMessage: "whm",
  invitation: "inv",
  apiKey: "key",
  webhookAttempt: "wha",
  session: "ses",
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

// Random bytes are drawn from the system a few kilobytes at a time: one call per ~150 ids instead of one per id
// (a system call each, ~1.5% of the app's time creating links). Each byte is used once, at once.
const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let poolOffset = POOL_BYTES;

function randomPart(length: number): Uint8Array {
  if (length > POOL_BYTES) return randomFillSync(Buffer.alloc(length));
  if (poolOffset + length > POOL_BYTES) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const bytes = pool.subarray(poolOffset, poolOffset + length);
  poolOffset += length;
  return bytes;
}

function base62(bytes: Uint8Array): string {
  let out = "";
  for (const byte of bytes) out += ALPHABET[byte % 62];
  return out;
}

function encodeTime(ms: number): string {
  // 9 base-62 digits cover ms timestamps far past the year 3000, so ids sort by creation time as strings.
  return encodeFixed(ms, 9);
}

let lastTime = 0;
let sequence = 0;

/**
 * A prefixed, opaque id (`ord_0kRz…`): 9 time digits, a 3-digit sequence, 13 random characters (~77 bits).
 * Ids of one kind sort by creation, which keeps cursor pagination on the primary key — and within one process
 * they are strictly increasing even inside one millisecond (the events of one transaction keep their order)
 * and if the clock steps back.
 */
export function newId(kind: IdKind, now: number = Date.now()): string {
  if (now > lastTime) {
    lastTime = now;
    sequence = 0;
  } else {
    sequence += 1;
    if (sequence >= 62 ** 3) {
      lastTime += 1;
      sequence = 0;
    }
  }
  return `${ID_PREFIXES[kind]}_${encodeTime(lastTime)}${encodeFixed(sequence, 3)}${base62(randomPart(13))}`;
}

/** The lowest id of a kind made at `time` or later: a bound for "created since" on the primary key's index. */
export function idFloor(kind: IdKind, time: number): string {
  return `${ID_PREFIXES[kind]}_${encodeTime(time)}`;
}

function encodeFixed(n: number, digits: number): string {
  let out = "";
  for (let i = 0; i < digits; i++) {
    out = ALPHABET[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out;
}

/** An unguessable token for public URLs (checkout links): 32 base-62 characters, ~190 bits. */
export function newToken(length = 32): string {
  return base62(randomPart(length));
}
