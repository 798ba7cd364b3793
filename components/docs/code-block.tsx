/** A preformatted example (shell or JSON), scrollable instead of overflowing the page. */
export function CodeBlock({ code, label }: { code: string; label: string }) {
  return (
    <figure className="min-w-0">
      <figcaption className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500">{label}</figcaption>
      {/* Focusable, so a keyboard can scroll it when it overflows (axe: scrollable-region-focusable). */}
      <pre tabIndex={0} className="max-h-96 overflow-auto rounded-lg bg-slate-900 p-4 font-mono text-xs leading-relaxed text-slate-100">
        <code>{code}</code>
      </pre>
    </figure>
  );
}
