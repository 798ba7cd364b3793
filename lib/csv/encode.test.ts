import { describe, expect, test } from "vitest";
import { CSV_BOM, csvCell, csvNumber, csvRow, csvText, decimalCell } from "./encode";

describe("csvText: RFC 4180 quoting", () => {
  test.each([
    ["plain", "plain"],
    ["", ""],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['"', '""""'],
    ["line\nbreak", '"line\nbreak"'],
    ["line\r\nbreak", '"line\r\nbreak"'],
    ["trailing space ", "trailing space "],
    ["semi;colon", "semi;colon"],
  ])("%j → %j", (input, expected) => {
    expect(csvText(input)).toBe(expected);
  });
});

describe("csvText: a cell a spreadsheet would run as a formula gets a leading apostrophe", () => {
  test.each([
    ["=1+1", "'=1+1"],
    ['=HYPERLINK("http://evil.example","Click")', `"'=HYPERLINK(""http://evil.example"",""Click"")"`],
    ["+49 30 1234", "'+49 30 1234"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\tcmd", "'\tcmd"],
    ["\r=1", `"'\r=1"`],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
  ])("%j → %j", (input, expected) => {
    expect(csvText(input)).toBe(expected);
  });

  test("only a leading sign counts", () => {
    expect(csvText("a=b")).toBe("a=b");
    expect(csvText("Tea - green")).toBe("Tea - green");
    expect(csvText("buyer@example.com")).toBe("buyer@example.com");
  });
});

describe("csvCell", () => {
  test("numbers, yes/no, times and nothing are written as they are, never guarded", () => {
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(1234)).toBe("1234");
    expect(csvCell(csvNumber("-12.50"))).toBe("-12.50");
    expect(csvCell(true)).toBe("true");
    expect(csvCell(false)).toBe("false");
    expect(csvCell(new Date("2026-05-25T10:00:00.123Z"))).toBe("2026-05-25T10:00:00.123Z");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  test("a string is text, even when it looks like a negative number", () => {
    expect(csvCell("-5")).toBe("'-5");
  });

  test("refuses what is not a number where a number is due", () => {
    expect(() => csvNumber("=1")).toThrow(RangeError);
    expect(() => csvNumber("1e3")).toThrow(RangeError);
    expect(() => csvCell(Number.NaN)).toThrow(RangeError);
  });
});

describe("csvRow", () => {
  test("joins the cells with commas and ends with CRLF", () => {
    expect(csvRow(["ord_1", 2500, "USD", csvNumber("25.00"), null, "a,b"])).toBe('ord_1,2500,USD,25.00,,"a,b"\r\n');
  });

  test("unicode passes through untouched: Chinese, accents, emoji", () => {
    expect(csvRow(["咖啡豆 特级", "Café crème", "☕️ x2"])).toBe("咖啡豆 特级,Café crème,☕️ x2\r\n");
  });

  test("the BOM is U+FEFF, three bytes in UTF-8", () => {
    expect([...new TextEncoder().encode(CSV_BOM)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe("decimalCell: the currency's exponent, from the integer", () => {
  test.each([
    [1234, "USD", "12.34"],
    [5, "USD", "0.05"],
    [0, "USD", "0.00"],
    [1500, "JPY", "1500"],
    [5, "KWD", "0.005"],
    [12345, "CLF", "1.2345"],
    [99_999_999_999, "USD", "999999999.99"],
  ])("%i %s → %s", (minor, currency, expected) => {
    expect(decimalCell(minor, currency)).toEqual({ number: expected });
  });

  test("empty for no amount or a code that is not ISO 4217", () => {
    expect(decimalCell(null, "USD")).toBeNull();
    expect(decimalCell(100, "XXX")).toBeNull();
  });
});
