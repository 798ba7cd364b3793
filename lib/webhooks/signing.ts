import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

// Standard Webhooks signing (the `standardwebhooks` library): `webhook-signature` carries one `v1,<base64>`
// per active secret, space-separated, so during a rotation receivers holding either secret can verify.

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

export interface SignedHeaders {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
}

export function signWebhook(secrets: readonly string[], id: string, timestamp: Date, body: string): SignedHeaders {
  if (secrets.length === 0) throw new Error("no secret to sign with");
  const signatures = secrets.map((secret) => new Webhook(secret).sign(id, timestamp, body));
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
    "webhook-signature": signatures.join(" "),
  };
}

/** The secrets that sign now: the current one, and the previous one while its 24 hours last. */
export function activeSecrets(current: string, previous: string | null, previousExpiresAt: Date | null, now: Date = new Date()): string[] {
  return previous && previousExpiresAt && previousExpiresAt.getTime() > now.getTime() ? [current, previous] : [current];
}
