import { describe, expect, test } from "vitest";
import { checkWebhookUrl, isPublicAddress } from "./url-guard";

// Real resolution through the default resolver (dns.lookup, which reads /etc/hosts), no stub.
describe("checkWebhookUrl with real DNS", () => {
  test("refuses localhost", async () => {
    expect(await checkWebhookUrl("http://localhost:3000/hook", { livemode: false, allowPrivate: false })).toMatchObject({
      ok: false,
      reason: "private_address",
    });
  });

  test("with allowPrivate, resolves localhost to loopback addresses only", async () => {
    const result = await checkWebhookUrl("http://localhost:3000/hook", { livemode: false, allowPrivate: true });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.addresses.length).toBeGreaterThan(0);
    expect(result.addresses.some((address) => address === "127.0.0.1" || address === "::1")).toBe(true);
    for (const address of result.addresses) expect(isPublicAddress(address)).toBe(false);
  });

  test("refuses a name that does not exist", async () => {
    expect(
      await checkWebhookUrl("https://paylink-webhook-guard.invalid/hook", { livemode: true, allowPrivate: false }),
    ).toMatchObject({ ok: false, reason: "unresolvable" });
  });
});
