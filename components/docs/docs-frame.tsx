import Link from "next/link";
import type { ReactNode } from "react";

/**
 * The frame of a reference page: the contents in a sticky sidebar on wide screens (behind a disclosure on
 * narrow ones), the title and its introduction, then the page's sections.
 */
export function DocsFrame({ title, intro, contents, children }: { title: string; intro: ReactNode; contents: ReactNode; children: ReactNode }) {
  return (
    <div className="mx-auto w-full max-w-7xl px-4 py-10 lg:grid lg:grid-cols-[14rem_minmax(0,1fr)] lg:gap-10">
      <aside className="hidden lg:block">
        <div className="sticky top-6 max-h-[calc(100dvh-3rem)] overflow-y-auto">
          <Link href="/" className="mb-6 block px-2 text-xl font-semibold tracking-tight text-indigo-700">
            Paylink
          </Link>
          {contents}
        </div>
      </aside>

      <main className="min-w-0">
        <header className="mb-10">
          <Link href="/" className="mb-4 block text-xl font-semibold tracking-tight text-indigo-700 lg:hidden">
            Paylink
          </Link>
          <h1 className="text-3xl font-semibold tracking-tight">{title}</h1>
          {intro}
          <details className="mt-6 rounded-lg border border-slate-200 bg-white p-3 lg:hidden">
            <summary className="cursor-pointer text-sm font-medium">Contents</summary>
            <div className="mt-3">{contents}</div>
          </details>
        </header>
        {children}
      </main>
    </div>
  );
}
