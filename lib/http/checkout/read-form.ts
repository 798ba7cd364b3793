import { CHECKOUT_BODY_LIMIT } from "../body-limit";
import { isUnstorable } from "../request-text";

/** A post no checkout page sends: not a form at all, cut short, or with a NUL in a field. */
export class UnreadableForm extends Error {
  constructor() {
    super("The form could not be read.");
    this.name = "UnreadableForm";
  }
}

/**
 * The posted form. Anything a browser submitting the page could not have sent is refused (checkoutPost
 * answers 400) instead of being read as an empty form: an empty answer on the 3-D Secure page would count as
 * the buyer declining.
 */
export async function readForm(request: Request): Promise<FormData> {
  let data: FormData;
  try {
    // The proxy refuses a longer announced body; one sent without a length is counted here.
    const bytes = await request.arrayBuffer();
    if (bytes.byteLength > CHECKOUT_BODY_LIMIT) throw new UnreadableForm();
    data = await new Response(bytes, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw new UnreadableForm();
  }
  for (const [name, value] of data) {
    if (isUnstorable(name) || (typeof value === "string" && isUnstorable(value))) throw new UnreadableForm();
  }
  return data;
}
