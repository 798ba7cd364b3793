import { describe, expect, test } from "vitest";
import { crc16ccitt, emvCrcValid, emvText, parseEmv, parseEmvTemplate, pixPayload, promptPayPayload, promptPayTarget, type PixInput } from "./emv-qr";

/** The payload's fields with the CRC checked (parseEmv refuses a wrong one) and removed. */
function fieldsOf(payload: string): Record<string, string> {
  const { 63: crc, ...fields } = parseEmv(payload);
  expect(crc).toBe(payload.slice(-4));
  return fields;
}

describe("crc16ccitt", () => {
  test.each([
    ["123456789", "29B1"], // the CRC-16/CCITT-FALSE check value
    ["", "FFFF"],
    // Independent PromptPay payloads (dtinth/promptpay-qr's test vectors) up to and including "6304".
    ["00020101021129370016A000000677010111011300668012345675802TH53037646304", "6197"],
    ["00020101021229370016A000000677010111011300660000000005802TH530376454044.226304", "E469"],
  ])("%j → %s", (text, crc) => {
    expect(crc16ccitt(text)).toBe(crc);
  });

  test("always four uppercase hex digits", () => {
    for (const text of ["a", "ab", "0002010102", "6304"]) expect(crc16ccitt(text)).toMatch(/^[0-9A-F]{4}$/);
  });
});

describe("parseEmv, parseEmvTemplate and emvCrcValid", () => {
  /** A payload of these fields with its right CRC appended. */
  const signed = (fields: string) => `${fields}6304${crc16ccitt(`${fields}6304`)}`;

  test("reads fields by ID with the CRC last; templates parse again", () => {
    const payload = signed("000201261800140123456789ABCD");
    const fields = parseEmv(payload);
    expect(fields).toEqual({ "00": "01", "26": "00140123456789ABCD", "63": payload.slice(-4) });
    expect(parseEmvTemplate(fields["26"]!)).toEqual({ "00": "0123456789ABCD" });
  });

  test("accepts the right CRC in either case, refuses a wrong one", () => {
    const payload = promptPayPayload({ target: "0812345678", amountMinor: 10050 });
    expect(payload.slice(-4)).toBe("FFE3");
    expect(parseEmv(payload)["54"]).toBe("100.50");
    expect(parseEmv(`${payload.slice(0, -4)}ffe3`)["63"]).toBe("ffe3");
    for (const wrong of ["FFE4", "0000", "3EFF"]) expect(() => parseEmv(payload.slice(0, -4) + wrong)).toThrow("does not match");
    // The amount changed and the old CRC kept: what a tampered or misread code looks like.
    expect(() => parseEmv(payload.replace("100.50", "900.50"))).toThrow("does not match");
  });

  test.each([
    ["no CRC field", "000201", "does not end with its CRC"],
    ["a CRC field of other than four characters", "0002016303ABC", "does not end with its CRC"],
    ["a CRC of non-hex characters", "0002016304WXYZ", "does not match"],
    ["a second CRC field before the last", signed("0002016304FFFF"), "63 appears twice"],
    // "6304" and a matching CRC, but as the end of field 59's value: there is no CRC field.
    ["a CRC that is only the tail of another field", `0002015912NAME6304${crc16ccitt("0002015912NAME6304")}`, "truncated"],
    ["malformed fields before the CRC", signed("000201X"), "malformed"],
  ])("refuses %s", (_what, payload, message) => {
    expect(() => parseEmv(payload)).toThrow(message);
  });

  test.each([
    ["0002", "truncated"],
    ["000201X", "malformed"],
    ["0A0201", "malformed"],
    ["000201000202", "appears twice"],
  ])("parseEmvTemplate rejects %j (%s)", (value, message) => {
    expect(() => parseEmvTemplate(value)).toThrow(message);
  });

  test("emvCrcValid: a changed character or a missing CRC fails the check", () => {
    const payload = promptPayPayload({ target: "0812345678", amountMinor: 100 });
    expect(emvCrcValid(payload)).toBe(true);
    expect(emvCrcValid(payload.replace("1.00", "9.00"))).toBe(false);
    expect(emvCrcValid(payload.slice(0, -8))).toBe(false);
  });
});

describe("promptPayPayload", () => {
  test.each([
    ["0812345678", "01", "0066812345678"],
    ["081-234-5678", "01", "0066812345678"],
    ["+66 81 234 5678", "01", "0066812345678"],
    ["66812345678", "01", "0066812345678"],
    ["1111111111111", "02", "1111111111111"], // national ID
    ["1-1111-11111-11-1", "02", "1111111111111"],
    ["0123456789012", "02", "0123456789012"], // tax ID of a company
  ])("target %j → sub-tag %s %s", (target, tag, value) => {
    expect(promptPayTarget(target)).toEqual({ tag, value });
  });

  test.each(["", "081234567", "08123456789", "+1 415 555 0100", "08x2345678", "12345678901234"])("rejects target %j", (target) => {
    expect(() => promptPayTarget(target)).toThrow(RangeError);
  });

  test("an amount makes a dynamic code with every field in place", () => {
    const payload = promptPayPayload({ target: "0812345678", amountMinor: 10050 });
    expect(payload).toBe("00020101021229370016A0000006770101110113006681234567853037645406100.505802TH6304FFE3");
    const fields = fieldsOf(payload);
    expect(fields).toEqual({ "00": "01", "01": "12", "29": "0016A00000067701011101130066812345678", "53": "764", "54": "100.50", "58": "TH" });
    expect(parseEmvTemplate(fields["29"]!)).toEqual({ "00": "A000000677010111", "01": "0066812345678" });
  });

  test("without an amount the code is static and has no amount field", () => {
    const fields = fieldsOf(promptPayPayload({ target: "1111111111111" }));
    expect(fields["01"]).toBe("11");
    expect(fields["54"]).toBeUndefined();
    expect(parseEmvTemplate(fields["29"]!)["02"]).toBe("1111111111111");
  });

  test("carries the same fields as an independent implementation's payload", () => {
    // dtinth/promptpay-qr orders 58 before 53; order is free between 00 and 63, so compare the fields.
    const theirs = "00020101021229370016A000000677010111011300660000000005802TH530376454044.226304E469";
    expect(fieldsOf(promptPayPayload({ target: "000-000-0000", amountMinor: 422 }))).toEqual(fieldsOf(theirs));
  });

  test.each([
    [1, "0.01"],
    [10, "0.10"],
    [100, "1.00"],
    [422, "4.22"],
    [100000, "1000.00"],
    [99_999_999_999, "999999999.99"],
  ])("%i satang → amount %s", (amountMinor, amount) => {
    expect(fieldsOf(promptPayPayload({ target: "0812345678", amountMinor }))["54"]).toBe(amount);
  });

  test.each([0, -100, 1.5, Number.NaN, 100_000_000_000])("rejects amount %s", (amountMinor) => {
    expect(() => promptPayPayload({ target: "0812345678", amountMinor })).toThrow(RangeError);
  });
});

describe("pixPayload", () => {
  test("reproduces the BR Code manual's static example byte for byte", () => {
    const payload = pixPayload({ key: "123e4567-e12b-12d1-a456-426655440000", merchantName: "Fulano de Tal", merchantCity: "BRASILIA" });
    expect(payload).toBe(
      "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D",
    );
  });

  test("a code for one amount and one txid has every field in place", () => {
    const payload = pixPayload({
      key: "pagamentos@example.com.br",
      merchantName: "Padaria Pão de Açúcar",
      merchantCity: "São Paulo",
      amountMinor: 12345,
      txid: "PEDIDO12345",
    });
    const fields = fieldsOf(payload);
    expect(fields).toEqual({
      "00": "01",
      "26": "0014br.gov.bcb.pix0125pagamentos@example.com.br",
      "52": "0000",
      "53": "986",
      "54": "123.45",
      "58": "BR",
      "59": "Padaria Pao de Acucar",
      "60": "Sao Paulo",
      "62": "0511PEDIDO12345",
    });
    expect(parseEmvTemplate(fields["26"]!)).toEqual({ "00": "br.gov.bcb.pix", "01": "pagamentos@example.com.br" });
    expect(parseEmvTemplate(fields["62"]!)).toEqual({ "05": "PEDIDO12345" });
    expect(payload).toMatch(/^[\x20-\x7e]+$/);
  });

  test("name and city are cut to 25 and 15 characters", () => {
    const fields = fieldsOf(
      pixPayload({ key: "12345678000195", merchantName: "Comércio de Eletrônicos Ipiranga Ltda", merchantCity: "São José dos Campos", amountMinor: 1 }),
    );
    expect(fields["59"]).toBe("Comercio de Eletronicos I");
    expect(fields["60"]).toBe("Sao Jose dos Ca");
    expect(fields["54"]).toBe("0.01");
  });

  test.each([
    ["São Paulo", 15, "Sao Paulo"],
    ["  Florianópolis  ", 15, "Florianopolis"],
    ["Ribeirão   Preto", 15, "Ribeirao Preto"],
    ["Café 🍰 Ltda", 25, "Cafe Ltda"],
    ["Joinville ", 9, "Joinville"],
    ["Rio de Janeiro", 4, "Rio"], // never ends on the space it was cut at
  ])("emvText(%j, %i) → %j", (text, max, folded) => {
    expect(emvText(text, max)).toBe(folded);
  });

  test.each<[Partial<PixInput>, string]>([
    [{ key: "" }, "key"],
    [{ key: "chave com espaço" }, "key"],
    [{ key: "x".repeat(78) }, "key"],
    [{ txid: "PEDIDO-123" }, "txid"],
    [{ txid: "A".repeat(26) }, "txid"],
    [{ merchantName: "🍰" }, "name"],
    [{ merchantCity: "" }, "city"],
    [{ amountMinor: 0 }, "amount"],
  ])("rejects %j (%s)", (override, field) => {
    const input = { key: "12345678000195", merchantName: "Loja", merchantCity: "Recife", ...override };
    expect(() => pixPayload(input)).toThrow(RangeError);
    expect(() => pixPayload(input)).toThrow(field);
  });

  test("the longest key still fits its template", () => {
    const fields = fieldsOf(pixPayload({ key: "k".repeat(77), merchantName: "Loja", merchantCity: "Recife" }));
    expect(fields["26"]).toHaveLength(99);
  });
});
