import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";

/** A dashed note where a list has nothing to show; `centered` under a filter bar, plain inside a section. */
export function EmptyNote({ centered = false, children }: { centered?: boolean; children: ReactNode }) {
  return (
    <p className={`rounded-xl border border-dashed border-slate-300 bg-white text-sm text-slate-600 ${centered ? "p-8 text-center" : "p-6"}`}>
      {children}
    </p>
  );
}

/** What a list page shows before its first item exists: what the items are, and where one comes from. */
export function FirstRunState({ title, children, action }: { title: string; children: ReactNode; action: ReactNode }) {
  return (
    <div className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center">
      <h2 className="text-lg font-semibold">{title}</h2>
      <p className="mx-auto mt-1 max-w-md text-sm text-slate-600">{children}</p>
      {action}
    </div>
  );
}

/**
 * The body of a filtered, paged list: the filter bar, what could not be applied, the table (or why there is
 * none), and the pager.
 */
export function FilteredList({
  filters,
  errors,
  emptyText,
  pager,
  children,
}: {
  /** Keyed by the URL: a filter form already on screen must show the filters just applied or cleared. */
  filters: ReactNode;
  errors: string[];
  /** Set when this page has no rows: "No more orders.", "No orders match these filters." */
  emptyText: string | null;
  pager: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      {filters}
      {errors.length ? (
        <div className="mb-4">
          <Alert>{errors.join(" ")}</Alert>
        </div>
      ) : null}
      {emptyText === null ? children : <EmptyNote centered>{emptyText}</EmptyNote>}
      {pager}
    </>
  );
}
