// CSV as RFC 4180 writes it, made safe to open in a spreadsheet. Pure: the exports (lib/csv/*-export.ts) and
// their tests use it.

import { isCurrencyCode } from "@/lib/money/currencies";
import { minorToDecimalString } from "@/lib/money/money";

/**
 * A byte order mark opens every file: without it Excel reads a CSV in the system's legacy code page, and an
 * item named 咖啡豆 or Café shows as mojibake. Other readers (LibreOffice, pandas, Numbers) skip it.
 */
export const CSV_BOM = "\uFEFF";

/** RFC 4180's line break, after every record including the last. */
export const CSV_EOL = "\r\n";

/** A number written as it is (an integer, or a decimal such as "-12.50"): never taken for a formula. */
export interface CsvNumber {
  readonly number: string;
}

/** What a cell holds: text (someone's words), a number, a yes/no, a time (ISO 8601 UTC), or nothing. */
export type CsvValue = string | number | boolean | Date | CsvNumber | null | undefined;

const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** A decimal string (`minorToDecimalString`'s "12.34") as a number cell. */
export function csvNumber(text: string): CsvNumber {
  if (!NUMBER.test(text)) throw new RangeError(`Not a plain decimal number: ${JSON.stringify(text)}`);
  return { number: text };
}

/**
 * An amount in minor units as a plain decimal in its currency's exponent (1234 USD → 12.34, 1500 JPY → 1500),
 * worked out on the digits, never through a float. Empty for a code that is not ISO 4217 (never stored).
 */
export function decimalCell(minor: number | null, currency: string): CsvNumber | null {
  if (minor === null || !isCurrencyCode(currency)) return null;
  return csvNumber(minorToDecimalString(minor, currency));
}

// A spreadsheet runs a cell starting with one of these as a formula (=HYPERLINK(…), +cmd|…, @SUM(…)); tab and
// carriage return are there because some programs drop them and read what follows. OWASP's list.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One text cell: a leading `'` if a spreadsheet would take it for a formula (the apostrophe is how a person
 * types literal text there, and it shows), then quoted when it holds a quote, a comma or a line break, its
 * quotes doubled.
 */
export function csvText(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One cell of any kind. Only text is guarded against formulas: a number such as -5 stays a number. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return csvText(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return value.toISOString();
  return value.number;
}

/** One record, with its line break. */
export function csvRow(values: readonly CsvValue[]): string {
  let line = "";
  for (let i = 0; i < values.length; i++) line += (i ? "," : "") + csvCell(values[i]);
  return line + CSV_EOL;
}
