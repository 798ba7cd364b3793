/**
 * A code example, looking like the reference's CodeBlock, whose scrolling box can be reached by keyboard
 * (axe's scrollable-region-focusable: the long request lines here always scroll sideways).
 */
export function CodeSample({ code, label }: { code: string; label: string }) {
  return (
    <figure className="min-w-0">
      <figcaption className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500">{label}</figcaption>
      <pre
        tabIndex={0}
        className="max-h-[32rem] overflow-auto rounded-lg bg-slate-900 p-4 font-mono text-xs leading-relaxed text-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        <code>{code}</code>
      </pre>
    </figure>
  );
}
