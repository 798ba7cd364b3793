import { Browser, formOn, type HtmlForm } from "./http-clients";

// A buyer on the hosted checkout with JavaScript off, for the payment drills: open a link's page, then post
// its pay form with a test card, and see where the 303 leads.

export const TEST_CARD = { number: "4242 4242 4242 4242", expiry: "12/40", cvc: "123" };

export interface ReadyBuyer {
  browser: Browser;
  form: HtmlForm;
}

/** GETs the link's page (cookies, the form's one-time submission key) and returns the pay form. */
export async function openLink(base: string, linkToken: string): Promise<ReadyBuyer> {
  const browser = new Browser(() => base);
  const page = await browser.get(`/l/${linkToken}`);
  return { browser, form: formOn(page, /^\/l\/[0-9A-Za-z]+\/pay$/) };
}

export interface Submitted {
  status: number;
  location: string | null;
  /** From sending the post to its answer (the 303), in ms. */
  ms: number;
}

/** Posts the pay form once with the success card; does not follow the redirect. */
export async function pay({ browser, form }: ReadyBuyer, index: number): Promise<Submitted> {
  const fields: Record<string, string> = { ...form.hidden, method: "card", cardNumber: TEST_CARD.number, expiry: TEST_CARD.expiry, cvc: TEST_CARD.cvc };
  if (form.inputs.includes("email")) fields.email = `buyer${index}@example.com`;
  if (form.inputs.includes("name")) fields.name = `Buyer ${index}`;
  const started = Date.now();
  const answer = await browser.request("POST", form.action, fields);
  return { status: answer.status, location: answer.location, ms: Date.now() - started };
}
