// A file as an HTTP answer (a QR image, a PDF): its type, the name a browser saves it under, shown in the
// browser or downloaded, and how long a browser may keep it.

export interface FileAnswer {
  body: Uint8Array | string;
  contentType: string;
  /** Letters, digits, `.`, `_` and `-` only: it is written into a header as is. */
  fileName: string;
  /** Saved by the browser (attachment) rather than shown (inline). */
  download?: boolean;
  cacheControl: string;
}

const SAFE_FILE_NAME = /^[A-Za-z0-9._-]{1,120}$/;

export function fileResponse({ body, contentType, fileName, download = false, cacheControl }: FileAnswer): Response {
  if (!SAFE_FILE_NAME.test(fileName)) throw new Error(`unsafe file name for Content-Disposition: ${JSON.stringify(fileName)}`);
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      "content-type": contentType,
      "content-length": String(bytes.byteLength),
      "content-disposition": `${download ? "attachment" : "inline"}; filename="${fileName}"`,
      "cache-control": cacheControl,
      "x-content-type-options": "nosniff",
    },
  });
}

/** `?download=1` asks for the file to be saved rather than shown. */
export function wantsDownload(request: Request): boolean {
  return new URL(request.url).searchParams.get("download") === "1";
}

/** The public documents' answer to a token that names nothing: a bare 404 that says no more. */
export function notFoundResponse(): Response {
  return new Response("Not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store" } });
}
