/**
 * "Export CSV": the list's rows as a file, with the filters the list shows (its URL's query, less the page
 * cursor: the file holds every matching row). A plain link (no client-side navigation or prefetch of a
 * download); the export route answers with the file.
 */
export function ExportCsvLink({ exportPath, listHref, noun }: { exportPath: string; listHref: string; noun: string }) {
  const query = new URL(listHref, "http://list.invalid").searchParams;
  query.delete("starting_after");
  const text = query.toString();
  return (
    <a
      href={text ? `${exportPath}?${text}` : exportPath}
      className="inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-100"
    >
      Export CSV<span className="sr-only"> of the {noun} these filters match</span>
    </a>
  );
}
