import { expect, test } from "@playwright/test";

test("GET /api/health answers 200 with the database reachable and a request id", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: { kind: "postgres" } });
  expect(response.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});

test("a client's own request id is kept", async ({ request }) => {
  const response = await request.get("/api/health", { headers: { "x-request-id": "client-chosen-id-123" } });
  expect(response.headers()["x-request-id"]).toBe("client-chosen-id-123");
});
