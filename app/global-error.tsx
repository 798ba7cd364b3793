"use client";

import { ErrorPage } from "@/components/ui/error-page";
import "./globals.css";

// The last boundary: what a buyer or merchant sees when a root layout itself failed (error.tsx cannot catch its
// own segment's layout). A document of its own, since the layout that failed drew none.
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans">
        <ErrorPage error={error} retry={retry} />
      </body>
    </html>
  );
}
