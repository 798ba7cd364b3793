import { linkFormValues } from "./form";
import type { PaymentLinkObject } from "./serialize";

// Test fixtures of the link forms (imported by their tests only): submissions as a browser sends them, and a
// link as the API answers it.

type Fields = Record<string, string | string[] | undefined>;

/** A FormData holding `fields`; a list is a repeated field (checkboxes), undefined an unchecked box. */
export function formData(fields: Fields): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) data.append(name, item);
  }
  return data;
}

/** A submission of the create form: the fields a person leaves as they are, plus the ones given. */
export function createForm(fields: Fields): FormData {
  return formData({
    item_name: "Matcha set",
    currency: "USD",
    pricing: "fixed",
    amount: "19.99",
    default_country: "US",
    collect_email: "on",
    collect_name: "on",
    payment_methods: ["card"],
    after_completion_type: "message",
    ...fields,
  });
}

export const LINK: PaymentLinkObject = {
  id: "plink_01",
  object: "payment_link",
  livemode: false,
  merchant: "mch_01",
  url: "http://localhost:3000/l/abc",
  active: true,
  name: "Spring promo",
  item_name: "Matcha set",
  description: null,
  amount: 1500,
  currency: "JPY",
  custom_amount: null,
  default_country: "JP",
  collect_email: true,
  collect_name: false,
  payment_methods: ["alipay", "card"],
  capture_method: "automatic",
  expires_at: "2026-12-31T18:30:45.000Z",
  max_payments: null,
  after_completion: { type: "message", message: "Thanks" },
  status_callback_url: null,
  locale: "auto",
  metadata: { sku: "MT-1", old: "x" },
  application_fee_amount: null,
  onerway_id: "100",
  stats: { visit_count: 0, pay_count: 0, success_amount: 0 },
  created_at: "2026-05-01T00:00:00.000Z",
  updated_at: "2026-05-01T00:00:00.000Z",
};

/** The edit form as rendered for LINK, with some fields changed. */
export function editForm(changes: Fields): FormData {
  const v = linkFormValues(LINK);
  return formData({
    active: v.active ? "on" : undefined,
    name: v.name,
    description: v.description,
    payment_methods: v.payment_methods,
    expires_at: v.expires_at,
    max_payments: v.max_payments,
    after_completion_type: v.after_completion_type,
    after_completion_message: v.after_completion_message,
    after_completion_url: v.after_completion_url,
    status_callback_url: v.status_callback_url,
    ...Object.fromEntries(v.metadata.flatMap((row, i) => [[`metadata_key_${i}`, row.key], [`metadata_value_${i}`, row.value]])),
    ...changes,
  });
}
