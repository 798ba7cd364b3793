import { describe, expect, it } from "vitest";
import { NOTIFICATION_OUTCOMES } from "@/lib/core/statuses";
import { NOTIFICATION_TYPES, notificationReceiptSchema, SIGNATURE_HEADER, simulatorNotificationSchema } from "@/lib/processor/notification-wire";
import { verifySimulatorNotification } from "@/lib/processor/simulator-notifications";
import { buildOpenApiDocument } from "../document";
import { curlExample, parametersOf } from "../reference";
import type { JsonSchema } from "../types";
import { NOTIFICATION_EXAMPLE, SIGNATURE_EXAMPLE } from "./processor-notifications";

const doc = buildOpenApiDocument({ serverUrl: "https://pay.example.com" });
const PATH = "/api/processors/{connector}/notifications";
const op = doc.paths[PATH]!.post!;

describe("the processors' notification route in the OpenAPI document", () => {
  it("takes no API key, Paylink-Merchant or Idempotency-Key: the connector in the path and its signature header", () => {
    expect(op.operationId).toBe("receiveProcessorNotification");
    expect(op.security).toEqual([]);
    expect(parametersOf(doc, op).map((p) => [p.in, p.name.toLowerCase(), p.required])).toEqual([
      ["path", "connector", true],
      ["header", SIGNATURE_HEADER, true],
    ]);
    expect(op.responses["200"]!.headers).not.toHaveProperty("Idempotent-Replayed");
  });

  it("documents the body the simulator sends, and its example is one the simulator's verifier accepts with the documented signature", () => {
    const media = op.requestBody!.content["application/json"]!;
    expect(op.requestBody!.required).toBe(true);
    expect(media.schema).toEqual({ $ref: "#/components/schemas/ProcessorNotification" });
    const schema = doc.components.schemas.ProcessorNotification!;
    expect(schema.required).toEqual(["id", "type", "created", "data"]);
    expect(((schema.properties as Record<string, JsonSchema>).type!).enum).toEqual([...NOTIFICATION_TYPES]);
    expect(Object.keys((schema.properties as Record<string, JsonSchema>).data!.properties as object)).toEqual(["payment", "refund", "reference", "code", "message"]);
    expect(simulatorNotificationSchema.parse(media.example)).toEqual(media.example);

    const body = JSON.stringify(media.example);
    const header = parametersOf(doc, op).find((p) => p.in === "header")!;
    const at = new Date(NOTIFICATION_EXAMPLE.created * 1000);
    const verified = verifySimulatorNotification("example secret, not the app's", new Headers({ [SIGNATURE_HEADER]: String(header.example) }), body, at);
    expect(verified).toEqual({ id: NOTIFICATION_EXAMPLE.id, type: "payment.succeeded", paymentId: NOTIFICATION_EXAMPLE.data.payment, reference: NOTIFICATION_EXAMPLE.data.reference });
    expect(header.example).toBe(SIGNATURE_EXAMPLE);
    expect(verifySimulatorNotification("another secret", new Headers({ [SIGNATURE_HEADER]: SIGNATURE_EXAMPLE }), body, at)).toBeNull();
  });

  it("answers 200 {received, outcome}, 401 signature_invalid, 404 for an unknown processor", () => {
    const ok = op.responses["200"]!.content!["application/json"]!;
    expect(ok.schema).toEqual({ $ref: "#/components/schemas/ProcessorNotificationReceipt" });
    expect(notificationReceiptSchema.parse(ok.example)).toEqual({ received: true, outcome: "applied" });
    const receipt = doc.components.schemas.ProcessorNotificationReceipt!.properties as Record<string, JsonSchema>;
    expect(receipt.outcome!.enum).toEqual([...NOTIFICATION_OUTCOMES]);

    expect(Object.keys(op.responses)).toEqual(["200", "400", "401", "404", "500"]);
    expect(Object.keys(op.responses["401"]!.content!["application/json"]!.examples!)).toEqual(["signature_invalid"]);
    expect(Object.keys(op.responses["404"]!.content!["application/json"]!.examples!)).toEqual(["resource_missing"]);
    expect(op["x-error-codes"]).toEqual(["invalid_json", "signature_invalid", "resource_missing", "internal_error"]);
    // Every code it answers is in the document's table of error codes.
    expect(doc["x-error-codes"].map((e) => e.code)).toEqual(expect.arrayContaining(op["x-error-codes"]));
  });

  it("shows a curl command with the signature instead of an API key", () => {
    const curl = curlExample(doc, { method: "post", path: PATH, operation: op });
    expect(curl).toMatch(/^curl -X POST https:\/\/pay\.example\.com\/api\/processors\/simulator\/notifications \\\n/);
    expect(curl).not.toContain("Authorization");
    expect(curl).toContain(`-H "Simulator-Signature: ${SIGNATURE_EXAMPLE}"`);
    expect(curl).toContain(`"type": "payment.succeeded"`);
  });
});
