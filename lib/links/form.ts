import type { ZodError } from "zod";
import { currencyExponent, isCurrencyCode, type CurrencyCode } from "@/lib/money/currencies";
import { minorToDecimalString, parseAmount, type ParseAmountError } from "@/lib/money/money";
import {
  createPaymentLinkSchema,
  updatePaymentLinkSchema,
  type CreatePaymentLinkInput,
  type UpdatePaymentLinkInput,
} from "./schemas";
import type { PaymentLinkObject } from "./serialize";

// The dashboard's payment-link forms, from FormData to the API input the services take. Pure (no next, react
// or database), so every conversion rule is tested in milliseconds; the services validate the result again.

/** What this module reads of a FormData (FormData itself in the server action and in tests). */
export interface FormFields {
  get(name: string): FormDataEntryValue | null;
  getAll(name: string): FormDataEntryValue[];
}

export type FieldErrors = Record<string, string>;
export type Converted<T> = { ok: true; input: T } | { ok: false; errors: FieldErrors };

export const MAX_METADATA_ROWS = 20;
/** Rows read from a submission: more than the limit, so that too many rows is an error, not a silent cut. */
const METADATA_ROWS_READ = 50;

export interface MetadataRow {
  key: string;
  value: string;
}

/** The forms' fields as text, the way a person typed them, so a refused submission comes back unchanged. */
export interface LinkFormValues {
  active: boolean;
  name: string;
  item_name: string;
  description: string;
  currency: string;
  pricing: "fixed" | "custom";
  amount: string;
  custom_minimum: string;
  custom_maximum: string;
  custom_preset: string;
  default_country: string;
  collect_email: boolean;
  collect_name: boolean;
  payment_methods: string[];
  /** A datetime-local value, read as UTC. */
  expires_at: string;
  max_payments: string;
  after_completion_type: "message" | "redirect";
  after_completion_message: string;
  after_completion_url: string;
  status_callback_url: string;
  metadata: MetadataRow[];
}

/** What the link forms' server actions return. */
export interface LinkFormState {
  /** Counts submissions; the forms remount on each, because React's reset puts a <select> back to its first default. */
  attempt?: number;
  message?: string;
  fieldErrors?: FieldErrors;
  values?: LinkFormValues;
}

export function defaultLinkFormValues(defaults: { currency: string; country: string }): LinkFormValues {
  return {
    active: true,
    name: "",
    item_name: "",
    description: "",
    currency: defaults.currency,
    pricing: "fixed",
    amount: "",
    custom_minimum: "",
    custom_maximum: "",
    custom_preset: "",
    default_country: defaults.country,
    collect_email: true,
    collect_name: true,
    payment_methods: ["card"],
    expires_at: "",
    max_payments: "",
    after_completion_type: "message",
    after_completion_message: "",
    after_completion_url: "",
    status_callback_url: "",
    metadata: [],
  };
}

/** An existing link as its edit form shows it. */
export function linkFormValues(link: PaymentLinkObject): LinkFormValues {
  const decimal = (minor: number | null) =>
    minor === null ? "" : isCurrencyCode(link.currency) ? minorToDecimalString(minor, link.currency) : String(minor);
  const after = link.after_completion;
  return {
    active: link.active,
    name: link.name,
    item_name: link.item_name,
    description: link.description ?? "",
    currency: link.currency,
    pricing: link.custom_amount ? "custom" : "fixed",
    amount: decimal(link.amount),
    custom_minimum: decimal(link.custom_amount?.minimum ?? null),
    custom_maximum: decimal(link.custom_amount?.maximum ?? null),
    custom_preset: decimal(link.custom_amount?.preset ?? null),
    default_country: link.default_country,
    collect_email: link.collect_email,
    collect_name: link.collect_name,
    payment_methods: [...link.payment_methods],
    expires_at: toDateTimeLocal(link.expires_at),
    max_payments: link.max_payments === null ? "" : String(link.max_payments),
    after_completion_type: after.type,
    after_completion_message: after.type === "message" ? after.message : "",
    after_completion_url: after.type === "redirect" ? after.url : "",
    status_callback_url: link.status_callback_url ?? "",
    metadata: Object.entries(link.metadata).map(([key, value]) => ({ key, value })),
  };
}

/** A submission as text. Unchecked checkboxes are absent from FormData, so absent means false. */
export function readLinkForm(form: FormFields): LinkFormValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  // Row i is metadata_key_i / metadata_value_i, so errors keyed by row land on the inputs that were sent.
  const metadata: MetadataRow[] = [];
  for (let i = 0; i < METADATA_ROWS_READ; i++) {
    const key = text(`metadata_key_${i}`);
    const value = text(`metadata_value_${i}`);
    if (key || value || form.get(`metadata_key_${i}`) !== null) metadata[i] = { key, value };
  }
  for (let i = 0; i < metadata.length; i++) metadata[i] ??= { key: "", value: "" };
  return {
    active: form.get("active") !== null,
    name: text("name"),
    item_name: text("item_name"),
    description: text("description"),
    currency: text("currency"),
    pricing: text("pricing") === "custom" ? "custom" : "fixed",
    amount: text("amount"),
    custom_minimum: text("custom_minimum"),
    custom_maximum: text("custom_maximum"),
    custom_preset: text("custom_preset"),
    default_country: text("default_country"),
    collect_email: form.get("collect_email") !== null,
    collect_name: form.get("collect_name") !== null,
    payment_methods: form.getAll("payment_methods").filter((v): v is string => typeof v === "string"),
    expires_at: text("expires_at"),
    max_payments: text("max_payments"),
    after_completion_type: text("after_completion_type") === "redirect" ? "redirect" : "message",
    after_completion_message: text("after_completion_message"),
    after_completion_url: text("after_completion_url"),
    status_callback_url: text("status_callback_url"),
    metadata,
  };
}

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

  const metadata = readMetadataRows(v.metadata, errors);
  if (Object.keys(metadata).length > 0) input.metadata = metadata;

  const result = createPaymentLinkSchema.safeParse(input);
  const schemaErrors = result.success ? {} : fieldErrorsFromIssues(result.error.issues, v.metadata);
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
  const schemaErrors = result.success ? {} : fieldErrorsFromIssues(result.error.issues, v.metadata);
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

/** A datetime-local value ("2026-05-25T10:00") read as UTC, as an ISO time; null if it is not a real time. */
export function parseDateTimeLocal(text: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/.exec(text.trim());
  if (!match) return null;
  const iso = `${match[1]}T${match[2]}:${match[3] ?? "00"}.000Z`;
  const date = new Date(iso);
  // Date rolls 2026-02-30 over into March; a round trip catches it.
  return Number.isNaN(date.getTime()) || date.toISOString() !== iso ? null : iso;
}

/** An ISO time as a datetime-local value in UTC, to the minute. */
export function toDateTimeLocal(iso: string | null): string {
  return iso ? iso.slice(0, 16) : "";
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

type Issue = ZodError["issues"][number];

/**
 * Zod issues from the schemas (or from a service) as errors on the forms' fields: the API's nested fields
 * map to the form's flat ones (`custom_amount.minimum` → `custom_minimum`), a metadata key to its row.
 */
export function fieldErrorsFromIssues(issues: readonly Issue[], metadataRows: readonly MetadataRow[] = []): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const field = fieldForPath(issue.path, metadataRows, issue.code === "invalid_key" ? "key" : "value");
    out[field] ??= issueMessage(issue);
  }
  return out;
}

/** The form field an API parameter path (`["custom_amount", "minimum"]`, or an AppError's "a.b") names. */
export function fieldForPath(path: readonly PropertyKey[] | string, metadataRows: readonly MetadataRow[] = [], part: "key" | "value" = "value"): string {
  const [head, next] = typeof path === "string" ? path.split(".") : path.map(String);
  if (head === undefined || head === "") return "form";
  if (head === "custom_amount") return `custom_${next && ["minimum", "maximum", "preset"].includes(next) ? next : "minimum"}`;
  if (head === "after_completion") return next === "url" ? "after_completion_url" : "after_completion_message";
  if (head === "metadata" && next !== undefined) {
    const row = metadataRows.findIndex((r) => r.key.trim() === next);
    return row === -1 ? "metadata" : `metadata_${part}_${row}`;
  }
  return head;
}

/** Zod's default wording ("Too small: expected number to be >=1") said the way the forms speak. */
function issueMessage(issue: Issue): string {
  if (issue.code === "invalid_key") return issue.issues[0]?.message ?? issue.message;
  const isDefault = /^(Too small|Too big|Invalid input|Invalid option)/.test(issue.message);
  if (!isDefault) return issue.message;
  if (issue.code === "invalid_value") return "Choose one of the options offered.";
  if (issue.code === "too_small") {
    return issue.origin === "string" && Number(issue.minimum) <= 1 ? "Must not be empty." : `Must be at least ${String(issue.minimum)}.`;
  }
  if (issue.code === "too_big") {
    return issue.origin === "string" ? `Must be at most ${String(issue.maximum)} characters.` : `Must be at most ${Number(issue.maximum).toLocaleString("en-US")}.`;
  }
  return "Check this field.";
}
