import en from "@/lib/i18n/messages/en.json" with { type: "json" };
import { formatMoney } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { translator, type Messages } from "@/lib/i18n/translate";
import type { CheckoutField } from "@/lib/orders/checkout-input";
import { methodLabel } from "./display";

// What a refused or declined checkout post tells the buyer, carried to the page it redirects to (the flash) as a
// key of the checkout catalogue's `errors` with its values, and worded there, in that page's language: the post
// does not know the words, only what went wrong. Whatever decides a refusal writes its key — validateCheckout
// and the card checks, a service's refusal by its AppError code, a decline by the processor's code
// (./redirects.ts) — and only a processor's own decline reason, which no catalogue has, travels as text, shown
// as it is in every language. Values are data, not words: an amount in minor units beside the message's
// `currency`, a payment method by its id; messageText words them in the page's locale. Pure.

type ErrorMessages = Messages["checkout"]["errors"];
/** A form field a message is about, or `form`: the attempt as a whole (a decline), shown above the form. */
export type ErrorField = keyof ErrorMessages & (CheckoutField | "form");
/** The keys of one field's messages: `cvc.required`, `cvc.length`. */
export type FieldKey<F extends ErrorField> = `${F}.${keyof ErrorMessages[F] & string}`;
/** `cardNumber.invalid`, `form.cardDeclined`…: a message of `checkout.errors`. */
export type ErrorKey = { [F in ErrorField]: FieldKey<F> }[ErrorField];
export type MessageValues = Record<string, string | number>;

/** A message about one field, by its key. */
export interface FieldMessage<F extends ErrorField> {
  key: FieldKey<F>;
  values?: MessageValues;
}

export type CheckoutMessage = { key: ErrorKey; values?: MessageValues } | { text: string };

/** A message about one field: one of its keys, or text (a processor's own decline reason, above the form). */
export type FieldError<F extends ErrorField> = FieldMessage<F> | { text: string };

/** Each field's message. */
export type FieldErrors = { [F in ErrorField]?: FieldError<F> };

export const ERROR_FIELDS = Object.keys(en.checkout.errors) as ErrorField[];
const ERROR_KEYS: ReadonlySet<string> = new Set(ERROR_FIELDS.flatMap((field) => Object.keys(en.checkout.errors[field]).map((name) => `${field}.${name}`)));

export function isErrorKey(value: unknown): value is ErrorKey {
  return typeof value === "string" && ERROR_KEYS.has(value);
}

/** The field a key is about: `cvc` of `cvc.length`. */
export function fieldOf(key: ErrorKey): ErrorField {
  return key.slice(0, key.indexOf(".")) as ErrorField;
}

const MAX_TEXT = 300;
const MAX_VALUE = 100;
const MAX_VALUES = 8;
const VALUE_NAME = /^[A-Za-z]\w{0,29}$/;

function value(raw: unknown): string | number | undefined {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : undefined;
  return typeof raw === "string" ? raw.slice(0, MAX_VALUE) : undefined;
}

/**
 * A message about `field` as a flash may hold it (whatever a cookie carried): one of that field's keys with a
 * few short values, or short text. A bare string (a flash written before messages had keys) is kept as text.
 */
export function sanitizeMessage(raw: unknown, field: ErrorField): CheckoutMessage | undefined {
  if (typeof raw === "string") return raw ? { text: raw.slice(0, MAX_TEXT) } : undefined;
  if (typeof raw !== "object" || raw === null) return undefined;
  const message = raw as { key?: unknown; values?: unknown; text?: unknown };
  if (typeof message.text === "string") return message.text ? { text: message.text.slice(0, MAX_TEXT) } : undefined;
  if (!isErrorKey(message.key) || fieldOf(message.key) !== field) return undefined;
  const values: MessageValues = {};
  if (typeof message.values === "object" && message.values !== null) {
    for (const [name, raw] of Object.entries(message.values).slice(0, MAX_VALUES)) {
      const kept = VALUE_NAME.test(name) ? value(raw) : undefined;
      if (kept !== undefined) values[name] = kept;
    }
  }
  return Object.keys(values).length > 0 ? { key: message.key, values } : { key: message.key };
}

/** The values that are amounts: a number among them is in minor units of the message's `currency`. */
const AMOUNTS: ReadonlySet<string> = new Set(["minimum", "maximum", "methodMinimum", "methodMaximum"]);

/** A message's values as `locale` words them: its amounts in the locale's format, a method by its name there. */
function wordedValues(values: MessageValues, locale: Locale): MessageValues {
  const currency = typeof values.currency === "string" ? values.currency : null;
  const worded: MessageValues = {};
  for (const [name, value] of Object.entries(values)) {
    if (AMOUNTS.has(name) && typeof value === "number" && currency) worded[name] = formatMoney(value, currency, locale);
    else if (name === "method" && typeof value === "string") worded[name] = methodLabel(value, locale);
    else worded[name] = value;
  }
  return worded;
}

/** What a message says, in `locale`. */
export function messageText(message: CheckoutMessage, locale: Locale, field?: ErrorField): string {
  // A processor's own reason is in its language (English): a buyer reading another gets ours, worded for them.
  if ("text" in message) return field === "form" && locale !== "en" ? translator(locale, "checkout")("errors.form.failed") : message.text;
  return translator(locale, "checkout")(`errors.${message.key}`, wordedValues(message.values ?? {}, locale));
}

export type ErrorTexts = Partial<Record<ErrorField, string>>;

/** Each field's message, worded for the page. */
export function errorTexts(errors: Partial<Record<ErrorField, CheckoutMessage>>, locale: Locale): ErrorTexts {
  const texts: ErrorTexts = {};
  for (const field of ERROR_FIELDS) {
    const message = errors[field];
    if (message) texts[field] = messageText(message, locale, field);
  }
  return texts;
}
