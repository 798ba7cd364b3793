import { Writable } from "node:stream";
import { beforeEach, describe, expect, inject, test, vi } from "vitest";
import { decodeFlash } from "@/lib/checkout/flash";
import { checkoutPost, isSameOriginPost } from "./post";
import { readForm } from "./read-form";

const SECRET = "checkout-post-test-secret-0123456789abcdef";
vi.stubEnv("AUTH_SECRET", SECRET);
vi.stubEnv("APP_URL", "http://localhost:3000");
// The per-address allowance is counted in the run's real PostgreSQL database: two posts per link or order.
vi.stubEnv("DATABASE_URL", inject("databaseUrl"));
vi.stubEnv("CHECKOUT_MAX_SUBMISSIONS", "2");

// The log lines, captured from the real logger.
const { lines } = vi.hoisted(() => ({ lines: [] as Record<string, unknown>[] }));
vi.mock("@/lib/logger", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/logger")>();
  const root = original.createLogger("info", new Writable({ write: (chunk, _e, done) => (lines.push(JSON.parse(String(chunk))), done()) }));
  return { ...original, requestLogger: (requestId: string) => root.child({ requestId }) };
});

describe("isSameOriginPost", () => {
  const APP = "https://pay.example.com";
  const at = (headers: Record<string, string>) => new Request("https://pay.example.com/l/abc/pay", { method: "POST", headers });

  test.each([
    ["Sec-Fetch-Site same-origin", { "sec-fetch-site": "same-origin" }, true],
    ["Sec-Fetch-Site same-origin, whatever Origin says", { "sec-fetch-site": "same-origin", origin: "https://pay.example.com" }, true],
    ["a sibling subdomain (same-site)", { "sec-fetch-site": "same-site", origin: "https://blog.example.com" }, false],
    ["another site", { "sec-fetch-site": "cross-site", origin: "https://evil.example" }, false],
    ["a navigation typed by the user (none)", { "sec-fetch-site": "none" }, false],
    ["no Sec-Fetch-Site, our Origin", { origin: "https://pay.example.com" }, true],
    ["no Sec-Fetch-Site, another Origin", { origin: "https://evil.example" }, false],
    ["no Sec-Fetch-Site, Origin null (a sandboxed frame, a data: page)", { origin: "null" }, false],
    ["neither header", {}, false],
  ])("%s", (_name, headers, expected) => {
    expect(isSameOriginPost(at(headers), APP)).toBe(expected);
  });
});

describe("checkoutPost: the answers a browser gets", () => {
  // Each test posts to an order token of its own, so each starts with the whole allowance.
  let TOKEN = "";
  let HOME = "";
  let n = 0;
  const post = checkoutPost("/o/[token]/pay", (token) => `/o/${token}`, async (request, { token }) => {
    const data = await readForm(request);
    if (data.get("fail")) throw new Error("driver said: insert into payments failed");
    return { location: `/o/${token}/complete` };
  });
  const send = (body: string, headers: Record<string, string> = { "sec-fetch-site": "same-origin" }, token = TOKEN) =>
    post(
      new Request(`http://localhost:3000/o/${token}/pay`, {
        method: "POST",
        body,
        headers: { "content-type": "application/x-www-form-urlencoded", "x-request-id": "req-checkout-1", ...headers },
      }),
      { params: Promise.resolve({ token }) },
    );
  const flashOf = (response: Response) => {
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`paylink_flash=`) && !c.includes("Max-Age=0"));
    return cookie ? decodeFlash(cookie.slice("paylink_flash=".length).split(";")[0], SECRET) : null;
  };

  beforeEach(() => {
    lines.length = 0;
    TOKEN = `tok${Date.now()}${n++}`.padEnd(20, "x");
    HOME = `/o/${TOKEN}`;
  });

  test("a post that works: 303 on, the form page's flash cleared, one access-log line naming the route", async () => {
    const response = await send("method=card");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/o/${TOKEN}/complete`);
    expect(response.headers.getSetCookie()).toEqual([`paylink_flash=; Path=${HOME}; Max-Age=0; HttpOnly; SameSite=Lax`]);
    expect(response.headers.get("x-request-id")).toBe("req-checkout-1");
    expect(lines).toEqual([expect.objectContaining({ msg: "request completed", route: "/o/[token]/pay", status: 303 })]);
  });

  test("an unexpected error: 303 back to the page with an apology quoting the request id, never a JSON body or the error's text", async () => {
    const response = await send("fail=1");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(HOME);
    expect(response.headers.get("content-type")).toBeNull();
    expect(await response.text()).toBe("");
    // A catalogue key, worded by the page in the buyer's language.
    expect(flashOf(response)?.errors.form).toEqual({ key: "form.unexpected", values: { reference: "req-checkout-1" } });
    expect(lines.map((line) => [line.msg, line.route])).toEqual([
      ["checkout post failed", "/o/[token]/pay"],
      ["request completed", "/o/[token]/pay"],
    ]);
    expect(JSON.stringify(lines)).not.toContain(TOKEN);
  });

  test("an unreadable form is a plain 400", async () => {
    const response = await send("name=a%00b");
    expect([response.status, await response.text()]).toEqual([400, "Bad request: the form could not be read."]);
  });

  test("a cross-site post is a plain 403, a token that cannot exist a 404, both before any counting", async () => {
    for (let i = 0; i < 3; i++) {
      const forbidden = await send("method=card", { "sec-fetch-site": "cross-site" });
      expect([forbidden.status, forbidden.headers.get("content-type")]).toEqual([403, "text/plain; charset=utf-8"]);
    }
    expect((await send("method=card", undefined, "short")).status).toBe(404);
    // Three refused posts later, both of the allowance's posts are still there.
    expect((await send("method=card")).headers.get("location")).toBe(`/o/${TOKEN}/complete`);
    expect((await send("method=card")).headers.get("location")).toBe(`/o/${TOKEN}/complete`);
  });

  test("over the address's allowance: 303 back to the page saying so, the handler not run", async () => {
    await send("method=card");
    await send("method=card");
    lines.length = 0;
    const response = await send("fail=1");
    expect([response.status, response.headers.get("location")]).toEqual([303, HOME]);
    expect(flashOf(response)?.errors.form).toEqual({ key: "form.tooManyAttempts" });
    expect(lines.map((line) => line.msg)).not.toContain("checkout post failed");
  });
});
