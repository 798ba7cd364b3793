import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = { title: "Page not found · Paylink" };

// A URL no route matches. The site and each checkout have their own root layouts (a checkout's <html> speaks
// its buyer's language), so there is no single layout to render a 404 in: this page is its own document.
export default async function GlobalNotFound() {
  // Per request, like every page: the Content-Security-Policy's nonce is the response's (proxy.ts).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans">
        <main className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center gap-4 p-6">
          <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
          <p className="text-slate-600">There is nothing at this address.</p>
          <Link href="/" className="text-indigo-700 underline">
            Go to Paylink
          </Link>
        </main>
      </body>
    </html>
  );
}
