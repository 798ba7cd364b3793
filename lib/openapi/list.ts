import { z } from "zod";

/** A page of objects as every list endpoint answers it (`ListResult` in lib/services). */
export function listObjectSchema<T extends z.ZodType>(item: T, url: string) {
  return z.object({
    object: z.literal("list").meta({ description: 'Always "list".' }),
    url: z.string().meta({ description: "The path this list was read from.", examples: [url] }),
    data: z.array(item).meta({ description: "The page of objects, newest first." }),
    has_more: z.boolean().meta({
      description: "Whether more objects follow; fetch them with `starting_after` set to the last id in `data`.",
    }),
  });
}

/** An example page, shaped like the schema above. */
export function exampleList<T>(url: string, data: T[]) {
  return { object: "list" as const, url, data, has_more: false };
}
