import type { TagView } from "@/lib/openapi/reference";
import type { Convention } from "@/lib/openapi/types";
import { MethodBadge } from "./method-badge";

const linkClass = "block rounded px-2 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900";

export function TableOfContents({ conventions, tags }: { conventions: Convention[]; tags: TagView[] }) {
  return (
    <nav aria-label="Table of contents" className="text-sm">
      <p className="mb-2 px-2 text-xs font-semibold uppercase tracking-wide text-slate-500">Conventions</p>
      <ul className="mb-6">
        {conventions.map((c) => (
          <li key={c.id}>
            <a className={linkClass} href={`#${c.id}`}>{c.title}</a>
          </li>
        ))}
        <li>
          <a className={linkClass} href="#error-codes">Error codes</a>
        </li>
      </ul>
      {tags.map((tag) => (
        <div key={tag.slug} className="mb-6">
          <p className="mb-2 px-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
            <a href={`#${tag.slug}`} className="hover:text-slate-900">{tag.name}</a>
          </p>
          <ul>
            {tag.objectSchema ? (
              <li>
                <a className={linkClass} href={`#schema-${tag.objectSchema}`}>The {tag.objectSchema} object</a>
              </li>
            ) : null}
            {tag.operations.map(({ method, operation }) => (
              <li key={operation.operationId}>
                <a className={`${linkClass} flex items-center gap-2`} href={`#${operation.operationId}`}>
                  <MethodBadge method={method} />
                  <span>{operation.summary}</span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
