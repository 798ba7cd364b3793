import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** One email as the SMTP server received it, parsed by mailparser as a mailbox would. */
export interface CaughtMail {
  /** When the server accepted the message (after the final dot): what "sent" means for SMTP. */
  acceptedAt: number;
  envelopeFrom: string;
  envelopeTo: string[];
  messageId: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  /** Attached files, their content in base64 (so the JSON of serveCaughtMail carries them too). */
  attachments: { filename: string; contentType: string; content: string }[];
}

export interface MailCatcherOptions {
  /** Reject the n-th message (1-based) with this SMTP answer, e.g. `{ code: 451, message: "try later" }`. */
  refuse?: (n: number) => { code: number; message: string } | null;
  /** SMTP AUTH: only these credentials are accepted (AUTH PLAIN/LOGIN over a plain connection, test only). */
  auth?: { user: string; pass: string };
  port?: number;
}

/**
 * A real SMTP server (the `smtp-server` package) on 127.0.0.1, for the tests: whatever Paylink sends over SMTP
 * lands here and is parsed with `mailparser`. `url` names it by host name (`smtp://localhost:port`), as a real
 * SMTP_URL does. No TLS: nodemailer would upgrade with STARTTLS if it were offered.
 */
export async function startMailCatcher(options: MailCatcherOptions = {}) {
  const mails: CaughtMail[] = [];
  let received = 0;
  const server = new SMTPServer({
    disabledCommands: options.auth ? ["STARTTLS"] : ["STARTTLS", "AUTH"],
    authOptional: !options.auth,
    allowInsecureAuth: true,
    logger: false,
    size: 10 * 1024 * 1024,
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass) return callback(null, { user: auth.username });
      return callback(Object.assign(new Error("Invalid username or password"), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received += 1;
        const refusal = options.refuse?.(received);
        if (refusal) return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
        const acceptedAt = Date.now();
        simpleParser(Buffer.concat(chunks))
          .then((parsed) => {
            const headers: Record<string, string> = {};
            for (const [key, value] of parsed.headers) headers[key] = typeof value === "string" ? value : JSON.stringify(value);
            mails.push({
              acceptedAt,
              envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              envelopeTo: session.envelope.rcptTo.map((r) => r.address),
              messageId: parsed.messageId ?? "",
              from: parsed.from?.text ?? "",
              to: [parsed.to].flat().map((a) => a?.text ?? "").join(", "),
              subject: parsed.subject ?? "",
              html: typeof parsed.html === "string" ? parsed.html : "",
              text: parsed.text ?? "",
              headers,
              attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? "", contentType: a.contentType, content: a.content.toString("base64") })),
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  // A client that drops its connection (a worker killed mid-send, as the benchmark's teardown and the drills do)
  // makes the server emit "error": an EventEmitter with no listener would throw it and end this process.
  const connectionErrors: Error[] = [];
  server.on("error", (error: Error) => connectionErrors.push(error));
  const { port } = server.server.address() as AddressInfo;
  const credentials = options.auth ? `${encodeURIComponent(options.auth.user)}:${encodeURIComponent(options.auth.pass)}@` : "";
  return {
    url: `smtp://${credentials}localhost:${port}`,
    port,
    mails,
    /** Errors of clients' connections (a reset, a timeout), kept rather than thrown. */
    connectionErrors,
    /** Every mail sent to `to` so far. */
    to: (to: string) => mails.filter((m) => m.envelopeTo.includes(to.toLowerCase()) || m.envelopeTo.includes(to)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type MailCatcher = Awaited<ReturnType<typeof startMailCatcher>>;

/**
 * The caught mails over HTTP (`GET /mails?to=address`, JSON), for tests in another process than the catcher:
 * the e2e server runs the catcher, and the Playwright tests read what it caught.
 */
export async function serveCaughtMail(catcher: MailCatcher, port = 0): Promise<{ url: string; server: HttpServer }> {
  const server = createHttpServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const to = url.searchParams.get("to");
    const mails = to ? catcher.to(to) : catcher.mails;
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify(mails));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** The first absolute http(s) URL in a text whose path starts with `pathPrefix`. */
export function linkIn(text: string, pathPrefix: string): string {
  const match = text.match(/https?:\/\/[^\s"'<>)]+/g)?.find((candidate) => new URL(candidate).pathname.startsWith(pathPrefix));
  if (!match) throw new Error(`no link to ${pathPrefix} in:\n${text}`);
  return match;
}
