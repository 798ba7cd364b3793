import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { clientAddress, installPeerStamp, throttleKey } from "./client-address";

// A real HTTP server with the peer stamp installed, as `next start` has it: each request answers with the
// address clientAddress() finds for it under the proxy count the test asks for.
installPeerStamp();
const server = createServer((request, response) => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) if (typeof value === "string") headers.set(name, value);
  const proxies = Number(new URL(request.url ?? "/", "http://x").searchParams.get("proxies"));
  response.end(clientAddress(headers, proxies));
});
let port = 0;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function ask(proxies: number, headers: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path: `/?proxies=${proxies}`, headers }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve(body));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("clientAddress", () => {
  test("reached directly (0 proxies): the TCP peer, whatever X-Forwarded-For says", async () => {
    expect(await ask(0)).toBe("127.0.0.1");
    expect(await ask(0, { "x-forwarded-for": "203.0.113.7" })).toBe("127.0.0.1");
    expect(await ask(0, { "x-forwarded-for": "203.0.113.7, 198.51.100.1" })).toBe("127.0.0.1");
  });

  test("a forged peer header does not carry this process's tag", async () => {
    expect(await ask(0, { "x-paylink-peer": "guess 203.0.113.7" })).toBe("127.0.0.1");
  });

  test.each([
    // [X-Forwarded-For as it arrives, proxies, client address]
    ["203.0.113.7", 1, "203.0.113.7"],
    ["1.1.1.1, 203.0.113.7", 1, "203.0.113.7"], // the client wrote "1.1.1.1"; the proxy appended the real one
    ["1.1.1.1, 203.0.113.7, 10.0.0.2", 2, "203.0.113.7"], // CDN → load balancer → app
    ["203.0.113.7, 10.0.0.2", 2, "203.0.113.7"],
    ["::ffff:203.0.113.9", 1, "203.0.113.9"],
    ["203.0.113.7:50123", 1, "203.0.113.7"],
    ["[2001:db8::1]", 1, "2001:db8::1"],
    ["2001:DB8::2", 1, "2001:db8::2"],
    ["not-an-address", 1, "unknown"],
  ])("X-Forwarded-For %j behind %i proxies is %j", async (forwarded, proxies, expected) => {
    expect(await ask(proxies, { "x-forwarded-for": forwarded })).toBe(expected);
  });

  test("fewer entries than proxies: the request skipped a proxy, so the peer counts", async () => {
    expect(await ask(2, { "x-forwarded-for": "203.0.113.7" })).toBe("127.0.0.1");
  });

  test("without the stamp (a request that reached no stamping server) nothing is trusted", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.7" }), 0)).toBe("unknown");
  });
});

test.each([
  ["203.0.113.7", "203.0.113.7"],
  ["2001:db8:1:2::1", "2001:db8:1:2::/64"],
  ["2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"],
  ["2001:0db8:0001:0002:0000:0000:0000:0009", "2001:db8:1:2::/64"],
  ["::1", "0:0:0:0::/64"],
  ["fe80::1", "fe80:0:0:0::/64"],
  ["unknown", "unknown"],
])("throttleKey(%j) is %j", (address, expected) => {
  expect(throttleKey(address)).toBe(expected);
});
