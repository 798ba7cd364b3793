import { describe, expect, test } from "vitest";
import { isSameOriginPost, readForm } from "./checkout";

const post = (body: BodyInit, contentType?: string) =>
  new Request("http://localhost/o/abc/pay", { method: "POST", body, headers: contentType ? { "content-type": contentType } : {} });

describe("readForm", () => {
  test("reads a urlencoded or multipart form", async () => {
    expect((await readForm(post("method=card&name=Zo%C3%AB", "application/x-www-form-urlencoded"))).get("name")).toBe("Zoë");
    const multipart = '--b\r\nContent-Disposition: form-data; name="method"\r\n\r\ncard\r\n--b--\r\n';
    expect((await readForm(post(multipart, "multipart/form-data; boundary=b"))).get("method")).toBe("card");
  });

  test.each([
    ["no content type", post("method=card")],
    ["text/plain", post("method=card", "text/plain")],
    ["JSON", post('{"method":"card"}', "application/json")],
    ["a multipart body cut short", post('--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nunterminated', "multipart/form-data; boundary=b")],
    ["multipart without a boundary", post("anything", "multipart/form-data")],
    ["a NUL in a value", post("method=card&name=a%00b", "application/x-www-form-urlencoded")],
    ["a NUL in a name", post("na%00me=x", "application/x-www-form-urlencoded")],
    ["a form over 32 KB (sent without a length, so the proxy could not refuse it)", post(`method=card&name=${"a".repeat(33 * 1024)}`, "application/x-www-form-urlencoded")],
  ])("refuses %s", async (_name, request) => {
    await expect(readForm(request)).rejects.toThrow("The form could not be read.");
  });
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
