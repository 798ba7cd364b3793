// EMVCo merchant-presented QR payloads for the QR payment methods: Thai PromptPay and Brazil's PIX ("BR Code",
// the "pix copia e cola" text). Pure: builds and reads strings only; rendering the QR image is lib/payments/qr.ts.
// A payload is a run of TLV fields — ID (2 digits), LEN (2 digits), VALUE — ending with a CRC over everything
// before it, "6304" included. The buyer's banking app reads the amount from it, so amounts come from integer
// minor units and never pass through a float.

import { isValidMinorAmount, minorToDecimalString } from "@/lib/money/money";

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection) of the text's UTF-8 bytes, as 4 uppercase hex digits. */
export function crc16ccitt(text: string): string {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, "0");
}

function tlv(id: string, value: string): string {
  if (value.length < 1 || value.length > 99) throw new RangeError(`EMV field ${id} must be 1 to 99 characters, got ${value.length}`);
  return `${id}${String(value.length).padStart(2, "0")}${value}`;
}

/** Appends the CRC field: its ID and length are part of what the CRC covers. */
function withCrc(fields: string): string {
  const body = `${fields}6304`;
  return body + crc16ccitt(body);
}

/**
 * The TLV fields of a template's value (26–51 merchant account, 62 additional data), by ID. A whole payload
 * is read with parseEmv, which also checks its CRC. Throws on a value that is not well-formed TLV.
 */
export function parseEmvTemplate(value: string): Record<string, string> {
  const fields: Record<string, string> = {};
  let at = 0;
  while (at < value.length) {
    const head = /^(\d{2})(\d{2})/.exec(value.slice(at, at + 4));
    if (!head) throw new SyntaxError(`EMV payload is malformed at position ${at}`);
    const id = head[1]!;
    const length = Number(head[2]);
    const field = value.slice(at + 4, at + 4 + length);
    if (field.length !== length) throw new SyntaxError(`EMV field ${id} is truncated`);
    if (Object.hasOwn(fields, id)) throw new SyntaxError(`EMV field ${id} appears twice`);
    fields[id] = field;
    at += 4 + length;
  }
  return fields;
}

/**
 * The top-level fields of a payload, by ID: { "00": "01", "26": "0014br.gov.bcb.pix…", "63": "1D3D" }; parse a
 * template's value with parseEmvTemplate. Refuses a payload whose last field is not the CRC (63, four hex
 * digits) or whose CRC does not match what comes before it: a banking app refuses such a code, so a reader
 * that accepted it would call a broken QR code good.
 */
export function parseEmv(payload: string): Record<string, string> {
  // The CRC field is the last 8 characters; everything before must be whole fields, so a "6304…" that is
  // only the tail of another field's value is not taken for it.
  const crcAt = payload.length - 8;
  if (crcAt < 0 || payload.slice(crcAt, crcAt + 4) !== "6304") throw new SyntaxError("EMV payload does not end with its CRC field (6304 and four hex digits)");
  const fields = parseEmvTemplate(payload.slice(0, crcAt));
  if (Object.hasOwn(fields, "63")) throw new SyntaxError("EMV field 63 appears twice");
  if (!emvCrcValid(payload)) throw new SyntaxError(`EMV payload's CRC ${payload.slice(-4)} does not match its content`);
  return { ...fields, "63": payload.slice(-4) };
}

/** Whether the payload ends with a CRC field that matches everything before it. */
export function emvCrcValid(payload: string): boolean {
  if (!/6304[0-9A-Fa-f]{4}$/.test(payload)) return false;
  return crc16ccitt(payload.slice(0, -4)) === payload.slice(-4).toUpperCase();
}

function amountField(amountMinor: number | undefined, currency: "THB" | "BRL"): string {
  if (amountMinor === undefined) return "";
  if (!isValidMinorAmount(amountMinor)) throw new RangeError(`QR amount must be a positive whole number of minor units, got ${String(amountMinor)}`);
  return tlv("54", minorToDecimalString(amountMinor, currency));
}

// ---------------------------------------------------------------------------------------------------- PromptPay

const PROMPTPAY_AID = "A000000677010111";

export interface PromptPayInput {
  /** A Thai mobile number ("081-234-5678", "+66 81 234 5678") or a 13-digit national ID / tax ID. */
  target: string;
  /** Satang. Without it the code is static and the buyer types the amount. */
  amountMinor?: number;
}

/** The PromptPay proxy as the payload carries it: sub-tag 01 with "0066" + the mobile number, or 02 with the ID. */
export function promptPayTarget(target: string): { tag: "01" | "02"; value: string } {
  const digits = target.replace(/[\s\-.()]/g, "").replace(/^\+/, "");
  if (/^\d{13}$/.test(digits)) return { tag: "02", value: digits };
  if (/^0\d{9}$/.test(digits)) return { tag: "01", value: `0066${digits.slice(1)}` };
  if (/^66\d{9}$/.test(digits)) return { tag: "01", value: `00${digits}` };
  throw new RangeError("A PromptPay target is a Thai mobile number or a 13-digit national ID or tax ID");
}

export function promptPayPayload({ target, amountMinor }: PromptPayInput): string {
  const proxy = promptPayTarget(target);
  return withCrc(
    tlv("00", "01") +
      // Point of initiation: 12 (dynamic) for a code made for one amount, 11 (static) for a reusable one.
      tlv("01", amountMinor === undefined ? "11" : "12") +
      tlv("29", tlv("00", PROMPTPAY_AID) + tlv(proxy.tag, proxy.value)) +
      tlv("53", "764") +
      amountField(amountMinor, "THB") +
      tlv("58", "TH"),
  );
}

// ---------------------------------------------------------------------------------------------------------- PIX

export interface PixInput {
  /** The merchant's PIX key: CPF/CNPJ digits, "+55…" phone, e-mail or random key (EVP). */
  key: string;
  merchantName: string;
  merchantCity: string;
  /** Centavos. Without it the payer types the amount. */
  amountMinor?: number;
  /** Up to 25 letters and digits, to reconcile the payment; "***" (none) when omitted. */
  txid?: string;
}

/**
 * Name and city as the BR Code allows them: ASCII only. Accents are folded ("São Paulo" → "Sao Paulo"), other
 * non-ASCII characters dropped, spaces collapsed; the case is kept as given (the BCB's own examples are mixed
 * case), then cut to the field's maximum.
 */
export function emvText(text: string, max: number): string {
  const folded = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\x20-\x7e]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return folded.slice(0, max).trimEnd();
}

export function pixPayload({ key, merchantName, merchantCity, amountMinor, txid = "***" }: PixInput): string {
  if (!/^[\x21-\x7e]{1,77}$/.test(key)) throw new RangeError("A PIX key is 1 to 77 printable ASCII characters");
  if (txid !== "***" && !/^[A-Za-z0-9]{1,25}$/.test(txid)) throw new RangeError("A PIX txid is 1 to 25 letters and digits");
  const name = emvText(merchantName, 25);
  const city = emvText(merchantCity, 15);
  if (name === "" || city === "") throw new RangeError("A PIX code needs the merchant's name and city");
  return withCrc(
    tlv("00", "01") +
      tlv("26", tlv("00", "br.gov.bcb.pix") + tlv("01", key)) +
      tlv("52", "0000") +
      tlv("53", "986") +
      amountField(amountMinor, "BRL") +
      tlv("58", "BR") +
      tlv("59", name) +
      tlv("60", city) +
      tlv("62", tlv("05", txid)),
  );
}
