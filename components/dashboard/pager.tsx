import Link from "next/link";

const pager = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100";

/**
 * Cursor pagination for the dashboard's lists: "First page" once past it, "Next page" while more follow.
 * Plain links, so it works without JavaScript.
 */
export function Pager({ label, firstHref, nextHref }: { label: string; firstHref: string | null; nextHref: string | null }) {
  if (!firstHref && !nextHref) return null;
  return (
    <nav aria-label={label} className="mt-4 flex gap-2">
      {firstHref ? (
        <Link href={firstHref} className={pager}>
          First page
        </Link>
      ) : null}
      {nextHref ? (
        <Link href={nextHref} className={pager}>
          Next page
        </Link>
      ) : null}
    </nav>
  );
}
