// GET /docs/onerway/openapi.json — the OpenAPI 3.1 document of the Onerway-compatible endpoints. Public.
import { getEnv } from "@/lib/core/env";
import { route } from "@/lib/http/route";
import { buildOnerwayOpenApiDocument } from "@/lib/onerway/openapi";

// As /api/v1/openapi.json: the server URL is the configured APP_URL, never the request's Host, since the answer
// is publicly cacheable.
let cached: { serverUrl: string; body: string } | undefined;

export const GET = route(async () => {
  const serverUrl = getEnv().APP_URL;
  if (cached?.serverUrl !== serverUrl) cached = { serverUrl, body: JSON.stringify(buildOnerwayOpenApiDocument({ serverUrl })) };
  return new Response(cached.body, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "public, max-age=300",
      // Lets API tools on other origins load it; no credentials involved.
      "access-control-allow-origin": "*",
    },
  });
});

export { unrecognizedRequest as POST, unrecognizedRequest as PUT, unrecognizedRequest as PATCH, unrecognizedRequest as DELETE } from "@/lib/http/unrecognized";
