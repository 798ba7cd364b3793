import type { Db } from "@/db/client";
import { findLinkByOnerwayId, listOnerwayLinks } from "@/db/queries/onerway-links";
import type { PaymentLinkRow } from "@/db/schema";
import type { ServiceContext } from "@/lib/core/scope";
import { checkoutUrl } from "@/lib/links/serialize";
import { isCurrencyCode } from "@/lib/money/currencies";
import { minorToDecimalString } from "@/lib/money/money";
import { amount, bool, currency, formatTime, integer, OnerwayError, RESP, text, time, type Fields } from "@/lib/onerway/wire";
import { createPaymentLink } from "./create-payment-link";
import { updatePaymentLink } from "./update-payment-link";

// The three Onerway-compatible operations over Paylink's own links: a link made here is an ordinary link
// (dashboard, GET /api/v1/payment_links), and every link has its integer `onerway_id`. The request's fields
// arrive checked for signature (lib/http/onerway.ts); these read them by Onerway's names and types.

/** The JSON API's parameter names, as Onerway calls them (for a service's refusal). */
const ONERWAY_NAMES: Record<string, string> = { name: "linkName", item_name: "itemName", description: "description", amount: "amount", currency: "currency", default_country: "defaultCountry", collect_email: "collectEmail", collect_name: "collectName" };

export function onerwayFieldName(param: string | null | undefined): string {
  const head = (param ?? "").split(".")[0] ?? "";
  return ONERWAY_NAMES[head] ?? head;
}

function major(minor: number | null, code: string): string {
  return minor === null ? "" : isCurrencyCode(code) ? minorToDecimalString(minor, code) : String(minor);
}

/** `POST /v1/txn/paymentLink/add` → `{id, linkUrl}`. */
export async function onerwayAdd(db: Db, ctx: ServiceContext, fields: Fields): Promise<{ id: string; linkUrl: string }> {
  const code = currency(fields, "currency");
  const link = await createPaymentLink(db, ctx, {
    name: text(fields, "linkName", { max: 200 }),
    item_name: text(fields, "itemName", { required: true })!,
    description: text(fields, "description") ?? null,
    amount: amount(fields, "amount", code),
    currency: code,
    default_country: text(fields, "defaultCountry", { required: true })!,
    collect_email: bool(fields, "collectEmail"),
    collect_name: bool(fields, "collectName"),
    payment_methods: ["card"],
  });
  return { id: link.onerway_id, linkUrl: link.url };
}

function record(row: PaymentLinkRow, merchantNo: string, appUrl: string) {
  return {
    id: String(row.onerwayId),
    linkUrl: checkoutUrl(appUrl, row.token),
    merchantNo,
    linkName: row.name,
    amount: major(row.amount, row.currency),
    currency: row.currency,
    defaultCountry: row.defaultCountry,
    itemName: row.itemName,
    description: row.description ?? "",
    linkStatus: row.active ? 1 : 0,
    createTime: formatTime(row.createdAt),
    visitCount: String(row.visitCount),
    payCount: String(row.payCount),
    successAmount: major(row.successAmount, row.currency),
  };
}

/** `POST /v1/txn/paymentLink/list` → `{records, total, size, current}`, newest first. */
export async function onerwayList(db: Db, ctx: ServiceContext, merchantNo: string, fields: Fields) {
  const status = integer(fields, "linkStatus", { min: 0, max: 1 });
  const size = integer(fields, "size", { min: 1, max: 100 }) ?? 10;
  const current = integer(fields, "current", { min: 1, max: 1_000_000 }) ?? 1;
  const startTime = time(fields, "startTime");
  const endTime = time(fields, "endTime");
  if (startTime && endTime && startTime > endTime) throw OnerwayError.abnormal("startTime", "must not be after endTime.");
  const { rows, total } = await listOnerwayLinks(db, ctx, {
    active: status === undefined ? undefined : status === 1,
    keywords: text(fields, "keywords", { max: 200 }),
    createdGte: startTime,
    // A time with seconds: the whole second is included.
    createdLte: endTime ? new Date(endTime.getTime() + 999) : undefined,
    page: current,
    size,
  });
  return { records: rows.map((row) => record(row, merchantNo, ctx.appUrl)), total: String(total), size: String(size), current: String(current) };
}

/** `POST /v1/txn/paymentLink/updateStatus` → null; 55058 for no such id, 55059 for another merchant's (or mode's). */
export async function onerwayUpdateStatus(db: Db, ctx: ServiceContext, fields: Fields): Promise<null> {
  const id = integer(fields, "id", { required: true, min: 1, max: Number.MAX_SAFE_INTEGER })!;
  const active = bool(fields, "linkStatus", { required: true })!;
  const link = await findLinkByOnerwayId(db, id);
  if (!link) throw new OnerwayError(RESP.notFound.respCode, RESP.notFound.respMsg);
  if (link.merchantId !== ctx.merchantId || link.livemode !== ctx.livemode) throw new OnerwayError(RESP.notYours.respCode, RESP.notYours.respMsg);
  // Already so: nothing to write, and no payment_link.updated event for a change that did not happen.
  if (link.active !== active) await updatePaymentLink(db, ctx, link.id, { active });
  return null;
}
