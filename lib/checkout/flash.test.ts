import { describe, expect, test } from "vitest";
import { decodeFlash, encodeFlash, sanitizeFlash } from "./flash";

const SECRET = "a-test-secret-of-at-least-32-characters";

describe("flash", () => {
  test("round trip: messages as keys (with their values) or text", () => {
    const flash = {
      errors: { cardNumber: { key: "cardNumber.invalid" }, cvc: { key: "cvc.length", values: { digits: 4 } }, form: { text: "The account is closed." } },
      email: "ana@example.com",
      method: "card",
    } as const;
    expect(decodeFlash(encodeFlash(flash, SECRET), SECRET)).toEqual(flash);
  });

  test("a bare string (a flash from before messages had keys) is read as text; a key of another field is dropped", () => {
    const decoded = decodeFlash(encodeFlash({ errors: { form: "Your card was declined." as never, email: { key: "cvc.required" } as never } }, SECRET), SECRET);
    expect(decoded?.errors).toEqual({ form: { text: "Your card was declined." } });
  });

  test("refuses a value signed with another secret, tampered with, or malformed", () => {
    const value = encodeFlash({ errors: { form: { text: "Declined" } } }, SECRET);
    expect(decodeFlash(value, `${SECRET}x`)).toBeNull();
    const [payload, signature] = value.split(".");
    const forged = Buffer.from(JSON.stringify({ errors: { form: "Call +1 555 0100 to pay" } })).toString("base64url");
    expect(decodeFlash(`${forged}.${signature}`, SECRET)).toBeNull();
    expect(decodeFlash(`${payload}.`, SECRET)).toBeNull();
    expect(decodeFlash("garbage", SECRET)).toBeNull();
    expect(decodeFlash(undefined, SECRET)).toBeNull();
  });

  test("keeps only known keys: card fields are never carried", () => {
    const dirty = { errors: { cvc: { key: "cvc.required" }, evil: "x", form: 42 }, cardNumber: "4242424242424242", cvc: "123", expiry: "12/30", email: "a@b.co" };
    expect(sanitizeFlash(dirty)).toEqual({ errors: { cvc: { key: "cvc.required" } }, email: "a@b.co" });
    expect(JSON.stringify(decodeFlash(encodeFlash(dirty as never, SECRET), SECRET))).not.toMatch(/4242|123|12\/30/);
  });

  test("only known message keys, with a few short values, are read back", () => {
    const dirty = {
      errors: {
        form: { key: "form.nope", values: {} },
        email: { key: "email.required", values: { "bad name": "x", ok: "y".repeat(500), n: Number.NaN, nested: { a: 1 } } },
        name: { text: "" },
      },
    };
    expect(sanitizeFlash(dirty).errors).toEqual({ email: { key: "email.required", values: { ok: "y".repeat(100) } } });
  });

  test("long values are cut short, so the cookie stays small", () => {
    const value = encodeFlash({ errors: {}, name: "x".repeat(10_000) }, SECRET);
    expect(value.length).toBeLessThan(600);
  });
});
