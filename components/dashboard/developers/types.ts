import type { FormState } from "@/lib/forms";

/** What the create-key action answers: on success, the new key's secret, which exists only in this answer. */
export interface CreateApiKeyState extends FormState {
  created?: { id: string; secret: string; name: string | null; livemode: boolean };
}

export type CreateApiKeyAction = (previous: CreateApiKeyState, formData: FormData) => Promise<CreateApiKeyState>;
export type RevokeApiKeyAction = (previous: FormState, formData: FormData) => Promise<FormState>;

/** One key as the list shows it: never the secret, only its mask. */
export interface ApiKeyView {
  id: string;
  name: string | null;
  masked: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** Sent with every key form, so an action can tell the page was showing another business or mode. */
export interface KeyFormScope {
  merchantId: string;
  livemode: boolean;
}
