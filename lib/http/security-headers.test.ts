import { describe, expect, test } from "vitest";
import { checkoutFormActionPolicy, contentSecurityPolicy, securityHeaders } from "./security-headers";

const base = { nonce: "bm9uY2Utb25l", https: true, development: false };

function directives(policy: string): Map<string, string> {
  return new Map(policy.split(";").map((d) => d.trim()).filter(Boolean).map((d) => [d.split(" ")[0]!, d.slice(d.indexOf(" ") + 1)] as const));
}

describe("contentSecurityPolicy", () => {
  test("a dashboard page: scripts only with the nonce, no framing, forms to this site, no base or plugins", () => {
    const csp = directives(contentSecurityPolicy({ ...base, pathname: "/dashboard/settings" }));
    expect(csp.get("script-src")).toBe("'self' 'nonce-bm9uY2Utb25l' 'strict-dynamic'");
    expect(csp.get("script-src")).not.toContain("unsafe-inline");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.get("form-action")).toBe("'self'");
    expect(csp.get("base-uri")).toBe("'none'");
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.has("upgrade-insecure-requests")).toBe(true);
  });

  test("a checkout page: no framing either; its forms may end on a merchant's page (each page narrows it)", () => {
    for (const pathname of ["/l/abcdefghijklmnopqrst", "/o/abcdefghijklmnopqrst/authenticate"]) {
      const csp = directives(contentSecurityPolicy({ ...base, pathname }));
      expect(csp.get("frame-ancestors")).toBe("'none'");
      expect(csp.get("form-action")).toBe("'self' https: http:");
    }
  });

  test("the API: nothing may run or frame it", () => {
    expect(contentSecurityPolicy({ ...base, pathname: "/api/v1/orders" })).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  });

  test("next dev gets eval and its websocket; plain http gets no upgrade", () => {
    const csp = directives(contentSecurityPolicy({ ...base, https: false, development: true, pathname: "/" }));
    expect(csp.get("script-src")).toContain("'unsafe-eval'");
    expect(csp.get("connect-src")).toBe("'self' ws: wss:");
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });
});

test.each([
  [null, "form-action 'self'"],
  ["https://shop.example/thanks?order=42", "form-action 'self' https://shop.example"],
  ["http://localhost:8080/back", "form-action 'self' http://localhost:8080"],
  ["not a url", "form-action 'self'"],
  ["javascript:alert(1)", "form-action 'self'"],
])("checkoutFormActionPolicy(%j) is %j", (url, expected) => {
  expect(checkoutFormActionPolicy(url)).toBe(expected);
});

describe("securityHeaders", () => {
  test("every response: nosniff, no framing; HSTS only over https", () => {
    const https = securityHeaders({ ...base, pathname: "/dashboard" });
    expect(https).toMatchObject({ "x-content-type-options": "nosniff", "x-frame-options": "DENY", "referrer-policy": "strict-origin-when-cross-origin" });
    expect(https["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    expect(securityHeaders({ ...base, https: false, pathname: "/dashboard" })).not.toHaveProperty("strict-transport-security");
  });

  test("checkout pages, whose URLs are tokens, send no referrer", () => {
    expect(securityHeaders({ ...base, pathname: "/o/abcdefghijklmnopqrst/complete" })["referrer-policy"]).toBe("no-referrer");
    expect(securityHeaders({ ...base, pathname: "/l/abcdefghijklmnopqrst" })["referrer-policy"]).toBe("no-referrer");
  });
});
