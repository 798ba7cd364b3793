import { expect, test } from "vitest";
import { unrecognizedRequest } from "./unrecognized";

test("an unserved method or path answers the contract's 404 in JSON", async () => {
  const response = unrecognizedRequest(new Request("http://localhost/api/v1/payment_links/plink_1", { method: "DELETE" }));
  expect(response.status).toBe(404);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expect(await response.json()).toEqual({
    error: { type: "invalid_request_error", code: "resource_missing", message: "Unrecognized request URL (DELETE: /api/v1/payment_links/plink_1).", param: null },
  });
});
