import { expect, test } from "@playwright/test";

test("GET /api/v1/openapi.json serves the OpenAPI 3.1 document without a key", async ({ request, baseURL }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(response.headers()["cache-control"]).toBe("public, max-age=300");
  const doc = await response.json();
  expect(doc).toMatchObject({ openapi: "3.1.0", info: { title: "Paylink API", version: "1" } });
  // The e2e server's APP_URL is its own address.
  expect(doc.servers[0].url).toBe(baseURL);
  expect(Object.keys(doc.paths["/api/v1/payment_links"]).sort()).toEqual(["get", "post"]);
  expect(Object.keys(doc.paths["/api/v1/payment_links/{id}"]).sort()).toEqual(["get", "patch"]);
  expect(doc.components.schemas.PaymentLink.properties.amount).toBeDefined();
  // Platforms act for a connected merchant with a header every operation declares, for generated clients.
  expect(doc.components.parameters.PaylinkMerchant).toMatchObject({ name: "Paylink-Merchant", in: "header", required: false });
  expect(doc.paths["/api/v1/payment_links"].post.parameters).toEqual([{ $ref: "#/components/parameters/PaylinkMerchant" }, { $ref: "#/components/parameters/IdempotencyKey" }]);
  expect(doc.paths["/api/v1/orders/{id}"].get.parameters).toContainEqual({ $ref: "#/components/parameters/PaylinkMerchant" });
});

test("the API reference shows the conventions, the error codes and every payment link operation", async ({ page }) => {
  await page.goto("/docs/api");
  await expect(page).toHaveTitle(/API reference/);
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Idempotency" })).toBeVisible();
  await expect(page.getByText('curl https://paylink.example.com/api/v1/payment_links \\', { exact: false }).first()).toBeVisible();

  const errors = page.getByRole("table", { name: "Error codes" });
  await expect(errors).toBeVisible();
  await expect(errors.getByRole("row", { name: /parameter_invalid/ })).toContainText("400");
  await expect(errors.getByRole("row", { name: /rate_limited/ })).toContainText("429");
  await expect(errors.getByRole("row", { name: /idempotency_key_reused/ })).toContainText("422");

  for (const line of ["POST /api/v1/payment_links", "GET /api/v1/payment_links", "GET /api/v1/payment_links/{id}", "PATCH /api/v1/payment_links/{id}"]) {
    await expect(page.getByText(line, { exact: true })).toBeVisible();
  }
  const create = page.getByRole("region", { name: "Create a payment link" });
  await expect(create.getByRole("table", { name: "Request body of Create a payment link" })).toContainText("item_name");
  await expect(create.getByText('"object": "payment_link"')).toBeVisible();

  await page.getByRole("navigation", { name: "Table of contents" }).getByRole("link", { name: /Update a payment link/ }).click();
  await expect(page).toHaveURL(/#updatePaymentLink$/);
});
