import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { readRawObject } from "./raw-json";
import { sign, signatureMatches, signingString } from "./sign";

const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
const fields = (json: string) => readRawObject(json);

describe("the Onerway signing rule", () => {
  test.each([
    ["the contract's example", '{"b":"test3","a":"0","c":"value"}', "K", "0test3valueK"],
    ["sign itself is left out", '{"b":"x","sign":"abc","a":"y"}', "K", "yxK"],
    ["null and empty strings are dropped; whitespace is kept", '{"a":null,"b":"","c":" ","d":"v"}', "K", " vK"],
    ["booleans and numbers as their JSON text", '{"collectEmail":true,"collectName":false,"amount":99.99,"size":10}', "K", "99.99truefalse10K"],
    ["a number's own digits, as sent", '{"amount":99.990,"e":1E2}', "K", "99.9901E2K"],
    ["ASCII order: digits, then upper case, then lower case", '{"b":"2","B":"1","a1":"3","0":"0"}', "K", "0132K"],
    ["a nested object sent as a JSON string: its characters", '{"object":"{\\"k\\":\\"v\\"}"}', "K", '{"k":"v"}K'],
    ["a nested object sent as JSON: its text as sent", '{"object":{"k": "v"}}', "K", '{"k": "v"}K'],
    ["escapes in strings are their characters", '{"a":"caf\\u00e9 \\"x\\""}', "K", 'café "x"K'],
    ["unicode values", '{"itemName":"会员年费","merchantNo":"800209"}', "秘", "会员年费800209秘"],
  ])("%s", (_name, json, key, expected) => {
    expect(signingString(fields(json), key)).toBe(expected);
    expect(sign(fields(json), key)).toBe(sha(expected));
  });

  test("the seed's add example, signed and checked", () => {
    const body = '{"merchantNo":"800209","linkName":"Membership Renewal","amount":99.99,"currency":"USD","defaultCountry":"US","itemName":"Membership","description":"Annual membership renewal","collectEmail":true,"collectName":true}';
    const expected = sha("99.99truetrueUSDUSAnnual membership renewalMembershipMembership Renewal800209secret");
    expect(sign(fields(body), "secret")).toBe(expected);
    expect(signatureMatches(fields(body), "secret", expected)).toBe(true);
    expect(signatureMatches(fields(body), "secret", expected.toUpperCase())).toBe(true);
    expect(signatureMatches(fields(body), "other", expected)).toBe(false);
    expect(signatureMatches(fields(body), "secret", "")).toBe(false);
    expect(signatureMatches(fields(body), "secret", `${expected}00`)).toBe(false);
  });
});

describe("readRawObject", () => {
  test("keeps each top-level value's source text", () => {
    const raw = readRawObject(' { "a" : 1.50 , "b":[1, {"c":"]"}], "d":{"e":"}"}, "f":"x\\"y", "g":false, "h":null } ');
    expect([...raw.entries()]).toEqual([
      ["a", { kind: "number", text: "1.50" }],
      ["b", { kind: "json", text: '[1, {"c":"]"}]' }],
      ["d", { kind: "json", text: '{"e":"}"}' }],
      ["f", { kind: "string", value: 'x"y', text: '"x\\"y"' }],
      ["g", { kind: "boolean", value: false, text: "false" }],
      ["h", { kind: "null", text: "null" }],
    ]);
  });
  test("refuses what is not one JSON object, and a field given twice (also when spelt with escapes)", () => {
    for (const bad of ["", "[]", "1", '{"a":', "null", '{"a":1}x', '{"sign":"a","sign":"b"}', '{"sign":"a","\\u0073ign":"b"}']) expect(() => readRawObject(bad)).toThrow();
  });
  test("a backslash just before a closing quote, and escaped names", () => {
    const raw = readRawObject('{"a":"x\\\\","\\u0062":"\\"}","c":1}');
    expect([...raw.entries()]).toEqual([
      ["a", { kind: "string", value: "x\\", text: '"x\\\\"' }],
      ["b", { kind: "string", value: '"}', text: '"\\"}"' }],
      ["c", { kind: "number", text: "1" }],
    ]);
  });
});
