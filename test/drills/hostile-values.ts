// The hostile-input corpus of the fault drill test/drills/hostile-input.drill.test.ts (issue #6): a seedable
// PRNG, a JSON writer for what JSON.stringify cannot write, and the values that break parsers, validators and
// databases. test/drills/hostile-inputs.ts builds requests from them.

/** A small, fast, seedable PRNG (mulberry32). */
export class Rand {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(below: number): number {
    return Math.floor(this.next() * below);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** The PRNG of request `n`: independent of every other request's, so any one can be generated alone. */
export function randFor(seed: number, n: number): Rand {
  let h = (seed ^ Math.imul(n + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return new Rand((h ^ (h >>> 16)) >>> 0);
}

// ---------------------------------------------------------------------------------------------------------
// JSON with what JSON.stringify cannot write: raw number texts, duplicate and __proto__ keys, invalid bytes
// ---------------------------------------------------------------------------------------------------------

/** JSON text spliced in as is (`1e400`, `-0`, `NaN`, 10,000 nested brackets). */
export class Raw {
  constructor(readonly text: string) {}
}
/** Bytes spliced in as is, inside or outside a string: invalid UTF-8, a raw NUL. */
export class Bytes {
  constructor(readonly bytes: Buffer) {}
}
/** An object as a list of pairs: keys may repeat, and `__proto__` stays an ordinary key. */
export class Pairs {
  constructor(readonly pairs: [string, JsonLike][]) {}
}
/** A string whose middle holds raw bytes: `"<before><bytes><after>"`. */
export class ByteString {
  constructor(
    readonly before: string,
    readonly bytes: Buffer,
    readonly after: string,
  ) {}
}
export type JsonLike = string | number | boolean | null | Raw | Bytes | ByteString | Pairs | JsonLike[] | { [key: string]: JsonLike };

/** Serializes to the bytes on the wire. */
export function encodeJson(value: JsonLike): Buffer {
  const parts: Buffer[] = [];
  let text = "";
  const flush = () => {
    if (text) parts.push(Buffer.from(text, "utf8"));
    text = "";
  };
  const write = (v: JsonLike): void => {
    if (v instanceof Raw) text += v.text;
    else if (v instanceof Bytes) {
      flush();
      parts.push(v.bytes);
    } else if (v instanceof ByteString) {
      text += JSON.stringify(v.before).slice(0, -1);
      flush();
      parts.push(v.bytes);
      text += JSON.stringify(v.after).slice(1);
    } else if (v instanceof Pairs) {
      text += "{";
      v.pairs.forEach(([k, item], i) => {
        text += `${i ? "," : ""}${JSON.stringify(k)}:`;
        write(item);
      });
      text += "}";
    } else if (Array.isArray(v)) {
      text += "[";
      v.forEach((item, i) => {
        if (i) text += ",";
        write(item);
      });
      text += "]";
    } else if (v !== null && typeof v === "object") write(new Pairs(Object.entries(v)));
    else text += JSON.stringify(v);
  };
  write(value);
  flush();
  return Buffer.concat(parts);
}

/** Every string a value carries (keys too): what an answer may legitimately quote back. */
export function stringsIn(value: JsonLike, out: string[] = [], depth = 0): string[] {
  if (depth > 50 || out.length > 200) return out;
  if (typeof value === "string") out.push(value);
  else if (value instanceof ByteString) out.push(value.before, value.after);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out, depth + 1);
  else if (value !== null && typeof value === "object" && !(value instanceof Raw) && !(value instanceof Bytes)) {
    for (const [k, v] of value instanceof Pairs ? value.pairs : Object.entries(value)) {
      out.push(k);
      stringsIn(v, out, depth + 1);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// The corpus
// ---------------------------------------------------------------------------------------------------------

export const SQL_INJECTION = [
  "' OR '1'='1",
  "'; DROP TABLE payment_links; --",
  "1; SELECT pg_sleep(1); --",
  '" OR ""="',
  "' UNION SELECT secret_hash FROM api_keys --",
  "plink_' OR 1=1 --",
  "%' AND 1=1 --",
  "\\'; --",
  "admin'--",
  "1' AND extractvalue(1,concat(0x7e,version()))--",
  "$$; select 1; $$",
  "'||(select pg_sleep(1))||'",
  "') OR ('a'='a",
  "1e1; COPY api_keys TO '/tmp/x'",
  "ord_1 OR 1=1",
  "\\x27 OR 1=1",
];

export const SCRIPT_INJECTION = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "<svg/onload=alert(1)>",
  "{{constructor.constructor('alert(1)')()}}",
  "${process.exit(1)}",
  "</script><script>alert(document.cookie)</script>",
  "<iframe src=//evil.example>",
  "';alert(String.fromCharCode(88,83,83))//",
  "<!--",
  "]]>",
  "\u2028\u2029",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "%3Cscript%3Ealert(1)%3C/script%3E",
];

export const ODD_UNICODE = [
  "Zoë Café",
  "名前テスト",
  "مرحبا بالعالم",
  "\u202Egnp.exe",
  "a\u200Bb\u200Cc\u200Dd",
  "👩‍👩‍👧‍👦",
  "e\u0301\u0301\u0301",
  "\uFEFFbom",
  "\uFFFD",
  "\uFFFF\uFFFE",
  "\u{10FFFF}",
  "𝕳𝖔𝖘𝖙𝖎𝖑𝖊",
  "  padded  ",
  "tab\there",
  "new\nline",
  "\r\n\r\n",
  "\\",
  "'",
  '"',
  "`",
  "%s%s%s%n",
  "../../../../etc/passwd",
  "{{7*7}}",
  "null",
  "undefined",
  "true",
  "NaN",
  "1e400",
  "-0",
  "0x10",
];

/** Strings no text column can hold as sent: NUL, lone surrogates. */
export const UNSTORABLE = ["\u0000", "a\u0000b", "\ud800", "x\udfffy", "\ud83d", "\udc00\ud800", "ok\u0000\ud800"];

/** Byte sequences that are not UTF-8: overlong, surrogates, past U+10FFFF, truncated, stray continuation. */
export const INVALID_UTF8: readonly number[][] = [
  [0xff],
  [0xfe, 0xff],
  [0xc0, 0xaf],
  [0xc0, 0x80],
  [0xc1, 0xbf],
  [0xe0, 0x80, 0xaf],
  [0xf0, 0x80, 0x80, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xed, 0xbf, 0xbf],
  [0xf4, 0x90, 0x80, 0x80],
  [0xc3],
  [0xe2, 0x82],
  [0x80],
  [0xbf, 0xbf],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xfc, 0x84, 0x80, 0x80, 0x80, 0x80],
];

/** Percent-encodings that decode to no valid UTF-8, to a NUL, or do not decode at all. */
export const BAD_PERCENT = ["%FF", "%C0%AF", "%C0%80", "%ED%A0%80", "%F4%90%80%80", "%C3", "%E2%82", "%80", "%00", "%", "%zz", "%%", "%E0%A4%A", "%u0041", "%2", "%F0%9F%98"];

/** Number literals as JSON text; the last ones are not JSON at all. */
export const NUMBER_TEXTS = [
  "-0",
  "1e308",
  "-1e308",
  "1e400",
  "-1e400",
  "9223372036854775808",
  "9223372036854775807",
  "-9223372036854775809",
  "18446744073709551616",
  "123456789012345678901234567890",
  "1e-400",
  "4.5",
  "0.1",
  "1E2",
  "100.0",
  "99999999999",
  "100000000000",
  "-1",
  "0",
  "2147483648",
  "NaN",
  "Infinity",
  "-Infinity",
  "0x10",
  "01",
  "+1",
  ".5",
  "1.",
  "1e",
  "--1",
  "1_000",
];

/** 4242… and friends: card numbers must never come back in an answer, a Location or a cookie. */
export const CARD_NUMBERS = ["4242424242424242", "5555555555554444", "4000000000000002", "4000000000009995", "4000000000003220", "4111111111111111", "378282246310005"];

export function deepArray(levels: number): Raw {
  return new Raw("[".repeat(levels) + "]".repeat(levels));
}
export function deepObject(levels: number): Raw {
  return new Raw('{"a":'.repeat(levels) + "1" + "}".repeat(levels));
}

/** A string of `length` characters (some multi-byte), deterministic from `r`. */
export function longString(r: Rand, length: number): string {
  const unit = r.pick(["x", "é", "名", "<script>", "' OR 1=1 --", "🎉", "\\"]);
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

const LENGTHS = [41, 101, 201, 501, 1001, 2049, 10_000, 100_000, 300_000, 1_048_576];

/** A value of the wrong type, out of range, oversized or undecodable, to put where a field goes. */
export function hostileValue(r: Rand): JsonLike {
  switch (r.int(12)) {
    case 0:
      return new Raw(r.pick(NUMBER_TEXTS));
    case 1:
      return r.pick([1e308, -1e308, 2 ** 63, -(2 ** 63), 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, 0.1, 4.5, -1, 0, 1e-7, 1500]);
    case 2:
      return r.pick(SQL_INJECTION);
    case 3:
      return r.pick(SCRIPT_INJECTION);
    case 4:
      return r.pick(ODD_UNICODE);
    case 5:
      return r.pick(UNSTORABLE);
    case 6:
      return longString(r, r.pick(LENGTHS));
    case 7:
      return r.pick<JsonLike>([true, false, null, [], {}, [1, 2], ["card"], [null], { a: 1 }, [[[]]], "", " ", "1500", "USD", "US", "card"]);
    case 8:
      return r.chance(0.5) ? deepArray(r.pick([50, 1000, 10_000])) : deepObject(r.pick([50, 1000, 10_000]));
    case 9:
      return new ByteString(r.pick(["", "abc", "Widget "]), Buffer.from(r.pick(INVALID_UTF8)), r.pick(["", "xyz"]));
    case 10:
      return new Pairs([
        [r.pick(["__proto__", "constructor", "prototype", "toString", "hasOwnProperty"]), r.pick<JsonLike>([{ polluted: "yes" }, "x", null, 1, new Pairs([["prototype", { polluted: "yes" }]])])],
      ]);
    default:
      return r.pick(["2026-13-45T99:99:99Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "9999-12-31T23:59:59-23:59", "0001-01-01T00:00:00+23:59", "2026-02-30T00:00:00Z", "1970-01-01T00:00:00Z", "tomorrow", "2999-01-01T00:00:00.123456789Z"]);
  }
}

/** A hostile string (for a key, an id, a query value, a header). */
export function hostileString(r: Rand): string {
  switch (r.int(6)) {
    case 0:
      return r.pick(SQL_INJECTION);
    case 1:
      return r.pick(SCRIPT_INJECTION);
    case 2:
      return r.pick(ODD_UNICODE);
    case 3:
      return r.pick(UNSTORABLE);
    case 4:
      return longString(r, r.pick([41, 201, 1001, 4000]));
    default:
      return r.pick(NUMBER_TEXTS);
  }
}

export function plainComponent(text: string): { wire: string; echo: string[] } {
  return { wire: pct(text), echo: [text] };
}

/** Percent-encodes every byte of the string's UTF-8 that is not unreserved. */
export function pct(text: string): string {
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9_.~-]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** A path segment or query value as sent: properly encoded, or with broken encodings and raw bytes in it. */
export function hostileComponent(r: Rand): { wire: string; echo: string[] } {
  const roll = r.int(10);
  if (roll < 5) {
    // At most 300 characters: nine bytes on the wire each, percent-encoded, and a request's headers must stay
    // under Node's 16 KB (beyond it Node answers 431 before the app sees anything).
    const s = hostileString(r).slice(0, 300);
    return { wire: pct(s), echo: [s] };
  }
  if (roll < 8) {
    const prefix = r.pick(["", "plink_", "ord_", "abc", "evt_"]);
    return { wire: prefix + r.pick(BAD_PERCENT) + r.pick(["", "x", "%20OR%201=1"]), echo: [prefix] };
  }
  // Raw bytes above 0x7F on the wire (Node writes the request line as latin1): invalid UTF-8 in a URL.
  const raw = r.pick(["\u00ff", "\u00c0\u00af", "caf\u00e9", "\u00ed\u00a0\u0080", "\u0080"]);
  return { wire: raw, echo: [] };
}
