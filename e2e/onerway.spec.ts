import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { readRawObject } from "@/lib/onerway/raw-json";
import { sign } from "@/lib/onerway/sign";
import { signUp, uniqueEmail } from "./helpers";

// The Onerway-compatible API as a merchant sets it up: a secret key from the Developers page, shown once, that
// signs a request the endpoints accept; and its reference page.

test("a merchant creates an Onerway-compatible key, sees it once, and a request signed with it is answered 20000", async ({ page }) => {
  await signUp(page, { email: uniqueEmail("onerway"), business: "Onerway Switchers" });
  await page.goto("/dashboard/developers");
  const section = page.getByRole("region", { name: "Onerway-compatible API" });
  await section.getByRole("button", { name: "Create secret key" }).click();
  const field = page.getByRole("textbox", { name: "Secret key", exact: true });
  await expect(field).toHaveValue(/^[0-9a-f]{64}$/);
  const key = await field.inputValue();
  const merchantNo = (await section.locator("code").first().textContent())!.trim();
  expect(merchantNo).toMatch(/^\d+$/);

  const json = `{"merchantNo":"${merchantNo}","current":1,"size":10}`;
  const body = `${json.slice(0, -1)},"sign":"${sign(readRawObject(json), key)}"}`;
  const answer = await page.request.post("/v1/txn/paymentLink/list", { data: body, headers: { "content-type": "application/json" } });
  expect(answer.status()).toBe(200);
  expect(await answer.json()).toEqual({ respCode: "20000", respMsg: "Success", data: { records: [], total: "0", size: "10", current: "1" } });

  await page.reload();
  await expect(page.getByRole("textbox", { name: "Secret key", exact: true })).toHaveCount(0);
  await expect(section).toContainText(`…${key.slice(-4)}`);
});

test("the Onerway-compatible reference passes axe", async ({ page }) => {
  await page.goto("/docs/onerway");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Onerway-compatible API");
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
});
