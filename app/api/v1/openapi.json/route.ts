// GET /api/v1/openapi.json — the OpenAPI 3.1 document of the v1 API. Public: reading the docs needs no key.
import { getEnv } from "@/lib/core/env";
import { route } from "@/lib/http/route";
import { buildOpenApiDocument } from "@/lib/openapi/document";

// The server URL is the configured APP_URL, not the request's Host: the answer is publicly cacheable, and a
// forged Host header must not end up in a shared cache as the address clients send their keys to.
let cached: { serverUrl: string; body: string } | undefined;

export const GET = route(async () => {
  const serverUrl = getEnv().APP_URL;
  if (cached?.serverUrl !== serverUrl) cached = { serverUrl, body: JSON.stringify(buildOpenApiDocument({ serverUrl })) };
  return new Response(cached.body, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "public, max-age=300",
      // Lets API tools on other origins (Swagger UI, Postman on the web) load it; no credentials involved.
      "access-control-allow-origin": "*",
    },
  });
});

// Other methods: the contract's JSON 404 rather than Next's empty 405.
export { unrecognizedRequest as POST, unrecognizedRequest as PUT, unrecognizedRequest as PATCH, unrecognizedRequest as DELETE } from "@/lib/http/unrecognized";
