import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getEnv } from "@/lib/core/env";

export const metadata: Metadata = { title: "Bare page", robots: { index: false, follow: false } };

// GET /bench/bare: the benchmark's baseline: a page rendered on demand by the same build, root layout and
// styles as the checkout, doing no work of its own (no database, no cookies). `npm run bench` compares the
// checkout page's rate and its JavaScript with this page's. Served only when PAYLINK_BENCH_ROUTES=1.
export default async function BarePage() {
  await connection();
  if (!getEnv().PAYLINK_BENCH_ROUTES) notFound();
  return (
    <main className="mx-auto max-w-md p-6">
      <h1 className="text-xl font-semibold">Bare page</h1>
      <p>Rendered at {new Date().toISOString()}.</p>
    </main>
  );
}
