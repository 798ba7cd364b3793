"use client";

import { useSyncExternalStore } from "react";

/** What the error page says; a checkout's document carries them in its buyer's language (CheckoutDocument). */
export interface ErrorWords {
  title: string;
  body: string;
  retry: string;
  reference: string;
}

const ENGLISH: ErrorWords = {
  title: "This page is temporarily unavailable",
  body: "We could not load it just now. Please try again in a moment.",
  retry: "Try again",
  reference: "Reference",
};

let read: ErrorWords | null = null;

/** The words a checkout's <body data-error-…> holds (rendered on the server), else English; read once. */
function documentWords(): ErrorWords {
  const data = document.body.dataset;
  read ??= { title: data.errorTitle ?? ENGLISH.title, body: data.errorBody ?? ENGLISH.body, retry: data.errorRetry ?? ENGLISH.retry, reference: data.errorReference ?? ENGLISH.reference };
  return read;
}

// The document's words never change while the page lives: nothing to subscribe to.
const unchanging = () => () => {};

// What any page shows when rendering it failed on the server — most often because the database is restarting:
// a calm "try again in a moment", for buyers and merchants alike. Next.js never sends the error's message or
// stack to the browser in production, only a digest that matches the server's log line. On a checkout the words
// come from the document (its buyer's language, rendered on the server by the root layout), so no catalogue is
// shipped to the browser; the server's render of this page, and a browser without JavaScript, show English.
export function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : null;
  // English on the server (it has no document), the document's own once hydrated.
  const words = useSyncExternalStore(unchanging, documentWords, () => ENGLISH);
  return (
    <div className="flex min-h-dvh flex-col bg-slate-50">
      <main className="mx-auto w-full max-w-md flex-1 px-4 py-10">
        <section aria-labelledby="error-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-6 text-center">
          <h1 id="error-title" className="text-xl font-semibold text-slate-900">
            {words.title}
          </h1>
          <div className="space-y-2 text-slate-700">
            <p>{words.body}</p>
            {digest ? (
              <p className="text-xs text-slate-500">
                {words.reference} <span dir="ltr">{digest}</span>
              </p>
            ) : null}
          </div>
          <button
            type="button"
            onClick={() => retry()}
            className="rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2"
          >
            {words.retry}
          </button>
        </section>
      </main>
    </div>
  );
}
