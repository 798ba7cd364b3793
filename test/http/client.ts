// A small HTTP client for the tests that drive a real app process over the wire: no redirects followed, a
// cookie jar, and a source address of its own. Every 127.x.y.z address is this machine's loopback, so two
// clients with different `from` addresses are two different peers to the server, as two people are.
import { request as httpRequest } from "node:http";

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The Location header, if any. */
  location: string | null;
}

export interface SendOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Form fields, sent as application/x-www-form-urlencoded. */
  form?: Record<string, string>;
  /** JSON, sent as application/json. */
  json?: unknown;
}

export class HttpClient {
  readonly cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    /** The source address this client connects from (127.0.0.1 unless told). */
    readonly from = "127.0.0.1",
  ) {}

  /** The Cookie header this client sends: every cookie it was given, whatever its path. */
  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  async send(path: string, options: SendOptions = {}): Promise<HttpAnswer> {
    const url = new URL(path, this.baseUrl);
    const headers: Record<string, string> = { ...options.headers };
    let body = options.body;
    if (options.form) {
      body = new URLSearchParams(options.form).toString();
      headers["content-type"] ??= "application/x-www-form-urlencoded";
    } else if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers["content-type"] ??= "application/json";
    }
    if (this.cookies.size > 0 && !headers.cookie) headers.cookie = this.cookieHeader();
    if (body !== undefined) headers["content-length"] ??= String(Buffer.byteLength(body));
    const answer = await new Promise<HttpAnswer>((resolve, reject) => {
      const req = httpRequest(
        { host: url.hostname, port: url.port, path: url.pathname + url.search, method: options.method ?? (body === undefined ? "GET" : "POST"), headers, localAddress: this.from },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString("utf8"),
              location: typeof res.headers.location === "string" ? res.headers.location : null,
            }),
          );
          res.on("error", reject);
        },
      );
      req.setTimeout(60_000, () => req.destroy(new Error(`no answer to ${path} within 60 s`)));
      req.on("error", reject);
      req.end(body);
    });
    for (const line of [answer.headers["set-cookie"] ?? []].flat()) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return answer;
  }

  /** Signs in through Auth.js's credentials endpoint, as the sign-in form's action does. */
  async signIn(email: string, password: string): Promise<HttpAnswer> {
    const csrf = JSON.parse((await this.send("/api/auth/csrf")).body) as { csrfToken: string };
    return this.send("/api/auth/callback/credentials", {
      form: { email, password, csrfToken: csrf.csrfToken, callbackUrl: `${this.baseUrl}/dashboard` },
      headers: { origin: this.baseUrl },
    });
  }

  /** Signs out through Auth.js's endpoint. */
  async signOut(): Promise<HttpAnswer> {
    const csrf = JSON.parse((await this.send("/api/auth/csrf")).body) as { csrfToken: string };
    return this.send("/api/auth/signout", { form: { csrfToken: csrf.csrfToken, callbackUrl: `${this.baseUrl}/signin` }, headers: { origin: this.baseUrl } });
  }
}

/** Whether a sign-in answer signed the client in: Auth.js redirects to the callback, not back with ?error=. */
export function signedIn(answer: HttpAnswer): boolean {
  return answer.status === 302 && !!answer.location && !answer.location.includes("error=");
}

/** The error Auth.js reports for a refused sign-in (`CredentialsSignin`, and our code). */
export function signInError(answer: HttpAnswer): string | null {
  if (!answer.location) return null;
  const url = new URL(answer.location, "http://x");
  return url.searchParams.get("code") ?? url.searchParams.get("error");
}
