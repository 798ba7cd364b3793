import nodemailer from "nodemailer";
import type { Env } from "@/lib/core/env";

/** One email as the worker hands it to a transport. */
export interface OutgoingEmail {
  /** Our message id: becomes the Message-ID, so a resend after a crash can be recognised as the same mail. */
  id: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Files made for this send (an invoice or receipt PDF); never stored with the message. */
  attachments?: EmailAttachment[];
}

export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export type SendResult = { ok: true; providerMessageId: string | null; detail: string } | { ok: false; reason: string; permanent: boolean };

export interface EmailTransport {
  readonly name: "smtp" | "outbox";
  send(mail: OutgoingEmail): Promise<SendResult>;
  close(): void;
}

/**
 * The built-in outbox: the message is already stored with its rendered content, so "sending" it is marking
 * it sent. The dashboard (and, in development, /outbox) shows it.
 */
export const outboxEmail: EmailTransport = {
  name: "outbox",
  async send() {
    return { ok: true, providerMessageId: null, detail: "Kept in the outbox: no SMTP server is configured." };
  },
  close() {},
};

/** The domain of a `Name <user@domain>` or bare address, for Message-IDs. */
function senderDomain(from: string): string {
  const match = /@([^>\s]+)>?\s*$/.exec(from);
  return match?.[1] ?? "paylink.localhost";
}

/**
 * What an SMTP failure says, without what must never reach a log or the dashboard (the URL's password).
 * 5xx answers are permanent (the server refused this message: retrying sends the same refusal); anything
 * else — no connection, a timeout, 4xx — is worth retrying.
 */
export function describeSmtpFailure(error: unknown): { reason: string; permanent: boolean } {
  const e = error as { responseCode?: number; response?: string; code?: string; command?: string; message?: string };
  // A refused login is the operator's to fix (SMTP_URL), not the message's: retried, in case it is fixed meanwhile.
  if (e.code === "EAUTH") return { reason: "The SMTP server refused the user name or password.", permanent: false };
  // So is a server that cannot upgrade to TLS where smtp:// requires it (smtpConnection): its answer to STARTTLS
  // (500 "command not recognized") says nothing about this message, so it must not fail it for good.
  if (e.code === "ETLS" && e.command === "STARTTLS" && typeof e.responseCode === "number") {
    return { reason: `The SMTP server refused STARTTLS (it answered ${e.responseCode}), which smtp:// to another machine requires: use smtps://, or ?tls=optional for a relay without TLS.`, permanent: false };
  }
  if (typeof e.responseCode === "number") {
    const response = (e.response ?? "").replace(/\s+/g, " ").slice(0, 300);
    return { reason: `The SMTP server answered ${e.responseCode}: ${response}`, permanent: e.responseCode >= 500 };
  }
  const message = e.message ?? "";
  // nodemailer wraps socket errors as ESOCKET: the system error inside says what happened.
  const code = /ECONNREFUSED|EHOSTUNREACH|ENETUNREACH/.test(message) ? "ECONNECTION" : /ENOTFOUND|EAI_AGAIN/.test(message) ? "EDNS" : (e.code ?? "ERROR");
  const reasons: Record<string, string> = {
    ECONNECTION: "Could not connect to the SMTP server.",
    ETIMEDOUT: "The SMTP server did not answer in time.",
    EDNS: "The SMTP server's host name did not resolve.",
    EAUTH: "The SMTP server refused the user name or password.",
    ETLS: "The TLS handshake with the SMTP server failed.",
    ESOCKET: "The connection to the SMTP server failed.",
  };
  return { reason: reasons[code] ?? `Sending failed (${code}).`, permanent: false };
}

/**
 * nodemailer over the URL's SMTP server: `smtps://` is TLS from the first byte, `smtp://` upgrades with
 * STARTTLS (required, except as smtpConnection says). A pool of a few connections, reused: opening one per message would
 * cost a TCP and TLS handshake and a login each. Timeouts stay below the send job's expiry (60 s), so a
 * stuck server fails the attempt rather than making the queue think the worker died.
 */
export function smtpTransport(url: string, from: string): EmailTransport {
  const transporter = nodemailer.createTransport({
    // Not `url:` — nodemailer then takes the URL's settings alone and drops the pool and timeouts below.
    ...smtpConnection(url),
    pool: true,
    maxConnections: 4,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
    // Never log: nodemailer's logger would print addresses and, at debug, the message itself.
    logger: false,
  });
  const domain = senderDomain(from);
  return {
    name: "smtp",
    async send(mail) {
      try {
        const info = await transporter.sendMail({
          from,
          to: mail.to,
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          attachments: mail.attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
          messageId: `<${mail.id}@${domain}>`,
          headers: { "X-Paylink-Message": mail.id },
        });
        const accepted = (info.response ?? "").replace(/\s+/g, " ").slice(0, 200);
        return { ok: true, providerMessageId: info.messageId ?? null, detail: `Accepted by the SMTP server: ${accepted}` };
      } catch (error) {
        return { ok: false, ...describeSmtpFailure(error) };
      }
    },
    close() {
      transporter.close();
    },
  };
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1)$/i;

/**
 * SMTP_URL as nodemailer's connection options: `smtps://` is TLS from the start (port 465 by default),
 * `smtp://` must upgrade with STARTTLS (587): without `requireTLS`, anyone on the path could strip the offer
 * and read the login and the reset links. A relay on this machine (localhost) may speak plain SMTP, and so
 * may one the URL marks `?tls=optional` (an internal relay without TLS, knowingly).
 */
export function smtpConnection(url: string) {
  const parsed = new URL(url);
  const secure = parsed.protocol === "smtps:";
  const user = decodeURIComponent(parsed.username);
  const host = parsed.hostname.replace(/^\[(.*)\]$/, "$1");
  const plainAllowed = LOOPBACK.test(host) || parsed.searchParams.get("tls") === "optional";
  return {
    host,
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    secure,
    requireTLS: !secure && !plainAllowed,
    ...(user ? { auth: { user, pass: decodeURIComponent(parsed.password) } } : {}),
  };
}

export function emailTransportFromEnv(env: Pick<Env, "SMTP_URL" | "EMAIL_FROM">): EmailTransport {
  return env.SMTP_URL ? smtpTransport(env.SMTP_URL, env.EMAIL_FROM!) : outboxEmail;
}
