import { ZodError } from "zod";

/**
 * One page of a dashboard list read with the filters from the URL. Filters the service's schema refuses (a
 * hand-edited date, a malformed cursor) are not an error page: the first page of everything is shown instead,
 * and why is added to `errors` for the page to say.
 */
export async function listOrEvery<T>(list: (params: Record<string, string>) => Promise<T>, params: Record<string, string>, errors: string[], noun: string): Promise<T> {
  try {
    return await list(params);
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    errors.push(`These filters could not be applied; showing every ${noun}.`);
    return list({ limit: params.limit! });
  }
}
