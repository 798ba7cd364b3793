export interface QrPanelProps {
  /** The link's or the order's checkout URL (`url` of the API object: …/l/{token} or …/o/{token}). */
  url: string;
  /** What the code opens, for the image's description: the link's name or the order's item. */
  label: string;
}

const BUTTON =
  "inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-indigo-500/40";

/**
 * A payment link's or an order's QR code (its checkout URL marked `src=qr`), with the PNG and SVG to download
 * for print. Served by /l|o/{token}/qr.svg|png on this site, so the downloads keep their file names.
 */
export function QrPanel({ url, label }: QrPanelProps) {
  const base = new URL(url).pathname.replace(/\/+$/, "");
  return (
    <section aria-labelledby="qr-panel-title" className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 id="qr-panel-title" className="text-base font-semibold text-slate-900">
        QR code
      </h2>
      <div className="mt-3 flex flex-col gap-4 sm:flex-row sm:items-center">
        {/* A plain <img>: the SVG is already the right size at any scale; next/image does not take SVGs. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img
          src={`${base}/qr.svg`}
          alt={`QR code that opens the checkout of ${label}`}
          width={160}
          height={160}
          className="size-40 shrink-0 rounded-md border border-slate-200 bg-white"
        />
        <div className="space-y-3">
          <p className="text-sm text-slate-600">
            Buyers scan it with a phone camera to open this checkout; their visits count as coming from “qr”. It is
            sized for print: the PNG is 1024 × 1024 pixels (8.7 cm wide at 300 dpi) with the quiet margin scanners
            need, and the SVG stays sharp at any size, from a receipt to a poster.
          </p>
          <div className="flex flex-wrap gap-2">
            <a href={`${base}/qr.png?download=1`} download className={BUTTON}>
              Download PNG
            </a>
            <a href={`${base}/qr.svg?download=1`} download className={BUTTON}>
              Download SVG
            </a>
          </div>
        </div>
      </div>
    </section>
  );
}
