import { expect } from "@playwright/test";
import type { CaughtMail } from "@/test/mail-catcher";

// The emails the e2e server's SMTP server caught (scripts/e2e-server.mts serves them on the app port + 26).

function mailUrl(baseURL: string, to: string): string {
  const app = new URL(baseURL);
  return `http://127.0.0.1:${Number(app.port) + 26}/mails?to=${encodeURIComponent(to)}`;
}

/** Waits for a mail to `to` whose subject matches, and answers it (the newest such). */
export async function waitForMail(baseURL: string, to: string, subject: RegExp): Promise<CaughtMail> {
  let found: CaughtMail | undefined;
  await expect
    .poll(
      async () => {
        const mails = (await (await fetch(mailUrl(baseURL, to))).json()) as CaughtMail[];
        found = mails.filter((m) => subject.test(m.subject)).at(-1);
        return found?.subject ?? null;
      },
      { message: `an email to ${to} with subject ${subject}`, timeout: 15_000 },
    )
    .toMatch(subject);
  return found!;
}

/** The link to `pathPrefix` in a mail's plain text, as a path on the app (the app names itself APP_URL). */
export function linkPath(mail: CaughtMail, pathPrefix: string): string {
  const url = mail.text.match(/https?:\/\/[^\s<>"')]+/g)?.map((u) => new URL(u)).find((u) => u.pathname.startsWith(pathPrefix));
  if (!url) throw new Error(`no link to ${pathPrefix} in the email "${mail.subject}"`);
  return url.pathname + url.search;
}
