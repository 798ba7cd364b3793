import { getDb } from "@/db";
import { findLinkByToken } from "@/db/queries/checkout";
import { findOrderByToken } from "@/db/queries/orders";
import { isCheckoutToken } from "@/lib/checkout/steps";
import { getEnv } from "@/lib/core/env";
import { documentFileName, hasReceipt, loadOrderDocumentByToken, type OrderDocument } from "@/lib/documents/order-document";
import { renderOrderPdf, type OrderPdfKind } from "@/lib/documents/pdf";
import type { Locale } from "@/lib/i18n/locales";
import { parseQrSize, qrPng, qrSvg, QR_PNG_SIZE } from "@/lib/documents/qr";
import { checkoutUrl } from "@/lib/links/serialize";
import { withSource } from "@/lib/links/source";
import { orderCheckoutUrl } from "@/lib/orders/serialize";
import { requestLocale } from "./checkout/locale";
import { fileResponse, notFoundResponse, wantsDownload, type FileAnswer } from "./file-response";
import { route } from "./route";

// The public checkout's documents, served by its token (the token is the capability): the QR code of a link's
// or an order's checkout URL, and an order's invoice and receipt. An unknown token is a bare 404. Browsers may
// keep them a little (`private`: never a shared cache); a PDF is asked again each time, as it shows the status.

const QR_CACHE = "private, max-age=300";
const PDF_CACHE = "private, no-cache";

const QR_TARGETS = {
  link: { prefix: "l", find: findLinkByToken, url: checkoutUrl },
  order: { prefix: "o", find: findOrderByToken, url: orderCheckoutUrl },
} as const;

/** GET /l/{token}/qr.svg|png and /o/{token}/qr.svg|png: the checkout URL with `src=qr`, for print. */
export function qrRoute(target: keyof typeof QR_TARGETS, format: "svg" | "png") {
  const { prefix, find, url } = QR_TARGETS[target];
  return route<{ token: string }>(
    async (request, { params: { token } }) => {
      const size = format === "png" ? parseQrSize(new URL(request.url).searchParams.get("size")) : null;
      if (format === "png" && size === null) {
        return new Response(`size must be a whole number of pixels from ${QR_PNG_SIZE.min} to ${QR_PNG_SIZE.max}.\n`, {
          status: 400,
          headers: { "content-type": "text/plain; charset=utf-8" },
        });
      }
      if (!isCheckoutToken(token)) return notFoundResponse();
      const found = await find(await getDb(), token);
      if (!found) return notFoundResponse();
      const target = withSource(url(getEnv().APP_URL, token), "qr");
      return fileResponse({
        body: format === "svg" ? await qrSvg(target) : await qrPng(target, size!),
        contentType: format === "svg" ? "image/svg+xml" : "image/png",
        fileName: `qr-${found.id}.${format}`,
        download: wantsDownload(request),
        cacheControl: QR_CACHE,
      });
    },
    { pattern: `/${prefix}/[token]/qr.${format}` },
  );
}

/** The PDF of an order's invoice or receipt as a file answer (the public routes and the API's), in its buyer's language unless told. */
export async function orderPdfFile(kind: OrderPdfKind, document: OrderDocument, download = false, locale: Locale = document.locale): Promise<FileAnswer> {
  return {
    body: await renderOrderPdf(kind, document, locale),
    contentType: "application/pdf",
    fileName: documentFileName(kind, document),
    download,
    cacheControl: PDF_CACHE,
  };
}

/** GET /o/{token}/invoice.pdf and /o/{token}/receipt.pdf (a receipt once the order is paid: 404 before). */
export function orderPdfRoute(kind: OrderPdfKind) {
  return route<{ token: string }>(
    async (request, { params: { token } }) => {
      const document = await loadOrderDocumentByToken(await getDb(), token, getEnv().APP_URL);
      if (!document || (kind === "receipt" && !hasReceipt(document))) return notFoundResponse();
      return fileResponse(await orderPdfFile(kind, document, wantsDownload(request), requestLocale(request, document.configuredLocale)));
    },
    { pattern: `/o/[token]/${kind}.pdf` },
  );
}
