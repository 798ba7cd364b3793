import { conventions, conventionsMarkdown } from "./conventions";
import { apiErrorCodes, errorObjectSchema } from "./errors";
import { describeProperties, toComponentSchemas } from "./json-schema";
import { operationObject, type ComponentSpec, type ResourceFactory } from "./resource";
import { eventsResource } from "./resources/events";
import { EXAMPLE_CONNECTED_MERCHANT, merchantsResource } from "./resources/merchants";
import { messagesResource } from "./resources/messages";
import { ordersResource } from "./resources/orders";
import { paymentLinksResource } from "./resources/payment-links";
import { processorNotificationsResource } from "./resources/processor-notifications";
import { refundsResource } from "./resources/refunds";
import { testHelpersResource } from "./resources/test-helpers";
import { webhookEndpointsResource } from "./resources/webhooks";
import type { OpenApiDocument, PathItemObject } from "./types";

// The OpenAPI 3.1 document of the v1 API, generated from the zod schemas the handlers validate with. Pure:
// no next, no database, so the route, the reference page and the tests build the same thing.

/** Every documented resource, in the order the reference shows them. A new resource is one more entry. */
export const RESOURCES: ResourceFactory[] = [
  paymentLinksResource,
  ordersResource,
  refundsResource,
  eventsResource,
  messagesResource,
  webhookEndpointsResource,
  merchantsResource,
  testHelpersResource,
  processorNotificationsResource,
];

/** Used where no real address is known (the static reference page). */
export const EXAMPLE_SERVER_URL = "https://paylink.example.com";

const SHARED_SCHEMAS: Record<string, ComponentSpec> = {
  Error: { schema: errorObjectSchema, io: "output", description: "The body of every error response." },
};

export interface BuildOptions {
  /** The public base URL of this Paylink (APP_URL), without `/api/v1`. */
  serverUrl?: string;
}

export function buildOpenApiDocument({ serverUrl = EXAMPLE_SERVER_URL }: BuildOptions = {}): OpenApiDocument {
  const base = serverUrl.replace(/\/+$/, "");
  const resources = RESOURCES.map((make) => make({ serverUrl: base }));

  const specs: Record<string, ComponentSpec> = {};
  for (const spec of [...resources.map((r) => r.schemas), SHARED_SCHEMAS]) {
    for (const [name, component] of Object.entries(spec)) {
      if (specs[name]) throw new Error(`OpenAPI: two resources define the schema ${name}.`);
      specs[name] = component;
    }
  }
  const schemas = toComponentSchemas(specs);
  for (const [name, spec] of Object.entries(specs)) {
    const schema = schemas[name]!;
    if (spec.description) schema.description = spec.description;
    if (spec.describeFrom || spec.notes) describeProperties(schema, spec.describeFrom ? schemas[spec.describeFrom] : undefined, spec.notes);
  }

  const paths: Record<string, PathItemObject> = {};
  for (const resource of resources) {
    for (const op of resource.operations) {
      const item = (paths[op.path] ??= {});
      if (item[op.method]) throw new Error(`OpenAPI: ${op.method.toUpperCase()} ${op.path} is documented twice.`);
      item[op.method] = operationObject(op, resource.tag.name, schemas);
    }
  }

  const sections = conventions(base);
  return {
    openapi: "3.1.0",
    info: {
      title: "Paylink API",
      version: "1",
      summary: "The JSON API of a self-hosted Paylink.",
      description: conventionsMarkdown(sections),
    },
    servers: [{ url: base, description: "This Paylink" }],
    security: [{ secretKey: [] }],
    tags: resources.map((r) => r.tag),
    paths,
    components: {
      schemas,
      securitySchemes: {
        secretKey: {
          type: "http",
          scheme: "bearer",
          description: "A secret API key, `sk_test_…` (test mode) or `sk_live_…` (live mode), from Developers in the dashboard.",
        },
      },
      parameters: {
        PaylinkMerchant: {
          name: "Paylink-Merchant",
          in: "header",
          required: false,
          description:
            "Platforms: acts as this connected merchant, exactly as its own key would (its objects in the key's mode; its `Idempotency-Key` scope and rate limit). A merchant not connected to this platform in the key's mode answers 404 `resource_missing`; the key of a business that is not a platform, 403 `forbidden`. The platform's own id acts as the platform. See Authentication.",
          schema: { type: "string" },
          example: EXAMPLE_CONNECTED_MERCHANT.id,
        },
        IdempotencyKey: {
          name: "Idempotency-Key",
          in: "header",
          required: false,
          description:
            "Makes a retry safe: the same key and body within 24 hours answer the first response again (with `Idempotent-Replayed: true`) and do nothing twice. 1 to 255 characters; a UUID is a good choice.",
          schema: { type: "string", minLength: 1, maxLength: 255 },
          example: "5f0c6a8e-6d1b-4a57-9d3e-2b8f0c1a7e44",
        },
      },
      headers: {
        "X-Request-Id": { description: "Identifies the request in the server's logs; quote it to support.", schema: { type: "string" } },
        "Idempotent-Replayed": {
          description: "`true` when this is the stored response of an earlier request with the same `Idempotency-Key`.",
          schema: { type: "string", enum: ["true"] },
        },
        "Retry-After": { description: "Seconds to wait before retrying.", required: true, schema: { type: "integer", minimum: 1 } },
      },
    },
    "x-conventions": sections,
    "x-error-codes": apiErrorCodes(),
  };
}
