"use client";

import { useState, useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/** True once React runs in the browser; false in the server HTML and without JavaScript. */
function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}

/**
 * The one showing of a new secret key: a read-only field to select or copy from. It lives only in the
 * create action's answer, so a reload or another page makes it gone for good.
 */
export function NewKeySecret({ secret, name, livemode }: { secret: string; name: string | null; livemode: boolean }) {
  const hydrated = useHydrated();
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const [dismissed, setDismissed] = useState(false);
  if (dismissed) return null;

  async function copy() {
    const field = document.getElementById("new-api-key") as HTMLInputElement | null;
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("yes");
    } catch {
      // No clipboard API (a plain-http address): select the text so Ctrl+C / ⌘C copies it.
      field?.select();
      setCopied("failed");
    }
  }

  return (
    <section aria-labelledby="new-api-key-heading" className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-4">
      <h4 id="new-api-key-heading" className="font-semibold text-amber-950">
        Your new {livemode ? "live" : "test"} key{name ? ` “${name}”` : ""}
      </h4>
      <p className="text-sm text-amber-950">
        <strong>Copy it now: it won’t be shown again.</strong> Paylink keeps only a hash of it. Store it in your
        server’s secret settings, never in a browser, an app or a repository. If you lose it, revoke it and create
        another.
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <div className="w-full min-w-0 space-y-1 sm:w-auto sm:flex-1">
          <label htmlFor="new-api-key" className="block text-sm font-medium text-amber-950">
            Secret key
          </label>
          <input
            id="new-api-key"
            readOnly
            value={secret}
            autoComplete="off"
            spellCheck={false}
            onFocus={(event) => event.currentTarget.select()}
            className="block w-full rounded-md border border-amber-300 bg-white px-3 py-2 font-mono text-sm"
          />
        </div>
        {hydrated ? (
          <>
            <button type="button" onClick={copy} className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700">
              Copy
            </button>
            <button type="button" onClick={() => setDismissed(true)} className="rounded-md border border-amber-300 bg-white px-4 py-2 text-sm hover:bg-amber-100">
              Done, I saved it
            </button>
          </>
        ) : null}
      </div>
      <p aria-live="polite" className="text-sm text-amber-950">
        {copied === "yes" ? "Copied to the clipboard." : copied === "failed" ? "Press Ctrl+C (⌘C on a Mac) to copy the selected key." : null}
      </p>
    </section>
  );
}
