import { MethodBadge } from "@/components/docs/method-badge";
import type { OnerwayOperation } from "@/lib/onerway/openapi";

const linkClass = "block rounded px-2 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900";

export const GUIDE_SECTIONS = [
  { id: "switching", title: "Switching from Onerway" },
  { id: "credentials", title: "Credentials" },
  { id: "signing", title: "Signing requests" },
  { id: "responses", title: "Responses and codes" },
] as const;

/** The page's table of contents: the guide, then the endpoints, then the worked example. */
export function OnerwayContents({ operations }: { operations: OnerwayOperation[] }) {
  return (
    <nav aria-label="Table of contents" className="text-sm">
      <p className="mb-2 px-2 text-xs font-semibold uppercase tracking-wide text-slate-500">Guide</p>
      <ul className="mb-6">
        {GUIDE_SECTIONS.map((s) => (
          <li key={s.id}>
            <a className={linkClass} href={`#${s.id}`}>{s.title}</a>
          </li>
        ))}
      </ul>
      <p className="mb-2 px-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
        <a href="#endpoints" className="hover:text-slate-900">Endpoints</a>
      </p>
      <ul className="mb-6">
        {operations.map((operation) => (
          <li key={operation.operationId}>
            <a className={`${linkClass} flex items-center gap-2`} href={`#${operation.operationId}`}>
              <MethodBadge method="post" />
              <span>{operation.summary}</span>
            </a>
          </li>
        ))}
        <li>
          <a className={linkClass} href="#worked-example">Worked example</a>
        </li>
      </ul>
    </nav>
  );
}
