import { currencyExponent, isCurrencyCode, type CurrencyCode } from "@/lib/money/currencies";
import { parseAmount, type ParseAmountError } from "@/lib/money/money";
import { linkFieldErrors } from "./form-errors";
import { MAX_METADATA_ROWS, parseDateTimeLocal, readLinkForm, toDateTimeLocal, type FieldErrors, type FormFields, type MetadataRow } from "./form";
import {
  createPaymentLinkSchema,
  updatePaymentLinkSchema,
  type CreatePaymentLinkInput,
  type UpdatePaymentLinkInput,
} from "./schemas";
import type { PaymentLinkObject } from "./serialize";

// The dashboard's payment-link forms, from a submission to the API input the services take. Pure (no next,
// react or database), so every conversion rule is tested in milliseconds; the services validate the result again.

export type Converted<T> = { ok: true; input: T } | { ok: false; errors: FieldErrors };

/** The create form's submission as `createPaymentLink` input, or what to fix, field by field. */
export function parseCreateLinkForm(form: FormFields, now: Date = new Date()): Converted<CreatePaymentLinkInput> {
  const v = readLinkForm(form);
  const errors: FieldErrors = {};
  const input: Record<string, unknown> = {
    item_name: v.item_name.trim(),
    currency: v.currency,
    default_country: v.default_country,
    collect_email: v.collect_email,
    collect_name: v.collect_name,
    payment_methods: v.payment_methods,
  };
  if (v.capture_manual) input.capture_method = "manual";
  if (v.name.trim()) input.name = v.name.trim();
  if (v.description.trim()) input.description = v.description.trim();

  if (!isCurrencyCode(v.currency)) errors.currency = "Choose a currency.";
  else if (v.pricing === "fixed") {
    const amount = parseAmount(v.amount, v.currency);
    if (amount.ok) input.amount = amount.minor;
    else errors.amount = amountMessage(amount.reason, v.currency);
  } else {
    const custom: Record<string, number> = {};
    for (const key of ["minimum", "maximum", "preset"] as const) {
      const field = `custom_${key}` as const;
      if (v[field].trim() === "") continue;
      const amount = parseAmount(v[field], v.currency);
      if (amount.ok) custom[key] = amount.minor;
      else errors[field] = amountMessage(amount.reason, v.currency);
    }
    // All three empty is a link for any amount the buyer chooses (a donation, a tip).
    input.custom_amount = custom;
  }

  if (v.expires_at.trim()) {
    const expires = parseDateTimeLocal(v.expires_at);
    if (expires === null) errors.expires_at = "Enter a date and time, such as 2026-12-31 18:00.";
    else if (new Date(expires) <= now) errors.expires_at = "Choose a time in the future.";
    else input.expires_at = expires;
  }
  readMaxPayments(v.max_payments, input, errors);
  if (v.after_completion_type === "redirect") input.after_completion = { type: "redirect", url: v.after_completion_url.trim() };
  else if (v.after_completion_message.trim()) input.after_completion = { type: "message", message: v.after_completion_message.trim() };
  if (v.status_callback_url.trim()) input.status_callback_url = v.status_callback_url.trim();
  if (v.locale !== "auto") input.locale = v.locale;

  const metadata = readMetadataRows(v.metadata, errors);
  if (Object.keys(metadata).length > 0) input.metadata = metadata;

  const result = createPaymentLinkSchema.safeParse(input);
  const schemaErrors = result.success ? {} : linkFieldErrors(result.error, v.metadata);
  // "Set exactly one of amount and custom_amount" only repeats an amount or currency error already shown.
  if (errors.currency || errors.amount) delete schemaErrors.amount;
  return finish({ ...schemaErrors, ...errors }, input as CreatePaymentLinkInput);
}

/**
 * The edit form's submission as a `updatePaymentLink` patch holding only what changed: an untouched field is
 * not resent (an expiry with seconds keeps them, a payment-method order set over the API stays), and a
 * metadata row cleared by the merchant becomes the empty value that removes its key.
 */
export function parseUpdateLinkForm(form: FormFields, current: PaymentLinkObject, now: Date = new Date()): Converted<UpdatePaymentLinkInput> {
  const v = readLinkForm(form);
  const errors: FieldErrors = {};
  const input: Record<string, unknown> = {};
  if (v.active !== current.active) input.active = v.active;
  if (v.name.trim() !== current.name) input.name = v.name.trim();
  if (v.description.trim() !== (current.description ?? "")) input.description = v.description.trim() || null;

  if (v.expires_at.trim() !== toDateTimeLocal(current.expires_at)) {
    if (!v.expires_at.trim()) input.expires_at = null;
    else {
      const expires = parseDateTimeLocal(v.expires_at);
      if (expires === null) errors.expires_at = "Enter a date and time, such as 2026-12-31 18:00.";
      else if (new Date(expires) <= now) errors.expires_at = "Choose a time in the future, or disable the link instead.";
      else input.expires_at = expires;
    }
  }
  if (v.max_payments.trim() !== (current.max_payments === null ? "" : String(current.max_payments))) {
    if (!v.max_payments.trim()) input.max_payments = null;
    else readMaxPayments(v.max_payments, input, errors);
  }
  const methods = new Set(v.payment_methods);
  if (methods.size !== current.payment_methods.length || current.payment_methods.some((m) => !methods.has(m))) {
    input.payment_methods = v.payment_methods;
  }
  if (v.status_callback_url.trim() !== (current.status_callback_url ?? "")) {
    input.status_callback_url = v.status_callback_url.trim() || null;
  }
  if (v.locale !== current.locale) input.locale = v.locale;

  const after =
    v.after_completion_type === "redirect"
      ? { type: "redirect" as const, url: v.after_completion_url.trim() }
      : { type: "message" as const, message: v.after_completion_message.trim() };
  if (after.type === "message" && !after.message) errors.after_completion_message = "Write the message buyers see, or choose a redirect.";
  else if (JSON.stringify(after) !== JSON.stringify(current.after_completion)) input.after_completion = after;

  const metadata = readMetadataRows(v.metadata, errors);
  const patch: Record<string, string> = {};
  for (const [key, value] of Object.entries(metadata)) if (current.metadata[key] !== value) patch[key] = value;
  for (const key of Object.keys(current.metadata)) if (!(key in metadata)) patch[key] = "";
  if (Object.keys(patch).length > 0) input.metadata = patch;

  const result = updatePaymentLinkSchema.safeParse(input);
  const schemaErrors = result.success ? {} : linkFieldErrors(result.error, v.metadata);
  return finish({ ...schemaErrors, ...errors }, input as UpdatePaymentLinkInput);
}

function finish<T>(errors: FieldErrors, input: T): Converted<T> {
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, input };
}

/** The message for an amount parseAmount refused, in the terms of the chosen currency. */
export function amountMessage(reason: ParseAmountError, currency: CurrencyCode): string {
  const exponent = currencyExponent(currency);
  const example = exponent === 0 ? "1500" : `19.${"9999".slice(0, exponent)}`;
  switch (reason) {
    case "empty":
      return "Enter an amount.";
    case "invalid":
      return `Enter an amount such as ${example}.`;
    case "too_precise":
      return exponent === 0
        ? `${currency} has no decimals: enter a whole amount, such as ${example}.`
        : `${currency} has at most ${exponent} decimals, such as ${example}.`;
    case "not_positive":
      return "Must be greater than zero.";
    case "too_large":
      return "That amount is too large.";
  }
}

function readMaxPayments(text: string, input: Record<string, unknown>, errors: FieldErrors) {
  const trimmed = text.trim();
  if (!trimmed) return;
  if (/^\d{1,12}$/.test(trimmed)) input.max_payments = Number(trimmed);
  else errors.max_payments = "Enter a whole number of payments, such as 100.";
}

/** The metadata rows as a record; a half-filled or repeated row is an error on that row. */
function readMetadataRows(rows: MetadataRow[], errors: FieldErrors): Record<string, string> {
  const out: Record<string, string> = {};
  rows.forEach((row, i) => {
    const key = row.key.trim();
    const value = row.value.trim();
    if (!key && !value) return;
    if (!key) errors[`metadata_key_${i}`] = "Give this value a key, or clear the row.";
    else if (!value) errors[`metadata_value_${i}`] = "Give this key a value, or clear the row.";
    else if (key in out) errors[`metadata_key_${i}`] = `The key “${key}” is already used above.`;
    else out[key] = value;
  });
  if (Object.keys(out).length > MAX_METADATA_ROWS) errors.metadata = `At most ${MAX_METADATA_ROWS} metadata keys.`;
  return out;
}
