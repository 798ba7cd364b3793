import type { FormState } from "@/lib/forms";

/** What the create-or-roll action answers: on success, the new secret key, which exists only in this answer. */
export interface CreateOnerwayKeyState extends FormState {
  created?: { merchantNo: string; secretKey: string; livemode: boolean };
}

export type CreateOnerwayKeyAction = (previous: CreateOnerwayKeyState, formData: FormData) => Promise<CreateOnerwayKeyState>;
export type RevokeOnerwayKeyAction = (previous: FormState, formData: FormData) => Promise<FormState>;

/** What the page shows of the Onerway-compatible credentials: never the key, only its last four characters. */
export interface OnerwayCredentialsView {
  merchantNo: string | null;
  /** The key of the mode the dashboard shows, if it has one. */
  key: { last4: string; createdAt: Date } | null;
}
