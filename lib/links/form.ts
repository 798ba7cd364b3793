import type { FieldErrors } from "@/lib/core/field-errors";
import { isCurrencyCode } from "@/lib/money/currencies";
import { minorToDecimalString } from "@/lib/money/money";
import type { PaymentLinkObject } from "./serialize";

// The dashboard's payment-link forms as the page holds them: their fields as text, the defaults of a new link,
// an existing link as its edit form shows it, and a submission read back as typed. Pure (no next, react or
// database). Turning the fields into the API's input is form-input.ts; the API's refusals as errors on these
// fields, form-errors.ts.

export type { FieldErrors };

/** What this module reads of a FormData (FormData itself in the server action and in tests). */
export interface FormFields {
  get(name: string): FormDataEntryValue | null;
  getAll(name: string): FormDataEntryValue[];
}


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
  /** Capture each payment by hand (`capture_method: "manual"`); set when the link is made. */
  capture_manual: boolean;
  /** A datetime-local value, read as UTC. */
  expires_at: string;
  max_payments: string;
  after_completion_type: "message" | "redirect";
  after_completion_message: string;
  after_completion_url: string;
  status_callback_url: string;
  /** "auto" or a locale (lib/i18n/locales.ts). */
  locale: string;
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
    capture_manual: false,
    expires_at: "",
    max_payments: "",
    after_completion_type: "message",
    after_completion_message: "",
    after_completion_url: "",
    status_callback_url: "",
    locale: "auto",
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
    capture_manual: link.capture_method === "manual",
    expires_at: toDateTimeLocal(link.expires_at),
    max_payments: link.max_payments === null ? "" : String(link.max_payments),
    after_completion_type: after.type,
    after_completion_message: after.type === "message" ? after.message : "",
    after_completion_url: after.type === "redirect" ? after.url : "",
    status_callback_url: link.status_callback_url ?? "",
    locale: link.locale,
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
    capture_manual: form.get("capture_manual") !== null,
    expires_at: text("expires_at"),
    max_payments: text("max_payments"),
    after_completion_type: text("after_completion_type") === "redirect" ? "redirect" : "message",
    after_completion_message: text("after_completion_message"),
    after_completion_url: text("after_completion_url"),
    status_callback_url: text("status_callback_url"),
    locale: text("locale") || "auto",
    metadata,
  };
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
