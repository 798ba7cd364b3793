import { describe, expect, it } from "vitest";
import { parseSource, withSource } from "./source";

describe("parseSource", () => {
  it("keeps letters, digits, - and _ up to 32 characters", () => {
    expect(parseSource("email")).toBe("email");
    expect(parseSource("spring-sale_2026")).toBe("spring-sale_2026");
    expect(parseSource("a".repeat(32))).toBe("a".repeat(32));
  });
  it("counts anything else as no source", () => {
    for (const bad of ["", "a".repeat(33), "with space", "ümlaut", "a/b", "x%00", null, undefined]) expect(parseSource(bad)).toBeNull();
  });
  it("takes the first of repeated values", () => {
    expect(parseSource(["qr", "email"])).toBe("qr");
  });
});

describe("withSource", () => {
  it("sets src, replacing one already there", () => {
    expect(withSource("https://pay.example.com/l/abc", "qr")).toBe("https://pay.example.com/l/abc?src=qr");
    expect(withSource("https://pay.example.com/l/abc?src=old&x=1", "email")).toBe("https://pay.example.com/l/abc?src=email&x=1");
  });
});
