import { describe, expect, test } from "vitest";
import { readForm } from "./read-form";

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
