import { describe, expect, test, vi } from "vitest";
import { checkWebhookUrl, isPublicAddress, parseWebhookUrl, type UrlGuardOptions } from "./url-guard";

/** A resolver stub: known names resolve to fixed addresses, anything else fails like getaddrinfo's ENOTFOUND. */
const zone: Record<string, string[]> = {
  "example-private.test": ["127.0.0.1"],
  "hooks.example.com": ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"],
  "mixed.example.com": ["93.184.216.34", "10.0.0.1"],
  "mixed-v6.example.com": ["93.184.216.34", "fd00:ec2::254"],
  "metadata-rebind.example.com": ["169.254.169.254"],
  "duplicates.example.com": ["8.8.8.8", "8.8.8.8", "8.8.4.4"],
  "empty.example.com": [],
  "garbage.example.com": ["not-an-ip"],
};
function stubResolve(host: string): Promise<string[]> {
  const addresses = zone[host];
  if (addresses) return Promise.resolve(addresses);
  return Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" }));
}

const strict: UrlGuardOptions = { livemode: true, allowPrivate: false, resolve: stubResolve };
const testMode: UrlGuardOptions = { livemode: false, allowPrivate: false, resolve: stubResolve };
const permissive: UrlGuardOptions = { livemode: false, allowPrivate: true, resolve: stubResolve };

describe("isPublicAddress", () => {
  test.each([
    "8.8.8.8",
    "1.1.1.1",
    "93.184.216.34",
    "100.63.255.255", // just below CGNAT
    "100.128.0.0", // just above CGNAT
    "172.15.255.255",
    "172.32.0.0",
    "192.169.0.1",
    "198.17.255.255",
    "198.20.0.0",
    "223.255.255.255",
    "2606:4700:4700::1111",
    "2001:4860:4860::8888",
    "[2606:4700:4700::1111]",
    "2a00:1450:4001:82b::200e",
    "::ffff:8.8.8.8", // IPv4-mapped public
    "64:ff9b::808:808", // NAT64 of 8.8.8.8
    "2002:808:808::1", // 6to4 of 8.8.8.8
  ])("%s is public", (ip) => {
    expect(isPublicAddress(ip)).toBe(true);
  });

  test.each([
    // IPv4 special-purpose ranges, first and last address where it matters
    "0.0.0.0",
    "0.255.255.255",
    "10.0.0.1",
    "10.255.255.255",
    "100.64.0.1",
    "100.127.255.255",
    "100.100.100.200", // Alibaba Cloud metadata
    "127.0.0.1",
    "127.255.255.254",
    "169.254.0.1",
    "169.254.169.254", // AWS / GCP / Azure metadata
    "169.254.170.2", // ECS task metadata
    "172.16.0.1",
    "172.31.255.255",
    "192.0.0.1",
    "192.0.0.192", // Oracle Cloud metadata
    "192.0.2.1",
    "192.88.99.1",
    "192.168.1.1",
    "198.18.0.1",
    "198.19.255.255",
    "198.51.100.1",
    "203.0.113.1",
    "224.0.0.1",
    "239.255.255.250",
    "240.0.0.1",
    "255.255.255.255",
    "168.63.129.16", // Azure WireServer
    // IPv6
    "::",
    "::1",
    "[::1]",
    "0:0:0:0:0:0:0:1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:10.0.0.1",
    "::ffff:169.254.169.254",
    "::127.0.0.1", // IPv4-compatible (deprecated)
    "::7f00:1",
    "fe80::1",
    "febf:ffff::1",
    "fec0::1", // site-local (deprecated)
    "fc00::1",
    "fd00::1",
    "fd00:ec2::254", // AWS metadata over IPv6
    "ff02::1",
    "ff0e::1",
    "64:ff9b::7f00:1", // NAT64 of 127.0.0.1
    "64:ff9b::a00:1", // NAT64 of 10.0.0.1
    "64:ff9b::a9fe:a9fe", // NAT64 of 169.254.169.254
    "64:ff9b:1::1", // local-use NAT64
    "2002:7f00:1::1", // 6to4 of 127.0.0.1
    "2002:c0a8:101::1", // 6to4 of 192.168.1.1
    "2002:a00:1::", // 6to4 of 10.0.0.1
    "2001::1", // Teredo
    "2001:0:4136:e378:8000:63bf:3fff:fdd2", // Teredo
    "2001:db8::1", // documentation
    "3fff::1", // documentation (RFC 9637)
    "2001:2::1", // benchmarking
    "2001:10::1", // ORCHID
    "100::1", // discard-only
    "3ffe::1", // old 6bone
    "4000::1", // outside global unicast 2000::/3
    "fe80::1%eth0", // scoped
  ])("%s is not public", (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  test.each(["", "localhost", "example.com", "127.1", "0x7f.0.0.1", "0177.0.0.1", "2130706433", "127.0.0.1.", "1.2.3.4.5", "256.0.0.1", ":::1", "1:2:3:4:5:6:7:8:9", "[::1"])(
    "%j is not an IP literal, so not public",
    (text) => {
      expect(isPublicAddress(text)).toBe(false);
    },
  );
});

describe("parseWebhookUrl", () => {
  test("accepts https in live mode and normalizes the URL", () => {
    const result = parseWebhookUrl("  https://Hooks.Example.com:8443/paylink?x=1  ", { livemode: true });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.url.href).toBe("https://hooks.example.com:8443/paylink?x=1");
  });

  test("accepts http in test mode", () => {
    expect(parseWebhookUrl("http://hooks.example.com/paylink", { livemode: false }).ok).toBe(true);
  });

  test("requires https in live mode", () => {
    expect(parseWebhookUrl("http://hooks.example.com/paylink", { livemode: true })).toEqual({
      ok: false,
      reason: "https_required",
      message: "Webhook URLs must use https in live mode.",
    });
  });

  test.each([
    "",
    "   ",
    "/webhooks",
    "hooks.example.com/webhooks",
    "//hooks.example.com/webhooks",
    "javascript:alert(1)",
    "ftp://hooks.example.com/webhooks",
    "file:///etc/passwd",
    "data:text/plain,hi",
    "ws://hooks.example.com/",
    "gopher://hooks.example.com/",
    "https://",
    "https://exa mple.com/",
    "https://hooks.example.com/a\nb",
    "https://hooks.example.com/\tb",
    "https://hooks.example.com:0/",
    "https://hooks.example.com:65536/",
    "https://[fe80::1%25eth0]/",
    "https://1.2.3.4.5/",
    `https://hooks.example.com/${"a".repeat(2100)}`,
  ])("refuses %j as invalid_url", (raw) => {
    const result = parseWebhookUrl(raw, { livemode: false });
    expect(result).toMatchObject({ ok: false, reason: "invalid_url" });
    if (!result.ok) expect(result.message).toMatch(/\.$/);
  });

  test.each([
    "https://user:pass@hooks.example.com/",
    "https://user@hooks.example.com/",
    "https://:pass@hooks.example.com/",
    "http://user:pass@hooks.example.com/",
  ])("refuses credentials in %s", (raw) => {
    expect(parseWebhookUrl(raw, { livemode: false })).toMatchObject({ ok: false, reason: "credentials_in_url" });
  });

  test("any port other than 0 is fine", () => {
    for (const port of [1, 80, 443, 3000, 8080, 65535]) {
      expect(parseWebhookUrl(`https://hooks.example.com:${port}/`, { livemode: true }).ok).toBe(true);
    }
  });

  test.each([
    ["http://2130706433/", "127.0.0.1"],
    ["http://0177.0.0.1/", "127.0.0.1"],
    ["http://0x7f.1/", "127.0.0.1"],
    ["http://0x7f000001/", "127.0.0.1"],
    ["http://127.1/", "127.0.0.1"],
    ["http://017700000001/", "127.0.0.1"],
    ["http://%31%32%37.0.0.1/", "127.0.0.1"],
    ["http://１２７.0.0.1/", "127.0.0.1"],
    ["http://0/", "0.0.0.0"],
    ["http://[0:0:0:0:0:ffff:127.0.0.1]/", "[::ffff:7f00:1]"],
  ])("normalizes the odd notation %s to %s", (raw, hostname) => {
    const result = parseWebhookUrl(raw, { livemode: false });
    expect(result.ok && result.url.hostname).toBe(hostname);
  });
});

describe("checkWebhookUrl", () => {
  test.each([
    // the list
    "http://127.0.0.1/",
    "http://10.0.0.1/",
    "http://172.16.0.1/",
    "http://192.168.1.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://100.64.0.1/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://example-private.test/",
    // every spelling of 127.0.0.1
    "http://2130706433/",
    "http://0177.0.0.1/",
    "http://0x7f.1/",
    "http://0x7f000001/",
    "http://0x7F.0.0.1/",
    "http://127.1/",
    "http://127.0.1/",
    "http://017700000001/",
    "http://127.0.0.1./",
    "http://%31%32%37.0.0.1/",
    "http://１２７.0.0.1/",
    "http://127.0.0.1:8080/",
    "http://[::ffff:7f00:1]/",
    "http://[0:0:0:0:0:ffff:127.0.0.1]/",
    "http://[::127.0.0.1]/",
    "http://[64:ff9b::127.0.0.1]/",
    "http://[2002:7f00:1::]/",
    // other IPv4 ranges
    "http://0.0.0.0/",
    "http://0/",
    "http://192.0.0.192/",
    "http://192.0.2.10/",
    "http://192.88.99.1/",
    "http://198.18.0.1/",
    "http://198.51.100.7/",
    "http://203.0.113.9/",
    "http://224.0.0.1/",
    "http://240.0.0.1/",
    "http://255.255.255.255/",
    "http://100.100.100.200/",
    "http://168.63.129.16/",
    // other IPv6 ranges
    "http://[::]/",
    "http://[fe80::1]/",
    "http://[fc00::1]/",
    "http://[fd00:ec2::254]/",
    "http://[ff02::1]/",
    "http://[64:ff9b::a00:1]/",
    "http://[2002:c0a8:101::]/",
    "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
    "http://[2001:db8::1]/",
    // internal names, refused without DNS
    "http://localhost/",
    "http://LOCALHOST./",
    "http://localhost:3000/",
    "http://app.localhost/",
    "http://printer.local/",
    "http://metadata.google.internal/computeMetadata/v1/",
    "http://metadata/",
    "http://metadata.goog/",
    "http://instance-data/latest/meta-data/",
    "http://instance-data.ec2.internal/",
    "http://service.internal/",
    "http://router.home.arpa/",
    "http://intranet/",
    // names that resolve to private addresses
    "http://mixed.example.com/",
    "http://mixed-v6.example.com/",
    "http://metadata-rebind.example.com/",
  ])("refuses %s as private_address", async (raw) => {
    const result = await checkWebhookUrl(raw, testMode);
    expect(result).toMatchObject({ ok: false, reason: "private_address" });
    if (!result.ok) expect(result.message).toContain("must point to a public internet address");
  });

  test.each([
    ["https://8.8.8.8/hook", ["8.8.8.8"]],
    ["https://1.1.1.1/hook", ["1.1.1.1"]],
    ["https://93.184.216.34/hook", ["93.184.216.34"]],
    ["https://[2606:4700:4700::1111]/hook", ["2606:4700:4700::1111"]],
    ["https://hooks.example.com/hook", ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"]],
    ["https://hooks.example.com./hook", ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"]],
    ["https://duplicates.example.com:8443/hook", ["8.8.8.8", "8.8.4.4"]],
  ])("allows %s in live mode and returns the addresses to connect to", async (raw, addresses) => {
    const result = await checkWebhookUrl(raw, strict);
    expect(result).toMatchObject({ ok: true, addresses });
  });

  test("requires https in live mode, allows http in test mode", async () => {
    expect(await checkWebhookUrl("http://hooks.example.com/", strict)).toMatchObject({
      ok: false,
      reason: "https_required",
    });
    expect(await checkWebhookUrl("http://hooks.example.com/", testMode)).toMatchObject({ ok: true });
  });

  test.each(["javascript:alert(1)", "ftp://hooks.example.com/", "/webhooks", "hooks.example.com"])(
    "refuses %j as invalid_url",
    async (raw) => {
      expect(await checkWebhookUrl(raw, testMode)).toMatchObject({ ok: false, reason: "invalid_url" });
    },
  );

  test("refuses credentials even when private addresses are allowed", async () => {
    expect(await checkWebhookUrl("https://user:pass@hooks.example.com/", permissive)).toMatchObject({
      ok: false,
      reason: "credentials_in_url",
    });
  });

  test.each(["https://nowhere.example.com/", "https://empty.example.com/", "https://garbage.example.com/"])(
    "refuses %s as unresolvable",
    async (raw) => {
      const result = await checkWebhookUrl(raw, strict);
      expect(result).toMatchObject({ ok: false, reason: "unresolvable" });
      if (!result.ok) expect(result.message).toContain(new URL(raw).hostname);
    },
  );

  test("a resolver that never answers counts as unresolvable", async () => {
    vi.useFakeTimers();
    try {
      const pending = checkWebhookUrl("https://slow.example.com/", { ...strict, resolve: () => new Promise(() => {}) });
      await vi.advanceTimersByTimeAsync(10_000);
      expect(await pending).toMatchObject({ ok: false, reason: "unresolvable" });
    } finally {
      vi.useRealTimers();
    }
  });

  test("does not ask DNS about IP literals or internal names, and asks with the bare host name", async () => {
    const resolve = vi.fn(stubResolve);
    await checkWebhookUrl("https://8.8.8.8/", { ...strict, resolve });
    await checkWebhookUrl("https://[::1]/", { ...strict, resolve });
    await checkWebhookUrl("https://metadata.google.internal/", { ...strict, resolve });
    expect(resolve).not.toHaveBeenCalled();
    await checkWebhookUrl("https://Hooks.Example.com./x", { ...strict, resolve });
    expect(resolve).toHaveBeenCalledExactlyOnceWith("hooks.example.com");
  });

  describe("allowPrivate", () => {
    test.each([
      ["http://127.0.0.1:3000/hook", ["127.0.0.1"]],
      ["http://0x7f.1/hook", ["127.0.0.1"]],
      ["http://[::1]/hook", ["::1"]],
      ["http://10.0.0.1/hook", ["10.0.0.1"]],
      ["http://example-private.test/hook", ["127.0.0.1"]],
      ["http://mixed.example.com/hook", ["93.184.216.34", "10.0.0.1"]],
    ])("lets %s through", async (raw, addresses) => {
      expect(await checkWebhookUrl(raw, permissive)).toMatchObject({ ok: true, addresses });
    });

    test("lets internal names through to DNS", async () => {
      const resolve = vi.fn(async () => ["127.0.0.1"]);
      expect(await checkWebhookUrl("http://receiver:4000/", { ...permissive, resolve })).toMatchObject({
        ok: true,
        addresses: ["127.0.0.1"],
      });
      expect(resolve).toHaveBeenCalledWith("receiver");
    });

    test("still requires https in live mode and a resolvable host", async () => {
      expect(await checkWebhookUrl("http://127.0.0.1/", { ...permissive, livemode: true })).toMatchObject({
        reason: "https_required",
      });
      expect(await checkWebhookUrl("https://nowhere.example.com/", permissive)).toMatchObject({
        reason: "unresolvable",
      });
    });
  });
});
