// HTTP clients for the drills that drive the real app: an API client that tells "no answer" (the process died
// under the request) from an answer, retrying with the same Idempotency-Key as a careful client would, and a
// browser without JavaScript for the hosted checkout (forms, 303s, cookies; several app instances behind it).
import { sleep } from "./harness";

export interface Answer {
  status: number;
  headers: Headers;
  body: string;
}

/** One try: the server's answer, or the reason there was none (refused, reset, timed out). */
export type Attempt = { kind: "answer"; answer: Answer; at: number } | { kind: "no_answer"; error: string; at: number };

function describeFailure(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

/** Sends once; any failure to get a whole answer counts as no answer. */
export async function attempt(url: string, init: RequestInit & { timeoutMs?: number }): Promise<Attempt> {
  try {
    const response = await fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(init.timeoutMs ?? 30_000) });
    const body = await response.text();
    return { kind: "answer", answer: { status: response.status, headers: response.headers, body }, at: Date.now() };
  } catch (error) {
    return { kind: "no_answer", error: describeFailure(error), at: Date.now() };
  }
}

/** The contract's error code of an answer, if it is an error body. */
export function errorCode(answer: Answer): string | null {
  try {
    return (JSON.parse(answer.body) as { error?: { code?: string } }).error?.code ?? null;
  } catch {
    return null;
  }
}

/** The history of one logical API request (one key, one body), across retries. */
export interface IdempotentCall {
  key: string;
  path: string;
  body: string;
  startedAt: number;
  /** When the final answer (not a 409 in_use) arrived. */
  answeredAt: number | null;
  attempts: Attempt[];
  final: Answer | null;
}

export interface RetryPolicy {
  /** Delay between tries after no answer or a 409 idempotency_key_in_use. */
  backoffMs: number;
  /** Give up (the call stays unanswered) after this long. */
  deadlineMs: number;
}

/**
 * POSTs with an Idempotency-Key until the server answers with something other than 409
 * `idempotency_key_in_use`: the same key and byte-identical body on every try, as the contract asks of clients.
 */
export async function postIdempotently(
  baseUrl: () => string,
  secretKey: string,
  call: IdempotentCall,
  policy: RetryPolicy,
  onTry?: (phase: "start" | "end") => void,
): Promise<IdempotentCall> {
  for (;;) {
    onTry?.("start");
    const result = await attempt(`${baseUrl()}${call.path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${secretKey}`, "content-type": "application/json", "idempotency-key": call.key },
      body: call.body,
    });
    onTry?.("end");
    call.attempts.push(result);
    if (result.kind === "answer" && !(result.answer.status === 409 && errorCode(result.answer) === "idempotency_key_in_use")) {
      call.final = result.answer;
      call.answeredAt = result.at;
      return call;
    }
    if (Date.now() - call.startedAt > policy.deadlineMs) return call;
    await sleep(policy.backoffMs);
  }
}

/** Runs `task` over `items`, `width` at a time (checks that read back hundreds of objects). */
export async function inBatches<T>(items: readonly T[], width: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

/** An authenticated JSON request that must be answered (setup and checks, not the load under test). */
export async function api<T = Record<string, unknown>>(baseUrl: string, secretKey: string, method: string, path: string, body?: unknown, key?: string): Promise<{ status: number; body: T; headers: Headers }> {
  const headers: Record<string, string> = { authorization: `Bearer ${secretKey}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (key) headers["idempotency-key"] = key;
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(30_000) });
  return { status: response.status, body: (await response.json()) as T, headers: response.headers };
}

// ---------------------------------------------------------------------------------------------------------
// A browser with JavaScript off.

export interface HtmlForm {
  action: string;
  method: string;
  /** Hidden inputs, by name. */
  hidden: Record<string, string>;
  /** Names of every input (hidden or not). */
  inputs: string[];
  /** Submit buttons that carry a name and value. */
  buttons: { name: string; value: string }[];
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?/g)) found[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? "");
  return found;
}

/** The forms of a server-rendered page (the checkout's HTML is simple: no nested forms, quoted attributes). */
export function parseForms(html: string): HtmlForm[] {
  const forms: HtmlForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attrs = attributes(m[1]!);
    const inner = m[2]!;
    const hidden: Record<string, string> = {};
    const inputs: string[] = [];
    for (const input of inner.matchAll(/<input\b([^>]*)>/g)) {
      const a = attributes(input[1]!);
      if (!a.name) continue;
      inputs.push(a.name);
      if (a.type === "hidden") hidden[a.name] = a.value ?? "";
    }
    const buttons: { name: string; value: string }[] = [];
    for (const button of inner.matchAll(/<button\b([^>]*)>/g)) {
      const a = attributes(button[1]!);
      if (a.name) buttons.push({ name: a.name, value: a.value ?? "" });
    }
    forms.push({ action: attrs.action ?? "", method: (attrs.method ?? "get").toLowerCase(), hidden, inputs, buttons });
  }
  return forms;
}

/** A page the browser ended on after following redirects. */
export interface Page {
  path: string;
  status: number;
  html: string;
  /** Every request of the navigation: method, app base, path, status. */
  hops: { method: string; base: string; path: string; status: number }[];
}

interface Cookie {
  value: string;
  path: string;
}

/**
 * One buyer's browser: no JavaScript, cookies by name and path (a browser's cookies are per host, not per port,
 * so every app instance on 127.0.0.1 sees them), redirects followed by hand. `pickBase` chooses the app instance
 * for each request, as a load balancer would.
 */
export class Browser {
  private cookies = new Map<string, Cookie>();
  readonly requests: { method: string; base: string; path: string; status: number }[] = [];

  constructor(private readonly pickBase: () => string) {}

  private cookieHeader(path: string): string | undefined {
    const matching = [...this.cookies].filter(([, c]) => path === c.path || path.startsWith(c.path.endsWith("/") ? c.path : `${c.path}/`));
    return matching.length ? matching.map(([name, c]) => `${name}=${c.value}`).join("; ") : undefined;
  }

  private storeCookies(headers: Headers, requestPath: string) {
    for (const line of headers.getSetCookie()) {
      const [pair, ...params] = line.split(";").map((s) => s.trim());
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      let path = requestPath;
      let expired = false;
      for (const param of params) {
        const [k, v] = param.split("=");
        if (k!.toLowerCase() === "path") path = v ?? "/";
        if (k!.toLowerCase() === "max-age" && Number(v) <= 0) expired = true;
      }
      const id = `${name}`;
      const existing = this.cookies.get(id);
      if (expired) {
        if (existing?.path === path) this.cookies.delete(id);
      } else {
        this.cookies.set(id, { value, path });
      }
    }
  }

  /** One request, no redirect followed. */
  async request(method: "GET" | "POST", path: string, form?: Record<string, string>, base = this.pickBase()): Promise<{ status: number; location: string | null; html: string; base: string }> {
    const headers: Record<string, string> = { accept: "text/html", "sec-fetch-site": "same-origin" };
    const cookie = this.cookieHeader(path);
    if (cookie) headers.cookie = cookie;
    let body: string | undefined;
    if (form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(form).toString();
    }
    const response = await fetch(`${base}${path}`, { method, headers, body, redirect: "manual", signal: AbortSignal.timeout(30_000) });
    const html = await response.text();
    this.storeCookies(response.headers, path);
    this.requests.push({ method, base, path, status: response.status });
    const location = response.headers.get("location");
    return { status: response.status, location: location ? new URL(location, base).pathname : null, html, base };
  }

  /** GET `path` and follow redirects (Location, or a meta refresh to another page) to the page they end on. */
  async get(path: string): Promise<Page> {
    return this.follow(await this.request("GET", path), path);
  }

  /** Posts a form (its hidden fields plus `fields`) and follows the redirects. */
  async submit(form: HtmlForm, fields: Record<string, string>, base?: string): Promise<Page> {
    const path = form.action;
    return this.follow(await this.request("POST", path, { ...form.hidden, ...fields }, base), path, "POST");
  }

  async follow(first: Awaited<ReturnType<Browser["request"]>>, path: string, method = "GET"): Promise<Page> {
    const hops = [{ method, base: first.base, path, status: first.status }];
    let current = first;
    let currentPath = path;
    for (let i = 0; i < 10; i++) {
      const refresh = current.status === 200 ? /<meta[^>]*http-equiv="refresh"[^>]*content="\d+;\s*url=([^"]+)"/i.exec(current.html) : null;
      if (current.status >= 300 && current.status < 400 && current.location) {
        currentPath = current.location;
      } else if (refresh) {
        // Next's redirect() after the page began streaming: a meta refresh to where it sends the buyer.
        currentPath = new URL(decodeEntities(refresh[1]!), current.base).pathname;
      } else {
        return { path: currentPath, status: current.status, html: current.html, hops };
      }
      current = await this.request("GET", currentPath);
      hops.push({ method: "GET", base: current.base, path: currentPath, status: current.status });
    }
    throw new Error(`too many redirects from ${path}: ${JSON.stringify(hops)}`);
  }
}

/** The one form on a page whose action matches; throws with the page's text when there is none. */
export function formOn(page: Page, action: RegExp): HtmlForm {
  const form = parseForms(page.html).find((f) => action.test(f.action));
  if (!form) throw new Error(`no form matching ${action} on ${page.path} (${page.status}): ${page.html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").slice(0, 600)}`);
  return form;
}
