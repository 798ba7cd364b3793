import { describe, expect, test } from "vitest";
import type { CsvValue } from "./encode";
import { csvStream, type CsvBatchReader } from "./stream";

/** Batches of `size` numbered records out of `total`, counting the reads. */
function numbered(total: number, size: number) {
  const reads: (string | undefined)[] = [];
  const read: CsvBatchReader = async (cursor) => {
    reads.push(cursor);
    const start = cursor === undefined ? 0 : Number(cursor);
    const end = Math.min(start + size, total);
    const records: CsvValue[][] = [];
    for (let i = start; i < end; i++) records.push([i, `row ${i}`]);
    return { records, next: end < total ? String(end) : null };
  };
  return { read, reads };
}

/** The body as written: Response#text() would drop the BOM, which is part of what is tested. */
async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

describe("csvStream", () => {
  test("BOM, header, then every batch's records in order", async () => {
    const { read, reads } = numbered(5, 2);
    const body = await text(await csvStream(["n", "label"], read));
    expect(body).toBe("\uFEFFn,label\r\n0,row 0\r\n1,row 1\r\n2,row 2\r\n3,row 3\r\n4,row 4\r\n");
    expect(reads).toEqual([undefined, "2", "4"]);
  });

  test("an empty result is the header alone", async () => {
    const { read } = numbered(0, 2);
    expect(await text(await csvStream(["n", "label"], read))).toBe("\uFEFFn,label\r\n");
  });

  test("reads the next batch only when the reader asks: nothing piles up behind a slow client", async () => {
    const { read, reads } = numbered(1000, 10);
    const reader = (await csvStream(["n", "label"], read)).getReader();
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The first batch (read before the stream was handed back) and at most one ahead of the reader.
    expect(reads.length).toBeLessThanOrEqual(2);
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reads.length).toBeLessThanOrEqual(3);
    await reader.cancel();
  });

  test("a cancelled stream (the client went away) reads no further batch", async () => {
    const { read, reads } = numbered(1000, 10);
    const reader = (await csvStream(["n", "label"], read)).getReader();
    await reader.read();
    await reader.cancel();
    const after = reads.length;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reads.length).toBe(after);
    expect(after).toBeLessThan(5);
  });

  test("an aborted request signal ends the file at the next read", async () => {
    const { read, reads } = numbered(1000, 10);
    const abort = new AbortController();
    const reader = (await csvStream(["n", "label"], read, { signal: abort.signal })).getReader();
    await reader.read();
    abort.abort();
    for (let i = 0; i < 3; i++) if ((await reader.read()).done) break;
    expect((await reader.read()).done).toBe(true);
    expect(reads.length).toBeLessThan(5);
  });

  test("an error midway errors the stream and is reported", async () => {
    const reported: unknown[] = [];
    let calls = 0;
    const read: CsvBatchReader = async () => {
      if (calls++ > 0) throw new Error("connection lost");
      return { records: [[1, "one"]], next: "1" };
    };
    const stream = await csvStream(["n", "label"], read, { onError: (e) => reported.push(e) });
    await expect(text(stream)).rejects.toThrow("connection lost");
    expect(reported).toHaveLength(1);
  });

  test("an error in the first batch rejects before any byte is sent", async () => {
    await expect(csvStream(["n"], async () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
  });
});
