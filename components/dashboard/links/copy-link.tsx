"use client";

import { useCopy } from "@/components/dashboard/use-copy";

/**
 * The checkout URL in a read-only input with a copy button. Without JavaScript (or clipboard access) the
 * input is still there to select and copy by hand; the result is announced to screen readers.
 */
export function CopyLink({ url }: { url: string }) {
  const { input, copied, copy } = useCopy(url);
  return (
    <div className="space-y-1">
      <label htmlFor="checkout-url" className="block text-sm font-medium text-slate-700">
        Checkout URL
      </label>
      <div className="flex gap-2">
        <input
          ref={input}
          id="checkout-url"
          type="url"
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          className="block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm"
        />
        <button type="button" onClick={copy} className="shrink-0 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100">
          Copy link
        </button>
      </div>
      <p aria-live="polite" role="status" className="min-h-5 text-sm text-emerald-700">
        {copied === "yes" ? "Copied" : copied === "failed" ? "Could not copy: the link is selected, press Ctrl+C (⌘C on a Mac)." : null}
      </p>
    </div>
  );
}
