"use client";

// What any page shows when rendering it failed on the server — most often because the database is restarting:
// a calm "try again in a moment", for buyers and merchants alike. Next.js never sends the error's message or
// stack to the browser in production, only a digest that matches the server's log line.
export function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : null;
  return (
    <div className="flex min-h-dvh flex-col bg-slate-50">
      <main className="mx-auto w-full max-w-md flex-1 px-4 py-10">
        <section aria-labelledby="error-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-6 text-center">
          <h1 id="error-title" className="text-xl font-semibold text-slate-900">
            This page is temporarily unavailable
          </h1>
          <div className="space-y-2 text-slate-700">
            <p>We could not load it just now. Please try again in a moment.</p>
            {digest ? <p className="text-xs text-slate-500">Reference {digest}</p> : null}
          </div>
          <button
            type="button"
            onClick={() => retry()}
            className="rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2"
          >
            Try again
          </button>
        </section>
      </main>
    </div>
  );
}
