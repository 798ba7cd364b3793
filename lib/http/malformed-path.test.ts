import { expect, test } from "vitest";
import { malformedPathResponse } from "./malformed-path";

const request = (path: string, method = "GET") => new Request(`http://localhost${path}`, { method });

test.each(["/api/v1/payment_links/plink_1", "/api/v1/payment_links/caf%C3%A9", "/api/v1/orders/%25", "/o/abc%2Fdef/pay", "/l/abc"])("%s decodes: not answered here", (path) => {
  expect(malformedPathResponse(request(path))).toBeNull();
});

test.each(["/api/v1/payment_links/abc%", "/api/v1/orders/%zz/refunds", "/api/v1/nope%C0%AF", "/api/v1/events/%ED%A0%80", "/api/v1/refunds/%FF"])(
  "%s under /api/v1: the contract's JSON 404",
  async (path) => {
    const response = malformedPathResponse(request(path, "PATCH"))!;
    expect(response.status).toBe(404);
    const body = await response.json();
    expect(body.error).toMatchObject({ type: "invalid_request_error", code: "resource_missing", param: null });
    expect(body.error.message).toContain("PATCH: /api/v1/");
  },
);

test.each(["/l/abc%/pay", "/o/%E0%A4%A/action", "/o/x%zz"])("%s elsewhere: a plain 404", async (path) => {
  const response = malformedPathResponse(request(path, "POST"))!;
  expect(response.status).toBe(404);
  expect(await response.text()).toBe("Not found.");
});
