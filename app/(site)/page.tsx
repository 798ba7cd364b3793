import Link from "next/link";

export default function HomePage() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center gap-6 p-6">
      <h1 className="text-3xl font-semibold tracking-tight">Paylink</h1>
      <p className="text-slate-600">
        Create shareable payment links and one-off orders, take payments on a fast hosted checkout, and hear about
        every status change through signed webhooks — on your own servers.
      </p>
      <div className="flex gap-3">
        <Link href="/signin" className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700">
          Sign in
        </Link>
        <Link href="/signup" className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-100">
          Create an account
        </Link>
      </div>
    </main>
  );
}
