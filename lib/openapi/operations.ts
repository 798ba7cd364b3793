import { z } from "zod";
import { noQuerySchema } from "@/lib/core/list-params";
import type { ComponentSpec, JsonResponseSpec, OperationSpec } from "./resource";

// The two operation shapes every resource repeats: a page of its objects, and one object by id. What they
// share (the pagination parameters, the list envelope, the refusal of unknown parameters) is written here once.

/** A page of objects as every list endpoint answers it (`ListResult` in lib/core/list-params). */
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

/** The component of a page of `item`s read from `url`. */
export function listComponent(item: z.ZodType, url: string, description: string): ComponentSpec {
  return { schema: listObjectSchema(item, url), io: "output", description };
}

/** An example page, shaped like the schema above. */
export function exampleList<T>(url: string, data: T[]) {
  return { object: "list" as const, url, data, has_more: false };
}

/** Operations that take no parameters still refuse unknown ones (parameter_unknown), so they say so. */
export const NO_PARAMETERS = { schema: noQuerySchema, descriptions: {} };

type PathParam = { description: string; example: string };
type Described = Pick<OperationSpec, "path" | "operationId" | "summary" | "description">;

/**
 * `GET` a page of objects: `limit` and `starting_after` described in the resource's own words (`noun`, one and
 * many), then its filters. The example page holds `example` and was read from `url` (the path by default).
 */
export function listOperation({
  query,
  noun,
  filters,
  response,
  ...op
}: Described & {
  pathParams?: Record<string, PathParam>;
  query: z.ZodObject;
  noun: { one: string; many: string };
  filters?: Record<string, string>;
  response: { description: string; schema: string; example: unknown; url?: string };
}): OperationSpec {
  const descriptions = {
    limit: `How many ${noun.many} to answer, 1 to 100 (default 20).`,
    starting_after: `A cursor: the id of the last ${noun.one} of the previous page.`,
    ...filters,
  };
  const example = exampleList(response.url ?? op.path, [response.example]);
  return { method: "get", ...op, query: { schema: query, descriptions }, response: { status: 200, description: response.description, schema: response.schema, example } };
}

/**
 * An operation on one object, named by its `{id}`, that takes no query parameters: retrieve it (the default,
 * `GET`), change it, or act on it (`POST …/{id}/void`, `DELETE …/{id}`). The answer is 200 unless it says 201.
 */
export function objectOperation({
  method = "get",
  id,
  response,
  ...op
}: Described &
  Pick<OperationSpec, "body" | "errors"> & {
    method?: OperationSpec["method"];
    id: PathParam;
    response: Omit<JsonResponseSpec, "status"> & { status?: 201 };
  }): OperationSpec {
  return { method, ...op, pathParams: { id }, query: NO_PARAMETERS, response: { status: 200, ...response } };
}
