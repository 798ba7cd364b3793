import { render, toPlainText } from "@react-email/components";
import type { ReactElement } from "react";

/** An email template rendered to the HTML and plain-text parts of one message. */
export async function renderEmail(element: ReactElement): Promise<{ html: string; text: string }> {
  const html = await render(element);
  return { html, text: toPlainText(html) };
}
