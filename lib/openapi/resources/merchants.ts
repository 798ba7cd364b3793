import type { Merchant } from "@/db/schema";
import { merchantObjectSchema } from "@/lib/merchants/object-schema";
import {
  createConnectedMerchantSchema,
  listConnectedMerchantsSchema,
  updateConnectedMerchantSchema,
  type CreateConnectedMerchantInput,
  type UpdateConnectedMerchantInput,
} from "@/lib/merchants/schemas";
import { toMerchantObject } from "@/lib/merchants/serialize";
import { listComponent, listOperation, objectOperation } from "../operations";
import type { ResourceSpec } from "../resource";

// A platform's connected merchants (app/api/v1/merchants/**; API.md, "Platforms acting for their merchants").

const PATH = "/api/v1/merchants";

// A connected merchant as a database row, serialized by the code the API answers with (toMerchantObject).
export const EXAMPLE_CONNECTED_MERCHANT: Merchant = {
  id: "mch_0kS3b2CdE4fGhI5jKlMnOpQrS",
  name: "Harbour Street Bakery",
  country: "SE",
  defaultCurrency: "SEK",
  brandColor: "#4f46e5",
  logoUrl: null,
  onerwayMerchantNo: null,
  sendReceipts: true,
  // Fixed examples, not real secrets (the document must come out the same on every build); never serialized.
  callbackSecretTest: "whsec_ExampleExampleExampleExampleExampl=",
  callbackSecretLive: "whsec_ExampleExampleExampleExampleExampl=",
  platform: false,
  platformId: "mch_0kQw8ZyX7wVuTsRqPoNmLkJiH",
  connectedLivemode: false,
  email: "owner@harbourstreet.example",
  metadata: { account_id: "4711" },
  createdAt: new Date("2026-05-25T10:00:00.000Z"),
  updatedAt: new Date("2026-05-25T10:00:00.000Z"),
};

const CREATE_EXAMPLE = {
  name: "Harbour Street Bakery",
  country: "SE",
  default_currency: "SEK",
  email: "owner@harbourstreet.example",
  metadata: { account_id: "4711" },
} satisfies CreateConnectedMerchantInput;

const UPDATE_EXAMPLE = { name: "Harbour Street Bakery & Café", metadata: { tier: "gold" } } satisfies UpdateConnectedMerchantInput;

const NOT_A_PLATFORM = "The key of a business that is not a platform answers 403 `forbidden`, and so does a platform's key acting for a connected merchant (`Paylink-Merchant`): a connected merchant has no merchants of its own.";

export function merchantsResource(): ResourceSpec {
  const merchant = toMerchantObject(EXAMPLE_CONNECTED_MERCHANT);
  const updated = toMerchantObject({ ...EXAMPLE_CONNECTED_MERCHANT, name: UPDATE_EXAMPLE.name, metadata: { account_id: "4711", tier: "gold" } });
  const id = { description: "The connected merchant's id (`mch_…`).", example: EXAMPLE_CONNECTED_MERCHANT.id };
  return {
    tag: {
      name: "Connected merchants",
      "x-object-schema": "Merchant",
      description:
        "For platforms: the businesses a platform runs Paylink for. An owner makes a business a platform in Settings. A connected merchant exists in the mode of the key that created it; the platform's key acts as it, in that mode, with the `Paylink-Merchant` header (see Authentication).",
    },
    schemas: {
      Merchant: { schema: merchantObjectSchema, io: "output", description: "A connected merchant." },
      MerchantList: listComponent(merchantObjectSchema, PATH, "A page of connected merchants."),
      CreateMerchantRequest: {
        schema: createConnectedMerchantSchema,
        io: "input",
        description: "The new connected merchant's business.",
        describeFrom: "Merchant",
      },
      UpdateMerchantRequest: {
        schema: updateConnectedMerchantSchema,
        io: "input",
        description: "Only the fields you send change; country and currency are fixed.",
        describeFrom: "Merchant",
        notes: { metadata: 'Merged into the existing metadata; a key set to `""` is removed.' },
      },
    },
    operations: [
      {
        method: "post",
        path: PATH,
        operationId: "createMerchant",
        summary: "Create a connected merchant",
        description: `Creates a business connected to your platform, in this key's mode. A platform creates at most the installation's \`CONNECTED_MERCHANTS_MAX_PER_HOUR\` (100 unless set) per mode within an hour; more answer 429 \`rate_limited\` with \`Retry-After\`, and such a refusal is not stored under an \`Idempotency-Key\`. ${NOT_A_PLATFORM}`,
        body: { schema: "CreateMerchantRequest", example: CREATE_EXAMPLE },
        response: { status: 201, description: "The new connected merchant.", schema: "Merchant", example: merchant },
        errors: ["forbidden"],
      },
      {
        ...listOperation({
          path: PATH,
          operationId: "listMerchants",
          summary: "List connected merchants",
          description: `Your platform's connected merchants of this key's mode, newest first. ${NOT_A_PLATFORM}`,
          query: listConnectedMerchantsSchema,
          noun: { one: "merchant", many: "merchants" },
          response: { description: "A page of connected merchants.", schema: "MerchantList", example: merchant },
        }),
        errors: ["forbidden"],
      },
      objectOperation({
        path: `${PATH}/{id}`,
        operationId: "retrieveMerchant",
        summary: "Retrieve a connected merchant",
        description: `One of your connected merchants. Another platform's merchant, or one of the other mode, is answered exactly like an unknown id: 404. ${NOT_A_PLATFORM}`,
        id,
        response: { description: "The connected merchant.", schema: "Merchant", example: merchant },
        errors: ["forbidden"],
      }),
      objectOperation({
        method: "patch",
        path: `${PATH}/{id}`,
        operationId: "updateMerchant",
        summary: "Update a connected merchant",
        description: `Changes a connected merchant's name, contact email or metadata. ${NOT_A_PLATFORM}`,
        id,
        body: { schema: "UpdateMerchantRequest", example: UPDATE_EXAMPLE },
        response: { description: "The updated connected merchant.", schema: "Merchant", example: updated },
        errors: ["forbidden"],
      }),
    ],
  };
}
