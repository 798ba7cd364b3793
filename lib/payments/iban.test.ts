import { describe, expect, test } from "vitest";
import { ibanCountry, ibanValid, maskIban, normalizeIban } from "./iban";

describe("ibanValid", () => {
  test.each([
    ["DE89370400440532013000", true],
    ["DE35370400440532013002", true],
    ["GB82WEST12345698765432", true],
    ["NL91ABNA0417164300", true],
    ["de89 3704 0044 0532 0130 00", true],
    [" nl91abna 0417 1643 00 ", true],
    ["DE89370400440532013001", false], // one digit typed wrong
    ["DE89370400440532031000", false], // two digits swapped
    ["DE8937040044053201300", false], // one digit short
    ["DE893704004405320130000", false], // one digit long
    ["NL91ABNA04171643", false],
    ["ZZ89370400440532013000", false], // not an IBAN country
    ["US64SVBKUS6S3300958879", false], // a real country without IBANs
    ["DE89-3704-0044-0532-0130-00", false],
    ["", false],
    ["DE", false],
    ["DEXX370400440532013000", false],
  ])("%j → %s", (iban, valid) => {
    expect(ibanValid(iban)).toBe(valid);
  });

  // The registry's example IBAN for each SEPA country: the length table and the checksum agree with it.
  test.each([
    "AD12 0001 2030 2003 5910 0100", "AL47 2121 1009 0000 0002 3569 8741", "AT61 1904 3002 3457 3201",
    "BE68 5390 0754 7034", "BG80 BNBG 9661 1020 3456 78", "CH93 0076 2011 6238 5295 7",
    "CY17 0020 0128 0000 0012 0052 7600", "CZ65 0800 0000 1920 0014 5399", "DK50 0040 0440 1162 43",
    "EE38 2200 2210 2014 5685", "ES91 2100 0418 4502 0005 1332", "FI21 1234 5600 0007 85",
    "FR14 2004 1010 0505 0001 3M02 606", "GB29 NWBK 6016 1331 9268 19", "GI75 NWBK 0000 0000 7099 453",
    "GR16 0110 1250 0000 0001 2300 695", "HR12 1001 0051 8630 0016 0", "HU42 1177 3016 1111 1018 0000 0000",
    "IE29 AIBK 9311 5212 3456 78", "IS14 0159 2600 7654 5510 7303 39", "IT60 X054 2811 1010 0000 0123 456",
    "LI21 0881 0000 2324 013A A", "LT12 1000 0111 0100 1000", "LU28 0019 4006 4475 0000", "LV80 BANK 0000 4351 9500 1",
    "MC58 1122 2000 0101 2345 6789 030", "MD24 AG00 0225 1000 1310 4168", "ME25 5050 0001 2345 6789 51",
    "MK07 2501 2000 0058 984", "MT84 MALT 0110 0001 2345 MTLC AST0 01S", "NO93 8601 1117 947",
    "PL61 1090 1014 0000 0712 1981 2874", "PT50 0002 0123 1234 5678 9015 4", "RO49 AAAA 1B31 0075 9384 0000",
    "SE45 5000 0000 0583 9825 7466", "SI56 2633 0001 2039 086", "SK31 1200 0000 1987 4263 7541",
    "SM86 U032 2509 8000 0000 0270 100", "VA59 0011 2300 0012 3456 78",
  ])("SEPA example %s is valid", (iban) => {
    expect(ibanValid(iban)).toBe(true);
  });

  test("check digits 00, 01 and 99 are never issued, even where mod 97 would pass", () => {
    // 99 ≡ 2 (mod 97): a BBAN whose real check digits are 02 passes the checksum with 99 as well.
    expect(ibanValid("DE02370400440532013014")).toBe(true);
    expect(ibanValid("DE99370400440532013014")).toBe(false);
    expect(ibanValid("NO0286011117936")).toBe(true);
    expect(ibanValid("NO9986011117936")).toBe(false);
    expect(ibanValid("DE00370400440532013000")).toBe(false);
    expect(ibanValid("DE01370400440532013000")).toBe(false);
  });

  test("a long IBAN is checked without losing precision", () => {
    expect(ibanValid("LC55HEMM000100010012001200023015")).toBe(true);
    expect(ibanValid("LC55HEMM000100010012001200023016")).toBe(false);
  });
});

describe("normalizeIban and ibanCountry", () => {
  test("strips every kind of space and uppercases", () => {
    expect(normalizeIban(" gb82 west\t1234 5698\u00a07654 32 ")).toBe("GB82WEST12345698765432");
  });

  test.each([
    ["de89 3704 0044 0532 0130 00", "DE"],
    ["GB82WEST12345698765432", "GB"],
    ["NL00", "NL"],
    ["ZZ89370400440532013000", null],
    ["US64SVBKUS6S3300958879", null],
    ["", null],
  ])("%j → %s", (iban, country) => {
    expect(ibanCountry(iban)).toBe(country);
  });
});

describe("maskIban", () => {
  test.each([
    ["DE89370400440532013000", "DE•• •••• 3000"],
    ["de89 3704 0044 0532 0130 00", "DE•• •••• 3000"],
    ["NO9386011117947", "NO•• •••• 7947"],
    ["GB82WEST12345698765432", "GB•• •••• 5432"],
  ])("%s → %s", (iban, masked) => {
    expect(maskIban(iban)).toBe(masked);
  });

  test("never shows more than the country and the last four", () => {
    const iban = "DE89370400440532013000";
    const masked = maskIban(iban);
    expect(masked).not.toContain("8937");
    expect(masked.replace(/[^A-Z0-9]/g, "")).toBe("DE3000");
  });

  test("something too short to be an IBAN is masked entirely", () => {
    expect(maskIban("DE1234")).toBe("•••• ••••");
    expect(maskIban("")).toBe("•••• ••••");
  });
});
