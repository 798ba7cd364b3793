// Where a buyer came from: checkout URLs may carry `src=<source>` (API.md, "Where buyers come from").
// Paylink's own QR codes, emails, SMS and PDFs add theirs; anything malformed counts as no source.

/** The sources Paylink itself puts on the checkout URLs it hands out. */
export const OWN_SOURCES = ["qr", "email", "sms", "pdf"] as const;
export type OwnSource = (typeof OWN_SOURCES)[number];

const SOURCE = /^[A-Za-z0-9_-]{1,32}$/;

/** The `src` value as counted, or null (absent, empty, too long, or with characters outside [A-Za-z0-9_-]). */
export function parseSource(raw: string | string[] | null | undefined): string | null {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === "string" && SOURCE.test(value) ? value : null;
}

/** A checkout URL with `src` set (replacing any `src` it had). */
export function withSource(url: string, source: OwnSource | string): string {
  const parsed = new URL(url);
  parsed.searchParams.set("src", source);
  return parsed.toString();
}
