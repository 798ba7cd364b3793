"use client";

import { useRef, useState, useSyncExternalStore, type ReactNode } from "react";

const noSubscription = () => () => {};

/**
 * The one showing of a new signing secret: a read-only field to select or copy from, and a copy button. It
 * lives only in the answer of the action that made it, so a reload or another page makes it gone.
 */
export function OneTimeSecret({ id, title, secret, children }: { id: string; title: string; secret: string; children: ReactNode }) {
  // True once React runs in the browser: without JavaScript the buttons would do nothing, so they are left out.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const [dismissed, setDismissed] = useState(false);
  if (dismissed) return null;

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("yes");
    } catch {
      // No clipboard API (a plain-http address): select the text so Ctrl+C / ⌘C copies it.
      input.current?.select();
      setCopied("failed");
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-4">
      <h3 id={`${id}-heading`} className="font-semibold text-amber-950">
        {title}
      </h3>
      <div className="text-sm text-amber-950">{children}</div>
      <div className="flex flex-wrap items-end gap-2">
        <div className="w-full min-w-0 space-y-1 sm:w-auto sm:flex-1">
          <label htmlFor={id} className="block text-sm font-medium text-amber-950">
            Signing secret
          </label>
          <input
            ref={input}
            id={id}
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
              Copy secret
            </button>
            <button type="button" onClick={() => setDismissed(true)} className="rounded-md border border-amber-300 bg-white px-4 py-2 text-sm hover:bg-amber-100">
              Done, I saved it
            </button>
          </>
        ) : null}
      </div>
      <p aria-live="polite" role="status" className="min-h-5 text-sm text-amber-950">
        {copied === "yes" ? "Copied to the clipboard." : copied === "failed" ? "Press Ctrl+C (⌘C on a Mac) to copy the selected secret." : null}
      </p>
    </section>
  );
}
