"use client";

import { useState, useSyncExternalStore, type ReactNode } from "react";
import { useCopy } from "./use-copy";

const noSubscription = () => () => {};

/** How the field, its copy button and the copy-by-hand hint name what is shown. */
const WORDING = {
  "api-key": { label: "Secret key", copy: "Copy", noun: "key" },
  "signing-secret": { label: "Signing secret", copy: "Copy secret", noun: "secret" },
} as const;

/**
 * The one showing of a new secret (an API key, a webhook signing secret, a callback secret): a read-only
 * field to select or copy from, and a copy button. It lives only in the answer of the action that made it,
 * so a reload or another page makes it gone for good.
 */
export function OneTimeSecret({
  id,
  title,
  secret,
  kind,
  headingLevel = 3,
  children,
}: {
  /** The field's id; the heading's is `${id}-heading`. */
  id: string;
  title: string;
  secret: string;
  kind: keyof typeof WORDING;
  /** The heading sits one level below the section the form is in. */
  headingLevel?: 3 | 4;
  children: ReactNode;
}) {
  // True once React runs in the browser: without JavaScript the buttons would do nothing, so they are left out.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const { input, copied, copy } = useCopy(secret);
  const [dismissed, setDismissed] = useState(false);
  if (dismissed) return null;

  const Heading = headingLevel === 4 ? "h4" : "h3";
  const { label, copy: copyLabel, noun } = WORDING[kind];
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-4">
      <Heading id={`${id}-heading`} className="font-semibold text-amber-950">
        {title}
      </Heading>
      <div className="text-sm text-amber-950">{children}</div>
      <div className="flex flex-wrap items-end gap-2">
        <div className="w-full min-w-0 space-y-1 sm:w-auto sm:flex-1">
          <label htmlFor={id} className="block text-sm font-medium text-amber-950">
            {label}
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
              {copyLabel}
            </button>
            <button type="button" onClick={() => setDismissed(true)} className="rounded-md border border-amber-300 bg-white px-4 py-2 text-sm hover:bg-amber-100">
              Done, I saved it
            </button>
          </>
        ) : null}
      </div>
      <p aria-live="polite" role="status" className="min-h-5 text-sm text-amber-950">
        {copied === "yes" ? "Copied to the clipboard." : copied === "failed" ? `Press Ctrl+C (⌘C on a Mac) to copy the selected ${noun}.` : null}
      </p>
    </section>
  );
}
