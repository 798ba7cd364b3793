import type { FormState } from "@/lib/forms";

/** A server action behind one of the order forms; it answers what to show, or redirects on success. */
export type OrderFormAction = (previous: FormState, formData: FormData) => Promise<FormState>;

/** What the page showed when it rendered a form, so an action can tell another tab switched business or mode. */
export interface OrderFormScope {
  merchantId: string;
  livemode: boolean;
}
