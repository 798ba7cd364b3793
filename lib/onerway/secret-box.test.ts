import { describe, expect, test } from "vitest";
import { openSecret, sealSecret } from "./secret-box";

const SECRET = "x".repeat(32);

describe("secret box", () => {
  test("opens what it sealed; every seal differs", () => {
    const a = sealSecret("key-123", SECRET);
    const b = sealSecret("key-123", SECRET);
    expect(a).not.toBe(b);
    expect(a).not.toContain("key-123");
    expect(openSecret(a, SECRET)).toBe("key-123");
    expect(openSecret(b, SECRET)).toBe("key-123");
  });
  test("another AUTH_SECRET, a changed byte or garbage opens nothing", () => {
    const sealed = sealSecret("key-123", SECRET);
    expect(openSecret(sealed, "y".repeat(32))).toBeNull();
    const parts = sealed.split(".");
    parts[3] = Buffer.from("key-124").toString("base64url");
    expect(openSecret(parts.join("."), SECRET)).toBeNull();
    for (const bad of ["", "v1", "v2.a.b.c", "v1.!!.!!.!!"]) expect(openSecret(bad, SECRET)).toBeNull();
    // A shortened tag (GCM would accept 4 bytes) is refused outright.
    const [v, iv, tag, body] = sealed.split(".");
    expect(openSecret([v, iv, Buffer.from(tag!, "base64url").subarray(0, 4).toString("base64url"), body].join("."), SECRET)).toBeNull();
  });
});
