import type { FormState } from "@/lib/forms";
import type { MessageObject } from "@/lib/webhooks/serialize";

/** Sent with every webhook form, so an action can tell the page was showing another business or mode. */
export interface WebhookFormScope {
  merchantId: string;
  livemode: boolean;
}

/** An action's answer that may carry a new secret: it exists only in this one answer. */
export interface SecretState extends FormState {
  secret?: { id: string; value: string; url?: string };
}

export type WebhookFormAction = (previous: FormState, formData: FormData) => Promise<FormState>;
export type SecretFormAction = (previous: SecretState, formData: FormData) => Promise<SecretState>;

/**
 * One delivery as the logs show it: the API's message object, plus what it carried and where to, and — on a
 * platform's `connect` endpoint — the connected merchant whose event it was (null for the merchant's own).
 */
export type DeliveryView = MessageObject & { event_type: string; endpoint_url: string | null; connected_merchant: string | null };

/** An endpoint that is disabled, or failing since a time; the page warns about each. */
export interface EndpointHealthView {
  id: string;
  url: string;
  enabled: boolean;
  disabled_reason: string | null;
  failing_since: string | null;
}

/** The values of the endpoint form: `events` is the chosen types, or ["*"] for all. */
export interface EndpointFormValues {
  url: string;
  events: string[];
  description: string;
  /** Also the connected merchants' events (a platform's endpoints only). */
  connect: boolean;
}
