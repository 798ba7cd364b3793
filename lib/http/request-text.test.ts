import { describe, expect, test } from "vitest";
import { decodeUtf8, findRefusedJson, isUnstorable } from "./request-text";

describe("decodeUtf8", () => {
  test("decodes UTF-8, and drops a leading byte-order mark", () => {
    expect(decodeUtf8(Buffer.from('{"name":"Zoë 名前 🎉"}'))).toBe('{"name":"Zoë 名前 🎉"}');
    expect(decodeUtf8(Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toBe("{}");
    expect(decodeUtf8(Buffer.alloc(0))).toBe("");
  });

  test.each([
    ["a stray byte", [0xff]],
    ["an overlong '/'", [0xc0, 0xaf]],
    ["an overlong NUL", [0xc0, 0x80]],
    ["a three-byte overlong", [0xe0, 0x80, 0xaf]],
    ["an encoded surrogate (CESU-8)", [0xed, 0xa0, 0x80]],
    ["a code point past U+10FFFF", [0xf4, 0x90, 0x80, 0x80]],
    ["a truncated sequence", [0xe2, 0x82]],
    ["a lone continuation byte", [0x80]],
  ])("refuses %s", (_name, bytes) => {
    expect(decodeUtf8(Buffer.concat([Buffer.from('{"name":"a'), Buffer.from(bytes), Buffer.from('"}')]))).toBeNull();
  });
});

describe("isUnstorable", () => {
  test.each([
    ["\u0000", true],
    ["a\u0000b", true],
    ["\ud800", true],
    ["x\udfffy", true],
    ["\udc00\ud800", true],
    ["🎉", false],
    ["\ud83d\ude00", false],
    ["\uFFFD\uFFFF", false],
    ["' OR 1=1 --", false],
    ["", false],
  ])("%j → %s", (text, expected) => {
    expect(isUnstorable(text)).toBe(expected);
  });
});

describe("findRefusedJson", () => {
  test("names the first key or value holding a NUL or an unpaired surrogate", () => {
    expect(findRefusedJson({ name: "ok", metadata: { k: "a\u0000" } })).toEqual({ path: ["metadata", "k"], reason: "unstorable_text" });
    expect(findRefusedJson({ payment_methods: ["card", "\ud800"] })).toEqual({ path: ["payment_methods", 1], reason: "unstorable_text" });
    expect(findRefusedJson(JSON.parse('{"metadata":{"a\\u0000":"v"}}'))).toEqual({ path: ["metadata", "a\u0000"], reason: "unstorable_text" });
    expect(findRefusedJson({ item_name: "Zoë 🎉", amount: 1, nested: [{ ok: true }, null] })).toBeNull();
  });

  test("names a __proto__ key, at any depth (JSON.parse makes it an own key; a record would drop it)", () => {
    expect(findRefusedJson(JSON.parse('{"metadata":{"plan":"gold","__proto__":"x"}}'))).toEqual({ path: ["metadata", "__proto__"], reason: "proto_key" });
    expect(findRefusedJson(JSON.parse('{"__proto__":{"admin":true}}'))).toEqual({ path: ["__proto__"], reason: "proto_key" });
    expect(findRefusedJson({ constructor: { prototype: "x" } })).toBeNull();
  });

  test("walks a body nested 100,000 levels deep without recursion", () => {
    const deep = JSON.parse(`${"[".repeat(100_000)}"\\u0000"${"]".repeat(100_000)}`);
    const started = performance.now();
    expect(findRefusedJson(deep)?.path).toHaveLength(100_000);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
