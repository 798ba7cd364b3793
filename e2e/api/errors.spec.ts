import type { APIResponse } from "@playwright/test";
import { expect, test } from "./fixtures";

// Every error code of the contract that the payment-links API can produce, through the running app.
const valid = { item_name: "Coffee", amount: 450, currency: "USD", default_country: "US" };

function expectError(json: unknown, code: string, param: string | null = null) {
  expect(json).toEqual({ error: { type: expect.any(String), code, message: expect.any(String), param } });
}

test.describe("authentication", () => {
  test("no key: 401 api_key_missing", async ({ request }) => {
    const response = await request.get("/api/v1/payment_links");
    expect(response.status()).toBe(401);
    expectError(await response.json(), "api_key_missing");
    expect((await response.json()).error.type).toBe("authentication_error");
  });

  for (const header of ["Bearer sk_test_" + "x".repeat(32), "Bearer not-a-key", "Basic dXNlcjpwYXNz"]) {
    test(`'${header.slice(0, 20)}…': 401 api_key_invalid`, async ({ request }) => {
      const response = await request.get("/api/v1/payment_links", { headers: { authorization: header } });
      expect(response.status()).toBe(401);
      expectError(await response.json(), "api_key_invalid");
    });
  }
});

test.describe("validation", () => {
  test("invalid JSON and non-object bodies: 400 invalid_json", async ({ api }) => {
    for (const data of ["{not json", "[1,2]", "null", '"text"']) {
      const response = await api.post("/api/v1/payment_links", { data, headers: { "content-type": "application/json" } });
      expect(response.status(), data).toBe(400);
      expectError(await response.json(), "invalid_json");
    }
  });

  test("unknown, missing and invalid parameters name the field", async ({ api }) => {
    const cases: [Record<string, unknown>, number, string, string][] = [
      [{ ...valid, colour: "red" }, 400, "parameter_unknown", "colour"],
      [{ amount: 450, currency: "USD", default_country: "US" }, 400, "parameter_missing", "item_name"],
      [{ ...valid, amount: 4.5 }, 400, "parameter_invalid", "amount"],
      [{ ...valid, amount: 0 }, 400, "parameter_invalid", "amount"],
      [{ ...valid, amount: -100 }, 400, "parameter_invalid", "amount"],
      [{ ...valid, amount: 12345678901234567890 }, 400, "parameter_invalid", "amount"],
      [{ ...valid, currency: "usd" }, 400, "parameter_invalid", "currency"],
      [{ ...valid, custom_amount: { minimum: 100 } }, 400, "parameter_invalid", "amount"],
      [{ ...valid, payment_methods: ["cash"] }, 400, "parameter_invalid", "payment_methods.0"],
    ];
    for (const [data, status, code, param] of cases) {
      const response = await api.post("/api/v1/payment_links", { data });
      expect(response.status(), JSON.stringify(data)).toBe(status);
      expectError(await response.json(), code, param);
    }
    expect((await (await api.get("/api/v1/payment_links")).json()).data).toEqual([]);
  });

  test("list query parameters are validated too", async ({ api }) => {
    for (const [query, code, param] of [
      ["limit=0", "parameter_invalid", "limit"],
      ["limit=101", "parameter_invalid", "limit"],
      ["active=maybe", "parameter_invalid", "active"],
      ["created_gte=yesterday", "parameter_invalid", "created_gte"],
      ["sort=name", "parameter_unknown", "sort"],
    ]) {
      const response = await api.get(`/api/v1/payment_links?${query}`);
      expect(response.status(), query).toBe(400);
      expectError(await response.json(), code!, param);
    }
  });

  test("PATCH refuses fields it does not accept", async ({ api }) => {
    const link = await (await api.post("/api/v1/payment_links", { data: valid })).json();
    const response = await api.patch(`/api/v1/payment_links/${link.id}`, { data: { amount: 1 } });
    expect(response.status()).toBe(400);
    expectError(await response.json(), "parameter_unknown", "amount");
  });
});

test.describe("not found", () => {
  test("an unknown id and an unknown path: 404 resource_missing", async ({ api }) => {
    const response = await api.get("/api/v1/payment_links/plink_doesnotexist");
    expect(response.status()).toBe(404);
    expectError(await response.json(), "resource_missing", "id");
    const extra = await api.get("/api/v1/payment_links/plink_x?expand=everything");
    expect(extra.status()).toBe(400);
    expectError(await extra.json(), "parameter_unknown", "expand");
    const path = await api.get("/api/v1/nothing_here");
    expect(path.status()).toBe(404);
    expectError(await path.json(), "resource_missing");
  });
});

test.describe("idempotency over HTTP", () => {
  test("a replay is byte for byte with Idempotent-Replayed; another body is 422; a bad key is 400", async ({ api }) => {
    const key = `idem-${Date.now()}`;
    const first = await api.post("/api/v1/payment_links", { data: valid, headers: { "idempotency-key": key } });
    expect(first.status()).toBe(201);
    expect(first.headers()["idempotent-replayed"]).toBeUndefined();
    const again = await api.post("/api/v1/payment_links", { data: valid, headers: { "idempotency-key": key } });
    expect(again.status()).toBe(201);
    expect(again.headers()["idempotent-replayed"]).toBe("true");
    expect(await again.text()).toBe(await first.text());

    const other = await api.post("/api/v1/payment_links", { data: { ...valid, amount: 451 }, headers: { "idempotency-key": key } });
    expect(other.status()).toBe(422);
    expectError(await other.json(), "idempotency_key_reused", "Idempotency-Key");

    const tooLong = await api.post("/api/v1/payment_links", { data: valid, headers: { "idempotency-key": "k".repeat(256) } });
    expect(tooLong.status()).toBe(400);
    expectError(await tooLong.json(), "parameter_invalid", "Idempotency-Key");

    expect((await (await api.get("/api/v1/payment_links")).json()).data).toHaveLength(1);
  });

  test("concurrent twins: one link; every answer is the same 201, a replay, or 409 idempotency_key_in_use", async ({ api }) => {
    const key = `race-${Date.now()}`;
    const responses = await Promise.all(Array.from({ length: 40 }, () => api.post("/api/v1/payment_links", { data: valid, headers: { "idempotency-key": key } })));
    const statuses = responses.map((r) => r.status());
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    for (const r of responses.filter((r) => r.status() === 409)) expectError(await r.json(), "idempotency_key_in_use", "Idempotency-Key");
    const bodies = new Set(await Promise.all(responses.filter((r) => r.status() === 201).map((r) => r.text())));
    expect(bodies.size).toBe(1);
    expect((await (await api.get("/api/v1/payment_links")).json()).data).toHaveLength(1);
  });
});

test("rate limit: a burst beyond the per-key budget gets 429 rate_limited with Retry-After", async ({ api }) => {
  // The budget is per second; on a busy machine one burst may straddle two windows, so try a few.
  let limited: APIResponse[] = [];
  for (let burst = 0; burst < 4 && limited.length === 0; burst++) {
    const responses = await Promise.all(Array.from({ length: 250 }, () => api.get("/api/v1/payment_links?limit=1")));
    expect(responses.every((r) => r.status() === 200 || r.status() === 429)).toBe(true);
    limited = responses.filter((r) => r.status() === 429);
  }
  expect(limited.length).toBeGreaterThan(0);
  expectError(await limited[0]!.json(), "rate_limited");
  expect((await limited[0]!.json()).error.type).toBe("rate_limit_error");
  expect(Number(limited[0]!.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
});

test("no error body carries a stack trace or SQL", async ({ api }) => {
  const responses = await Promise.all([
    api.post("/api/v1/payment_links", { data: "{" , headers: { "content-type": "application/json" } }),
    api.post("/api/v1/payment_links", { data: { ...valid, item_name: "x".repeat(5000) } }),
    api.get("/api/v1/payment_links?q=' or 1=1 --"),
    api.get("/api/v1/payment_links/plink_'; drop table payment_links; --"),
  ]);
  for (const response of responses) {
    const text = await response.text();
    expect(text).not.toMatch(/at \w+ \(|node_modules|select |insert |postgres/i);
  }
});
