import { CSV_BOM, csvRow, type CsvValue } from "./encode";

/**
 * Rows a batch reads: large enough that a million rows take a thousand short queries, small enough that a
 * batch (about 200 KB of CSV) is nothing to hold.
 */
export const CSV_BATCH_SIZE = 1000;

/** One batch of records and where the next one starts; `next` null when this was the last. */
export interface CsvBatch {
  records: CsvValue[][];
  next: string | null;
}

/** Reads the batch after `cursor` (undefined: the first one). */
export type CsvBatchReader = (cursor: string | undefined) => Promise<CsvBatch>;

export interface CsvStreamOptions {
  /** The request's signal: once the client has gone, no further batch is read. */
  signal?: AbortSignal;
  /** Told of an error that ends the file midway (the status line is sent by then: the download breaks off). */
  onError?: (error: unknown) => void;
}

/**
 * A CSV file (BOM, header, records) that reads its rows a batch at a time, only when the reader asks for more:
 * a pull source with the default high-water mark of one chunk, so at most one encoded batch waits in memory
 * while the client is slow, whatever the file's length. Cancelling the stream (the client disconnected) or
 * aborting `signal` stops it before its next read.
 *
 * The first batch is read before the stream is handed back, so a database that cannot be reached is an error
 * answer (503), not a 200 whose body breaks off.
 *
 * Batches by keyset (the list's `starting_after`), not a PostgreSQL cursor: a cursor would hold a pooled
 * connection and an open transaction for as long as the slowest client takes to download, past the 60 s the
 * server allows a session idle in a transaction (db/client.ts), and PGlite's driver has none. Each batch is a
 * short query of its own, so the file is not one snapshot: a row is as it was when its batch was read, and
 * rows made after the download began (newer ids) are not in it.
 */
export async function csvStream(header: readonly string[], readBatch: CsvBatchReader, options: CsvStreamOptions = {}): Promise<ReadableStream<Uint8Array>> {
  const { signal, onError } = options;
  const encoder = new TextEncoder();
  const encode = (records: CsvValue[][], prefix = "") => {
    let text = prefix;
    for (const record of records) text += csvRow(record);
    return encoder.encode(text);
  };
  const first = await readBatch(undefined);
  let firstChunk: Uint8Array | null = encode(first.records, CSV_BOM + csvRow(header));
  // Where the next batch starts; null once the last was read (or the client went away).
  let next = first.next;
  if (signal?.aborted) next = null;
  signal?.addEventListener("abort", () => (next = null), { once: true });

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (firstChunk) {
        controller.enqueue(firstChunk);
        firstChunk = null;
        if (next === null) controller.close();
        return;
      }
      if (next === null) return controller.close();
      try {
        const batch = await readBatch(next);
        if (next === null) return; // cancelled while the batch was read
        next = batch.next;
        if (batch.records.length) controller.enqueue(encode(batch.records));
        if (next === null) controller.close();
      } catch (error) {
        onError?.(error);
        controller.error(error);
      }
    },
    cancel() {
      next = null;
      firstChunk = null;
    },
  });
}
