import en from "@/lib/i18n/messages/en.json" with { type: "json" };
import { formatMoney } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { translator, type Messages } from "@/lib/i18n/translate";
import type { CheckoutField } from "@/lib/orders/checkout-input";
import { isPaymentMethod, METHOD_RULES } from "@/lib/payments/methods";
import { methodLabel } from "./display";

// What a refused or declined checkout post tells the buyer, carried to the page it redirects to (the flash) as a
// key of the checkout catalogue's `errors` with its values, and worded there, in that page's language: the post
// does not know the words, only what went wrong. The checkout's rules (validateCheckout, the card checks, the
// services' refusals, the processor's declines) state what went wrong in English; `checkoutMessage` recognises
// those sentences by the English catalogue's own messages (the catalogue test pins them), and keeps a sentence
// it does not know (a processor's own decline reason) as text, shown as it is in every language. Pure.

type ErrorMessages = Messages["checkout"]["errors"];
/** A form field a message is about, or `form`: the attempt as a whole (a decline), shown above the form. */
export type ErrorField = keyof ErrorMessages & (CheckoutField | "form");
/** `cardNumber.invalid`, `form.cardDeclined`…: a message of `checkout.errors`. */
export type ErrorKey = { [F in ErrorField]: `${F}.${keyof ErrorMessages[F] & string}` }[ErrorField];
export type MessageValues = Record<string, string | number>;

export type CheckoutMessage = { key: ErrorKey; values?: MessageValues } | { text: string };

export const ERROR_FIELDS = Object.keys(en.checkout.errors) as ErrorField[];
const ERROR_KEYS: ReadonlySet<string> = new Set(ERROR_FIELDS.flatMap((field) => Object.keys(en.checkout.errors[field]).map((name) => `${field}.${name}`)));

export function isErrorKey(value: unknown): value is ErrorKey {
  return typeof value === "string" && ERROR_KEYS.has(value);
}

const MAX_TEXT = 300;
const MAX_VALUE = 100;
const MAX_VALUES = 8;
const VALUE_NAME = /^[A-Za-z]\w{0,29}$/;

/** A value as kept: a count as a number (for ICU plurals), text cut short. */
function valueOf(text: string): string | number {
  return /^\d{1,9}$/.test(text) ? Number(text) : text.slice(0, MAX_VALUE);
}

function value(raw: unknown): string | number | undefined {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : undefined;
  return typeof raw === "string" ? valueOf(raw) : undefined;
}

/** A message as a flash may hold it (whatever a cookie carried): a known key with short values, or short text. */
export function sanitizeMessage(raw: unknown, field: ErrorField): CheckoutMessage | undefined {
  if (typeof raw === "string") return raw ? checkoutMessage(field, raw.slice(0, MAX_TEXT)) : undefined;
  if (typeof raw !== "object" || raw === null) return undefined;
  const message = raw as { key?: unknown; values?: unknown; text?: unknown };
  if (typeof message.text === "string") return message.text ? { text: message.text.slice(0, MAX_TEXT) } : undefined;
  if (!isErrorKey(message.key)) return undefined;
  const values: MessageValues = {};
  if (typeof message.values === "object" && message.values !== null) {
    for (const [name, raw] of Object.entries(message.values).slice(0, MAX_VALUES)) {
      const kept = VALUE_NAME.test(name) ? value(raw) : undefined;
      if (kept !== undefined) values[name] = kept;
    }
  }
  return Object.keys(values).length > 0 ? { key: message.key, values } : { key: message.key };
}

// The English of each field's messages as a pattern: its text, each placeholder a capture.
const english = translator("en", "checkout");
const MARK = "\u0000";
const patterns = new Map<ErrorField, { key: ErrorKey; regex: RegExp; names: string[] }[]>();

function patternsOf(field: ErrorField) {
  let found = patterns.get(field);
  if (!found) {
    found = Object.entries(en.checkout.errors[field]).map(([name, raw]) => {
      const key = `${field}.${name}` as ErrorKey;
      const placeholders = [...String(raw).matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      // Rendered, not read raw, so ICU's quoting rules are applied as they will be when the page words it.
      const marked = english(`errors.${key}`, Object.fromEntries(placeholders.map((p) => [p, `${MARK}${p}${MARK}`])));
      const parts = marked.split(new RegExp(`${MARK}(\\w+)${MARK}`));
      const source = parts.map((part, i) => (i % 2 === 1 ? "(.+?)" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("");
      return { key, regex: new RegExp(`^${source}$`, "s"), names: parts.filter((_, i) => i % 2 === 1) };
    });
    patterns.set(field, found);
  }
  return found;
}

/**
 * The message for an English sentence about `field` (a key when the catalogue has it, with the values it
 * names, else the text itself); a message that already is one passes through.
 */
export function checkoutMessage(field: ErrorField, input: string | CheckoutMessage): CheckoutMessage {
  if (typeof input !== "string") return input;
  for (const { key, regex, names } of patternsOf(field)) {
    const match = regex.exec(input);
    if (!match) continue;
    const values: MessageValues = Object.fromEntries(names.map((name, i) => [name, valueOf(match[i + 1]!)]));
    return names.length > 0 ? { key, values } : { key };
  }
  return { text: input };
}

/**
 * What a message says, in `locale`. `context` holds what the page knows better than the post did (amounts in
 * the page's format, the method's name in its language), and wins over the values the message carries.
 */
export function messageText(message: CheckoutMessage, locale: Locale, context: MessageValues = {}): string {
  if ("text" in message) return message.text;
  const t = translator(locale, "checkout");
  return t(`errors.${message.key}`, { ...message.values, ...context });
}

export type ErrorTexts = Partial<Record<ErrorField, string>>;

/** Each field's message, worded for the page. */
export function errorTexts(errors: Partial<Record<ErrorField, CheckoutMessage>>, locale: Locale, context: MessageValues = {}): ErrorTexts {
  const texts: ErrorTexts = {};
  for (const field of ERROR_FIELDS) {
    const message = errors[field];
    if (message) texts[field] = messageText(message, locale, context);
  }
  return texts;
}

/**
 * The values a checkout form's messages name, as this page words them: the buyer-chosen amount's bounds and,
 * for the method the buyer chose, its name and the amounts it takes.
 */
export function formMessageContext(
  locale: Locale,
  currency: string,
  bounds: { minimum: number | null; maximum: number | null } | null,
  method: string | undefined,
): MessageValues {
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const context: MessageValues = {};
  if (bounds?.minimum != null) context.minimum = money(bounds.minimum);
  if (bounds?.maximum != null) context.maximum = money(bounds.maximum);
  if (method && isPaymentMethod(method)) {
    context.method = methodLabel(method, locale);
    const limits = METHOD_RULES[method].amount;
    if (limits) {
      context.methodMinimum = money(limits.minimum);
      context.methodMaximum = money(limits.maximum);
    }
  }
  return context;
}
