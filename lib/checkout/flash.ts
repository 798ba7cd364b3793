import { createHmac, timingSafeEqual } from "node:crypto";
import { ERROR_FIELDS, sanitizeMessage, type CheckoutMessage, type ErrorField, type FieldErrors } from "./messages";

// The "flash": what a refused or declined form post hands to the page it redirects to (Post/Redirect/Get).
// It holds the messages (as keys of the checkout catalogue: the page words them in its language; see
// ./messages.ts) and what the buyer typed that is safe to show again — never card data. It is signed, so a
// cookie planted from elsewhere (a sibling subdomain) cannot put words on the checkout page.

/** A message per field, and `form`: about the attempt as a whole (a decline, a failed authentication). */
export type FlashErrors = FieldErrors;

export interface Flash {
  errors: FlashErrors;
  email?: string;
  name?: string;
  method?: string;
  amount?: string;
  /** SEPA's account holder (never the IBAN: typed again, like a card). */
  accountHolder?: string;
}

const VALUE_KEYS = ["email", "name", "method", "amount", "accountHolder"] as const;
const MAX_TEXT = 300;

function text(value: unknown): string | undefined {
  return typeof value === "string" ? value.slice(0, MAX_TEXT) : undefined;
}

/** Keeps only the known keys, as short strings and known messages: whatever a caller passes, nothing else is written. */
export function sanitizeFlash(input: unknown): Flash {
  const source = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  const rawErrors = (typeof source.errors === "object" && source.errors !== null ? source.errors : {}) as Record<string, unknown>;
  const errors: Partial<Record<ErrorField, CheckoutMessage>> = {};
  for (const field of ERROR_FIELDS) {
    // Only one of the field's own keys (or text) is kept, so the errors are FlashErrors.
    const message = sanitizeMessage(rawErrors[field], field);
    if (message) errors[field] = message;
  }
  const flash: Flash = { errors: errors as FlashErrors };
  for (const key of VALUE_KEYS) {
    const value = text(source[key]);
    if (value !== undefined) flash[key] = value;
  }
  return flash;
}

function sign(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(`paylink-flash.${payload}`).digest("base64url");
}

/** `base64url(json).signature`, small enough for a cookie. */
export function encodeFlash(flash: Flash, secret: string): string {
  const payload = Buffer.from(JSON.stringify(sanitizeFlash(flash))).toString("base64url");
  return `${payload}.${sign(payload, secret)}`;
}

/** The flash, or null when the value is missing, malformed or not signed with `secret`. */
export function decodeFlash(value: string | undefined, secret: string): Flash | null {
  if (!value) return null;
  const dot = value.indexOf(".");
  if (dot <= 0) return null;
  const payload = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(sign(payload, secret));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    return sanitizeFlash(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
  } catch {
    return null;
  }
}
