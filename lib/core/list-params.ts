import { z } from "zod";

// What every list endpoint shares: the page size, the cursor, and the shape of the answer. Query parameters
// arrive as strings, so the schemas parse text.

const LIMIT_MESSAGE = "Must be an integer from 1 to 100.";

/** `limit`: how many objects a page holds, 1 to 100, 20 when absent. */
export const limitSchema = z
  .string()
  .regex(/^\d{1,3}$/, LIMIT_MESSAGE)
  .transform(Number)
  .pipe(z.number().min(1, LIMIT_MESSAGE).max(100, LIMIT_MESSAGE))
  .default(20);

/** `starting_after`: the id of the last object of the previous page, of the listed kind (`ord`, `evt`, …). */
export function startingAfterSchema(prefix: string, noun: string) {
  return z.string().regex(new RegExp(`^${prefix}_[0-9A-Za-z]+$`), `Must be ${noun} id.`).optional();
}

/** Retrieving one object takes no query parameters; any given is refused rather than ignored. */
export const noQuerySchema = z.strictObject({});

/** A page of objects as every list endpoint answers it. */
export interface ListResult<T> {
  object: "list";
  url: string;
  data: T[];
  has_more: boolean;
}

/** A page as a query reads it: one row more than asked tells whether another page follows. */
export interface Page<T> {
  rows: T[];
  hasMore: boolean;
}

/** Cuts the extra row a query read (`limit + 1`) into a page and the has-more flag. */
export function toPage<T>(rows: T[], limit: number): Page<T> {
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}
