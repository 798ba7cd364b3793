const COLORS: Record<string, string> = {
  get: "bg-emerald-100 text-emerald-800",
  post: "bg-indigo-100 text-indigo-800",
  patch: "bg-amber-100 text-amber-800",
  put: "bg-amber-100 text-amber-800",
  delete: "bg-red-100 text-red-800",
};

export function MethodBadge({ method }: { method: string }) {
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 font-mono text-xs font-semibold ${COLORS[method] ?? "bg-slate-100 text-slate-800"}`}>
      {method.toUpperCase()}
    </span>
  );
}
