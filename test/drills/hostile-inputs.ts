// The requests of the fault drill test/drills/hostile-input.drill.test.ts (issue #6): JSON bodies, query
// strings, paths and headers built from the corpus in ./hostile-values. Deterministic: request `n` of a seed is
// always the same bytes, so one failure can be replayed alone.
import { BAD_PERCENT, Bytes, ByteString, CARD_NUMBERS, deepArray, deepObject, encodeJson, hostileComponent, hostileString, hostileValue, INVALID_UTF8, type JsonLike, longString, ODD_UNICODE, Pairs, pct, plainComponent, Rand, randFor, Raw, SCRIPT_INJECTION, SQL_INJECTION, stringsIn } from "./hostile-values";
// ---------------------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------------------

export type IdSlot = "link" | "linkPatch" | "order" | "orderCancel" | "orderVoid" | "orderCapture" | "orderRefund" | "refund" | "event" | "message" | "endpoint" | "endpointDelete" | "merchant";
export type BodyKind = "linkCreate" | "linkUpdate" | "orderCreate" | "capture" | "refund" | "endpointCreate" | "endpointUpdate" | "resend" | "send" | "merchantCreate" | "merchantUpdate" | "empty";
export type QueryKind = "linkList" | "orderList" | "refundList" | "eventList" | "messageList" | "endpointList" | "merchantList" | "none";
type Method = "GET" | "POST" | "PATCH" | "DELETE" | "PUT";

export interface ApiRouteSpec {
  /** The route's file under app/api/v1, e.g. "payment_links/[id]". */
  file: string;
  methods: Partial<Record<Method, { slot?: IdSlot; body?: BodyKind; query?: QueryKind }>>;
}

/** Every route handler under app/api/v1 (the drill checks this list against the files). */
export const API_ROUTES: readonly ApiRouteSpec[] = [
  { file: "payment_links", methods: { GET: { query: "linkList" }, POST: { body: "linkCreate" } } },
  { file: "payment_links/[id]", methods: { GET: { slot: "link" }, PATCH: { slot: "linkPatch", body: "linkUpdate" } } },
  { file: "payment_links/[id]/send", methods: { POST: { slot: "link", body: "send" } } },
  { file: "payment_links/[id]/funnel", methods: { GET: { slot: "link" } } },
  { file: "orders", methods: { GET: { query: "orderList" }, POST: { body: "orderCreate" } } },
  { file: "orders/[id]", methods: { GET: { slot: "order" } } },
  { file: "orders/[id]/invoice", methods: { GET: { slot: "order" } } },
  { file: "orders/[id]/cancel", methods: { POST: { slot: "orderCancel", body: "empty" } } },
  { file: "orders/[id]/send", methods: { POST: { slot: "order", body: "send" } } },
  { file: "orders/[id]/void", methods: { POST: { slot: "orderVoid", body: "empty" } } },
  { file: "orders/[id]/capture", methods: { POST: { slot: "orderCapture", body: "capture" } } },
  { file: "orders/[id]/refunds", methods: { GET: { slot: "orderRefund", query: "refundList" }, POST: { slot: "orderRefund", body: "refund" } } },
  { file: "refunds/[id]", methods: { GET: { slot: "refund" } } },
  { file: "events", methods: { GET: { query: "eventList" } } },
  { file: "events/[id]", methods: { GET: { slot: "event" } } },
  { file: "messages", methods: { GET: { query: "messageList" } } },
  { file: "messages/[id]", methods: { GET: { slot: "message" } } },
  { file: "webhook_endpoints", methods: { GET: { query: "endpointList" }, POST: { body: "endpointCreate" } } },
  {
    file: "webhook_endpoints/[id]",
    methods: { GET: { slot: "endpoint" }, PATCH: { slot: "endpoint", body: "endpointUpdate" }, DELETE: { slot: "endpointDelete" } },
  },
  { file: "webhook_endpoints/[id]/rotate_secret", methods: { POST: { slot: "endpoint", body: "empty" } } },
  { file: "webhook_endpoints/[id]/resend", methods: { POST: { slot: "endpoint", body: "resend" } } },
  { file: "merchants", methods: { GET: { query: "merchantList" }, POST: { body: "merchantCreate" } } },
  { file: "merchants/[id]", methods: { GET: { slot: "merchant" }, PATCH: { slot: "merchant", body: "merchantUpdate" } } },
  { file: "test_helpers/settle", methods: { POST: { body: "empty" } } },
  { file: "openapi.json", methods: { GET: {} } },
];

/** The route files that only answer "unrecognized request" (/api/v1 itself, and any unknown path below it). */
export const UNRECOGNIZED_ROUTE_FILES = ["", "[...path]"];
const UNKNOWN: ApiRouteSpec = { file: "[...path]", methods: { GET: {}, POST: {}, PATCH: {}, DELETE: {}, PUT: {} } };

export type KeyName = "test" | "live" | "other";

export interface Fixtures {
  /** Secret keys: merchant A in test and live mode, and merchant B. */
  keys: Record<KeyName, string>;
  /** Ids for each path slot: merchant A's objects first, then B's (which A's key must not see). */
  ids: Record<IdSlot, string[]>;
  /** Checkout tokens: links (fixed and custom amount) and orders (open, 3-D Secure pending, paid, B's). */
  linkTokens: string[];
  orderTokens: string[];
  /** An event of merchant A (for resend). */
  eventId: string;
  /**
   * `Paylink-Merchant` values that name real merchants (merchant A is a platform): A's connected merchants of
   * each mode, another platform's, A itself, and B (no platform's).
   */
  actingMerchants: string[];
}

export interface HostileRequest {
  n: number;
  kind: "api" | "checkout" | "page";
  /** What it exercises, for grouping failures: "POST payment_links", "checkout /o/[token]/pay". */
  target: string;
  /** How it was made hostile, for the failure report. */
  label: string;
  method: string;
  /** The request target as written on the wire (latin1). */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Strings an answer may quote back (an unknown id, a parameter name): not a leak. */
  echoes: string[];
  key?: KeyName;
}

function baseBody(kind: BodyKind, r: Rand, fx: Fixtures, n: number): Record<string, JsonLike> {
  switch (kind) {
    case "linkCreate": {
      const body: Record<string, JsonLike> = { item_name: "Widget", currency: "USD", default_country: "US" };
      if (r.chance(0.8)) body.amount = 1500;
      else body.custom_amount = { minimum: 500, maximum: 100_000, preset: 2000 };
      if (r.chance(0.5)) body.name = "Hostile drill link";
      if (r.chance(0.4)) body.description = "A description";
      if (r.chance(0.3)) body.payment_methods = ["card", "alipay"];
      if (r.chance(0.3)) body.after_completion = r.chance(0.5) ? { type: "message", message: "Thanks" } : { type: "redirect", url: "https://example.com/done" };
      if (r.chance(0.3)) body.metadata = { plan: "gold" };
      if (r.chance(0.2)) body.max_payments = 10;
      if (r.chance(0.2)) body.collect_email = true;
      return body;
    }
    case "linkUpdate":
      return r.pick<Record<string, JsonLike>>([{ name: "Renamed" }, { description: "New description" }, { metadata: { plan: "silver" } }, { active: true }, { max_payments: 1000 }]);
    case "orderCreate": {
      const body: Record<string, JsonLike> = { amount: 1500, currency: "USD", item_name: "Widget" };
      // Unique per request, except one that repeats (the second use is a 409 resource_conflict).
      if (r.chance(0.4)) body.reference = r.chance(0.9) ? `R-${n}` : "R-repeated";
      if (r.chance(0.4)) body.customer = { email: "buyer@example.com", name: "Ana Buyer", country: "US" };
      if (r.chance(0.3)) body.description = "One-off";
      if (r.chance(0.3)) body.metadata = { cart: "42" };
      if (r.chance(0.2)) body.success_url = "https://example.com/ok";
      if (r.chance(0.2)) body.payment_methods = ["card"];
      return body;
    }
    case "refund":
      return r.pick<Record<string, JsonLike>>([{ amount: 1 }, { amount: 1, reason: "requested_by_customer" }, { reason: "duplicate" }, {}]);
    case "capture":
      return r.pick<Record<string, JsonLike>>([{ amount: 1 }, { amount: 1500 }, { amount: 1501 }, {}]);
    case "endpointCreate":
      return { url: "http://127.0.0.1:9/hook", events: r.chance(0.5) ? ["*"] : ["order.paid", "refund.created"], ...(r.chance(0.4) ? { description: "drill" } : {}) };
    case "endpointUpdate":
      return r.pick<Record<string, JsonLike>>([{ description: "changed" }, { enabled: true }, { events: ["*"] }, { url: "http://127.0.0.1:9/other" }]);
    case "resend":
      return { event: fx.eventId };
    case "send":
      return r.pick<Record<string, JsonLike>>([{ channel: "email", to: "buyer@example.com" }, { channel: "sms", to: "+46701234567" }, { channel: "sms", to: "not a number" }]);
    case "merchantCreate": {
      const body: Record<string, JsonLike> = { name: "Drill shop", country: "SE", default_currency: "SEK" };
      if (r.chance(0.4)) body.email = r.chance(0.8) ? "shop@example.com" : null;
      if (r.chance(0.3)) body.metadata = { account: `a-${n}` };
      return body;
    }
    case "merchantUpdate":
      return r.pick<Record<string, JsonLike>>([{ name: "Renamed shop" }, { email: "new@example.com" }, { email: null }, { metadata: { tier: "gold" } }, { metadata: { tier: "" } }]);
    case "empty":
      return {};
  }
}

/** Field names each body knows (wrong types go to these too, not only to the ones present). */
const FIELDS: Record<BodyKind, string[]> = {
  linkCreate: ["name", "item_name", "description", "amount", "currency", "custom_amount", "default_country", "collect_email", "collect_name", "payment_methods", "expires_at", "max_payments", "after_completion", "status_callback_url", "metadata", "locale", "application_fee_amount"],
  linkUpdate: ["active", "name", "description", "expires_at", "max_payments", "after_completion", "payment_methods", "status_callback_url", "metadata", "locale", "application_fee_amount"],
  orderCreate: ["amount", "currency", "item_name", "description", "reference", "customer", "payment_methods", "expires_at", "success_url", "cancel_url", "status_callback_url", "metadata", "locale", "application_fee_amount"],
  refund: ["amount", "reason"],
  capture: ["amount"],
  endpointCreate: ["url", "events", "description", "connect"],
  endpointUpdate: ["url", "events", "description", "enabled", "connect"],
  resend: ["event"],
  send: ["channel", "to"],
  merchantCreate: ["name", "country", "default_currency", "email", "metadata"],
  merchantUpdate: ["name", "email", "metadata"],
  empty: ["amount", "reason", "id"],
};

/** Nested places: metadata entries, custom_amount, after_completion, customer. */
function nestedHostile(r: Rand, kind: BodyKind): [string, JsonLike] {
  const choices: [string, () => JsonLike][] = [
    ["metadata", () => new Pairs([[r.chance(0.5) ? hostileString(r) : "k", r.chance(0.5) ? hostileValue(r) : hostileString(r)]])],
    ["metadata", () => new Pairs([["__proto__", r.pick<JsonLike>(["x", { polluted: "yes" }])], ["plan", "gold"]])],
    ["metadata", () => Object.fromEntries(Array.from({ length: r.pick([21, 40, 1000]) }, (_, i) => [`k${i}`, "v"]))],
  ];
  if (kind === "linkCreate") {
    choices.push(["custom_amount", () => ({ minimum: hostileValue(r), maximum: 100_000 })], ["custom_amount", () => new Pairs([["__proto__", { minimum: 1 }], ["minimum", 500]])]);
  }
  if (kind === "linkCreate" || kind === "linkUpdate") {
    choices.push(["after_completion", () => ({ type: r.pick<JsonLike>(["message", "redirect", hostileValue(r)]), message: hostileValue(r) })]);
    choices.push(["after_completion", () => ({ type: "redirect", url: r.pick<JsonLike>(["javascript:alert(1)", "https://ex ample.com", `https://example.com/${"a".repeat(3000)}`, hostileValue(r)]) })]);
  }
  if (kind === "orderCreate") choices.push(["customer", () => ({ [r.pick(["email", "name", "country", "phone"])]: hostileValue(r) })]);
  const [field, make] = r.pick(choices);
  return [field, make()];
}

/** A hostile JSON body for `kind`: one or two mutations of a valid one, or something that is not one at all. */
function hostileBody(r: Rand, kind: BodyKind, fx: Fixtures, n: number): { value: JsonLike; label: string } {
  const body = baseBody(kind, r, fx, n);
  const roll = r.int(100);
  if (roll < 35) {
    const field = r.pick(FIELDS[kind]);
    body[field] = hostileValue(r);
    if (r.chance(0.3)) body[r.pick(FIELDS[kind])] = hostileValue(r);
    return { value: body, label: `field ${field}` };
  }
  if (roll < 50) {
    const [field, value] = nestedHostile(r, kind);
    body[field] = value;
    return { value: body, label: `nested ${field}` };
  }
  if (roll < 58) {
    const key = r.chance(0.5) ? hostileString(r) : r.pick(["__proto__", "constructor", "prototype", "__defineGetter__", "toJSON", "valueOf"]);
    return { value: new Pairs([...Object.entries(body), [key, hostileValue(r)]]), label: "extra key" };
  }
  if (roll < 64) {
    const entries = Object.entries(body);
    const [field, good] = entries.length ? r.pick(entries) : ["amount", 1 as JsonLike];
    const pairs: [string, JsonLike][] = r.chance(0.5) ? [[field, good], [field, hostileValue(r)]] : [[field, hostileValue(r)], [field, good]];
    return { value: new Pairs([...entries.filter(([k]) => k !== field), ...pairs]), label: `duplicate ${field}` };
  }
  if (roll < 70) {
    const entries = Object.entries(body);
    if (entries.length) entries.splice(r.int(entries.length), 1);
    return { value: Object.fromEntries(entries), label: "missing field" };
  }
  if (roll < 90) {
    return {
      value: r.pick<JsonLike>([
        new Raw(""),
        new Raw("   \n\t"),
        null,
        [],
        [body],
        1,
        "string",
        true,
        new Raw("{"),
        new Raw('{"amount":'),
        new Raw("}"),
        new Raw("{}}"),
        new Raw("{'amount':1}"),
        new Raw("{amount:1}"),
        new Raw('{"amount":1,}'),
        new Raw("{/* comment */}"),
        new Raw("\uFEFF{}"),
        new Raw("NaN"),
        new Bytes(Buffer.from([0x00])),
        new Bytes(Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d])),
        deepArray(10_000),
        deepObject(10_000),
        new Raw("[".repeat(10_000)),
        new Raw('{"a":'.repeat(10_000)),
        deepArray(100_000),
        new Pairs([["__proto__", { amount: 1, admin: true }]]),
        new Pairs([["constructor", new Pairs([["prototype", { polluted: "yes" }]])]]),
        longString(r, 1_048_576),
      ]),
      label: "not a body",
    };
  }
  // Bytes: a string with invalid UTF-8 or a raw NUL inside, or a valid body cut short.
  const field = r.pick(FIELDS[kind]);
  if (r.chance(0.6)) {
    body[field] = new ByteString("Widget", Buffer.from(r.chance(0.8) ? r.pick(INVALID_UTF8) : [0x00]), "");
    return { value: body, label: `bytes in ${field}` };
  }
  const bytes = encodeJson(body);
  return { value: new Bytes(bytes.subarray(0, r.int(Math.max(1, bytes.length - 1)))), label: "truncated" };
}

const VALID_QUERY: Record<Exclude<QueryKind, "none">, string[]> = {
  linkList: ["limit", "starting_after", "active", "q", "created_gte", "created_lte"],
  orderList: ["limit", "starting_after", "payment_link", "status", "reference", "created_gte", "created_lte"],
  refundList: ["limit", "starting_after"],
  eventList: ["limit", "starting_after", "type"],
  messageList: ["limit", "starting_after", "payment_link", "order", "channel", "status"],
  endpointList: ["limit", "starting_after"],
  merchantList: ["limit", "starting_after"],
};

const LIMITS = ["0", "101", "-1", "-0", "1e400", "1e2", "NaN", "Infinity", "0x10", "9223372036854775808", "1.5", " 5", "5 ", "", "١٠", "10%00", "020", "+5"];
const TIMES = ["0000-01-01T00:00:00Z", "0001-01-01T00:00:00+23:59", "9999-12-31T23:59:59-23:59", "9999-12-31T23:59:59Z", "2026-02-30T00:00:00Z", "1970-01-01T00:00:00Z", "2026-05-25T10:00:00+23:59", "yesterday", "2026-05-25"];

/** A query string: known parameters with hostile values, unknown ones, repeats, broken encodings. */
function hostileQuery(r: Rand, kind: QueryKind): { query: string; echo: string[]; label: string } {
  const names = kind === "none" ? ["limit", "expand"] : VALID_QUERY[kind];
  const parts: string[] = [];
  const echo: string[] = [];
  const count = 1 + r.int(3);
  let label = "";
  for (let i = 0; i < count; i++) {
    const roll = r.int(10);
    if (roll < 5) {
      const name = r.pick(names);
      let value: { wire: string; echo: string[] };
      if (name === "limit" && r.chance(0.6)) value = plainComponent(r.pick(LIMITS));
      else if (name.startsWith("created") && r.chance(0.6)) value = plainComponent(r.pick(TIMES));
      else value = hostileComponent(r);
      parts.push(`${name}=${value.wire}`);
      echo.push(...value.echo);
      label ||= `query ${name}`;
    } else if (roll < 7) {
      const name = r.chance(0.5) ? plainComponent(r.pick(["__proto__", "constructor", "toString", "hasOwnProperty", "limit[]", "limit[a]", "expand[]"])) : hostileComponent(r);
      const value = r.chance(0.5) ? plainComponent("1") : hostileComponent(r);
      parts.push(`${name.wire}=${value.wire}`);
      echo.push(...name.echo, ...value.echo);
      label ||= "query unknown";
    } else if (roll < 8) {
      const name = r.pick(names);
      const value = hostileComponent(r);
      parts.push(`${name}=1`, `${name}=${value.wire}`);
      echo.push(...value.echo);
      label ||= "query repeated";
    } else if (roll < 9) {
      parts.push(r.pick(["&&&", "=", "==1", "a", "%", "limit", `${"a=1&".repeat(500)}b=2`, `q=${"x".repeat(5000)}`]));
      label ||= "query odd";
    } else {
      parts.push(`${r.pick(names)}=${r.pick(BAD_PERCENT)}`);
      label ||= "query bad percent";
    }
  }
  return { query: parts.join("&"), echo, label };
}

function authorization(r: Rand, fx: Fixtures): { header?: string; key?: KeyName; label?: string } {
  const roll = r.int(100);
  if (roll < 80) return { header: `Bearer ${fx.keys.test}`, key: "test" };
  if (roll < 85) return { header: `Bearer ${fx.keys.live}`, key: "live" };
  if (roll < 89) return { header: `Bearer ${fx.keys.other}`, key: "other" };
  // Odd spellings of a good key still authenticate (the scheme is case-insensitive, any whitespace separates).
  const odd = r.pick([`bearer ${fx.keys.test}`, `Bearer\t${fx.keys.test}`, `BEARER   ${fx.keys.test}  `]);
  if (r.chance(0.15)) return { header: odd, key: "test", label: "odd auth" };
  const bad = r.pick([
    undefined,
    "",
    "Bearer",
    "Bearer ",
    "Basic dXNlcjpwYXNz",
    `Bearer sk_test_${"A".repeat(32)}`,
    `Bearer sk_live_${"0".repeat(32)}`,
    `Bearer ${fx.keys.test} extra`,
    `Bearer ${"x".repeat(3000)}`,
    "Bearer ' OR 1=1 --",
    "Bearer \u00ff\u00fe\u00c0\u00af",
    `Bearer ${fx.keys.test.slice(0, -1)}`,
    `Bearer ${fx.keys.test}\u00e9`,
    "Bearer <script>alert(1)</script>",
    "Token sk_test_abc",
  ]);
  return bad === undefined ? { label: "no auth" } : { header: bad, label: "bad auth" };
}

/**
 * A `Paylink-Merchant` value: a real merchant (connected to A in either mode, another platform's, A itself,
 * B), or a hostile one. Only what a client can put in a header: no control characters, nothing above U+00FF.
 */
function actingMerchant(r: Rand, fx: Fixtures): { value: string; echo: string[]; label: string } {
  const value = r.chance(0.5)
    ? r.pick(fx.actingMerchants)
    : r.pick([
        "",
        "mch_",
        "mch_x",
        `mch_${"A".repeat(65)}`,
        `mch_${"9".repeat(5000)}`,
        `${r.pick(fx.actingMerchants)} `,
        `${r.pick(fx.actingMerchants)},${r.pick(fx.actingMerchants)}`,
        r.pick(fx.actingMerchants).toUpperCase(),
        "MCH_0kQw8ZyX7wVuTsRqPoNmLkJiH",
        "plink_0kRz1aBcD2eFgHiJkLmNoPqRs",
        "mch_' OR 1=1 --",
        "mch_\u00e9\u00ff",
        "%6Dch_x",
        hostileString(r).replace(/[^\t\u0020-\u007e\u0080-\u00ff]/g, "") || "z",
      ]);
  // The answer may quote the trimmed value (up to 80 characters of it) back.
  const trimmed = value.trim();
  return { value, echo: [value, trimmed, trimmed.slice(0, 80)], label: "paylink-merchant" };
}

const CONTENT_TYPES = [
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=xyz",
  "application/json; charset=utf-16",
  "application/json; charset=latin1",
  "application/xml",
  "application/json, text/html",
  "\u00ff/\u00fe",
  "",
];

function slotId(r: Rand, fx: Fixtures, slot: IdSlot | undefined): { wire: string; echo: string[]; label: string } {
  if (!slot) return { wire: "", echo: [], label: "" };
  const roll = r.int(10);
  if (roll < 5) {
    const id = r.pick(fx.ids[slot]);
    return { wire: id, echo: [id], label: "" };
  }
  if (roll < 7) {
    const others = Object.values(fx.ids).flat();
    const id = r.pick(others);
    return { wire: id, echo: [id], label: "wrong id" };
  }
  const hostile = hostileComponent(r);
  return { wire: hostile.wire || "x", echo: hostile.echo, label: "hostile id" };
}

/** All (route, method) pairs, so the first requests of every run cover each of them. */
export const API_COMBOS = [...API_ROUTES, UNKNOWN].flatMap((route) => (Object.keys(route.methods) as Method[]).map((method) => ({ route, method })));

function routePath(file: string, id: string): string {
  if (file === "[...path]") return "";
  return `/api/v1/${file.replace("[id]", id)}`;
}

function apiRequest(r: Rand, n: number, fx: Fixtures): HostileRequest {
  const { route, method } = n < API_COMBOS.length * 4 ? API_COMBOS[n % API_COMBOS.length]! : r.pick(API_COMBOS);
  const spec = route.methods[method]!;
  const echoes: string[] = [];
  const labels: string[] = [];
  let path: string;
  let target = `${method} ${route.file}`;
  let wireMethod: string = method;
  if (route.file === "[...path]") {
    const unknown = r.pick([
      "/api/v1",
      "/api/v1/nope",
      "/api/v1/payment_links/plink_x/extra",
      "/api/v1/orders/ord_x/refunds/re_x",
      "/api/v1/customers",
      "/api/v1/payment_links/../orders",
      "/api/v1/orders%2Fx",
      `/api/v1/${hostileComponent(r).wire || "x"}`,
      `/api/v1/${hostileComponent(r).wire || "x"}/${hostileComponent(r).wire || "y"}`,
      "/api/v1//orders",
      "/api/v1/ORDERS",
    ]);
    path = unknown;
    echoes.push(...decodeSegments(unknown));
    labels.push("unknown route");
  } else {
    const id = slotId(r, fx, spec.slot);
    echoes.push(...id.echo);
    if (id.label) labels.push(id.label);
    path = routePath(route.file, id.wire);
    // Other methods on a real route: PUT, DELETE, PATCH, POST where the route has none, HEAD, OPTIONS.
    if (r.chance(0.06)) {
      const others = ["GET", "POST", "PATCH", "DELETE", "PUT", "HEAD", "OPTIONS"].filter((m) => !(m in route.methods));
      if (others.length) {
        wireMethod = r.pick(others);
        target = `${wireMethod}(other) ${route.file}`;
        labels.push("wrong method");
      }
    }
  }

  const headers: Record<string, string> = {};
  const auth = route.file === "openapi.json" && r.chance(0.7) ? { header: undefined, key: undefined } : authorization(r, fx);
  if (auth.header !== undefined) headers.authorization = auth.header;
  if ("label" in auth && auth.label) labels.push(auth.label);
  // Acting for a merchant: every route takes the header, and the pipeline decides it before the route runs.
  if (r.chance(0.15)) {
    const acting = actingMerchant(r, fx);
    headers["paylink-merchant"] = acting.value;
    echoes.push(...acting.echo);
    labels.push(acting.label);
  }

  let query = "";
  if (spec.query || r.chance(0.15)) {
    const q = r.chance(spec.query ? 0.7 : 1) ? hostileQuery(r, spec.query ?? "none") : { query: "limit=5", echo: [], label: "" };
    query = q.query;
    echoes.push(...q.echo);
    if (q.label) labels.push(q.label);
  }

  let body: Buffer | undefined;
  if (wireMethod === "POST" || wireMethod === "PATCH" || (wireMethod === "DELETE" && r.chance(0.3)) || (wireMethod === "GET" && r.chance(0.05))) {
    const kind = spec.body ?? "empty";
    const made = r.chance(0.08) ? storeProbe(r, kind, fx, n) : hostileBody(r, kind, fx, n);
    body = encodeJson(made.value);
    echoes.push(...stringsIn(made.value));
    labels.push(made.label);
    headers["content-type"] = r.chance(0.15) ? r.pick(CONTENT_TYPES) : "application/json";
    if (wireMethod === "POST" && r.chance(0.2)) {
      const key = r.pick([`drill-${n}-${r.int(1e9)}`, `drill-${n}-${r.int(1e9)}`, "shared-key-1", "", " ", "k".repeat(255), "k".repeat(256), "k".repeat(4000), "\u00e9\u00ff", hostileString(r).replace(/[^\u0020-\u007e]/g, "") || "z"]);
      headers["idempotency-key"] = key;
      echoes.push(key);
      labels.push("idempotency key");
    }
  }
  if (r.chance(0.05)) headers["x-request-id"] = r.pick(["<script>", "x".repeat(2000), "\u00ff\u00fe", "' OR 1=1", "../../x"]);
  if (r.chance(0.02)) headers.host = r.pick(["evil.example", "127.0.0.1:99999", "[::1", "a_b.example", "\u00e9.example"]);
  return {
    n,
    kind: "api",
    target,
    label: labels.join(", ") || "plain",
    method: wireMethod,
    path: query ? `${path}?${query}` : path,
    headers,
    body,
    echoes,
    key: auth.key,
  };
}

/** A valid body whose text fields hold legitimate but hostile-looking strings: it must be stored verbatim. */
function storeProbe(r: Rand, kind: BodyKind, fx: Fixtures, n: number): { value: JsonLike; label: string } {
  const body = baseBody(kind, r, fx, n);
  const text = () => r.pick([...SQL_INJECTION, ...SCRIPT_INJECTION, ...ODD_UNICODE.filter((s) => s.trim() !== "")]);
  if (kind === "linkCreate") Object.assign(body, { name: text(), item_name: text(), description: text(), metadata: { [text().slice(0, 40) || "k"]: text() } });
  else if (kind === "linkUpdate") Object.assign(body, { name: text(), description: text() });
  else if (kind === "orderCreate") Object.assign(body, { item_name: text(), description: text(), customer: { name: text() }, metadata: { note: text() } });
  else if (kind === "endpointCreate" || kind === "endpointUpdate") body.description = text();
  else if (kind === "refund") body.reason = text();
  else if (kind === "merchantCreate") Object.assign(body, { name: text(), metadata: { [text().slice(0, 40) || "k"]: text() } });
  else if (kind === "merchantUpdate") body.name = text();
  return { value: body, label: "store probe" };
}

function decodeSegments(path: string): string[] {
  return path.split(/[/?&=]/).flatMap((s) => {
    try {
      return [s, decodeURIComponent(s)];
    } catch {
      return [s];
    }
  });
}

const CHECKOUT_POSTS = ["/l/[token]/pay", "/o/[token]/pay", "/o/[token]/action", "/o/[token]/bank-transfer/confirm", "/l/[token]/language", "/o/[token]/language"] as const;

function formBody(r: Rand): { body: Buffer; contentType: string; echo: string[]; label: string } {
  const fields: [string, string][] = [
    ["method", r.pick(["card", "card", "alipay", "bank_transfer", "cash", hostileString(r)])],
    ["email", r.pick(["buyer@example.com", "", hostileString(r)])],
    ["name", r.pick(["Ana Buyer", "", hostileString(r)])],
    ["cardNumber", r.pick([...CARD_NUMBERS, "4242 4242 4242 4242", "4242-4242-4242-4242", "1234567812345678", "4".repeat(100), hostileString(r)])],
    ["expiry", r.pick(["12/40", "13/40", "00/00", "12/2040", hostileString(r)])],
    ["cvc", r.pick(["123", "1234", "", hostileString(r)])],
  ];
  if (r.chance(0.4)) fields.push(["amount", r.pick(["15.00", "1e400", "-0", "NaN", "99999999999999", "0.001", hostileString(r)])]);
  if (r.chance(0.4)) fields.push(["submission", r.pick([`s${n16(r)}`, "short", hostileString(r)])]);
  if (r.chance(0.3)) fields.push(["decision", r.pick(["approve", "decline", hostileString(r)])]);
  if (r.chance(0.3)) fields.push(["locale", r.pick(["ja", "ar", "pt-br", "auto", "", hostileString(r)])]);
  if (r.chance(0.3)) fields.push(["return", r.pick(["/l/x", "//evil.example", "https://evil.example/", "/o/abc?src=email", hostileString(r)])]);
  if (r.chance(0.1)) fields.push(["method", "alipay"], ["__proto__", "x"], ["constructor", "y"]);
  const echo = fields.map(([, v]) => v);
  const roll = r.int(10);
  if (roll < 5) {
    return { body: Buffer.from(fields.map(([k, v]) => `${k}=${pct(v)}`).join("&"), "latin1"), contentType: "application/x-www-form-urlencoded", echo, label: "form" };
  }
  if (roll < 6) {
    const boundary = "drillboundary";
    const text = fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join("") + `--${boundary}--\r\n`;
    return { body: Buffer.from(text, "utf8"), contentType: `multipart/form-data; boundary=${boundary}`, echo, label: "multipart" };
  }
  const broken = r.pick<[string, Buffer, string]>([
    ["multipart/form-data; boundary=xyz", Buffer.from("--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated"), "multipart cut"],
    ["multipart/form-data", Buffer.from("no boundary at all"), "multipart no boundary"],
    ["multipart/form-data; boundary=", Buffer.from("--\r\n\r\n"), "multipart empty boundary"],
    ["text/plain", Buffer.from("method=card"), "text/plain"],
    ["application/json", encodeJson({ method: "card", cardNumber: "4242424242424242" }), "json"],
    ["", Buffer.from("method=card&cardNumber=4242424242424242"), "no content type"],
    ["application/x-www-form-urlencoded", Buffer.concat([Buffer.from("method=card&name=A"), Buffer.from(r.pick(INVALID_UTF8)), Buffer.from(`&email=${r.pick(BAD_PERCENT)}`)]), "form bad bytes"],
    ["application/x-www-form-urlencoded", Buffer.from(`name=${"x".repeat(1_048_576)}`), "form 1 MB"],
    ["application/x-www-form-urlencoded", Buffer.from(Array.from({ length: 10_000 }, (_, i) => `f${i}=1`).join("&")), "form 10,000 fields"],
    ["application/x-www-form-urlencoded", Buffer.alloc(0), "form empty"],
    ["application/x-www-form-urlencoded; charset=utf-16", Buffer.from("method=card", "utf16le"), "form utf-16"],
  ]);
  return { contentType: broken[0], body: broken[1], echo, label: broken[2] };
}

function n16(r: Rand): string {
  return Array.from({ length: 20 }, () => r.pick([..."ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"])).join("");
}

function checkoutToken(r: Rand, tokens: string[]): { wire: string; echo: string[] } {
  if (r.chance(0.7)) return { wire: r.pick(tokens), echo: [] };
  const hostile = r.chance(0.5) ? hostileComponent(r) : { wire: r.pick(["a".repeat(15), "a".repeat(65), "A".repeat(32), "0".repeat(64)]), echo: [] };
  return { wire: hostile.wire || "x", echo: hostile.echo };
}

function checkoutRequest(r: Rand, n: number, fx: Fixtures): HostileRequest {
  const route = r.pick(CHECKOUT_POSTS);
  const token = checkoutToken(r, route.startsWith("/l/") ? fx.linkTokens : fx.orderTokens);
  const form = formBody(r);
  // As the checkout's own page sends it (the app refuses posts that are not same-origin), unless picked below.
  const headers: Record<string, string> = { "sec-fetch-site": "same-origin" };
  if (form.contentType) headers["content-type"] = form.contentType;
  const labels = [form.label];
  if (r.chance(0.1)) {
    headers["sec-fetch-site"] = r.pick(["cross-site", "same-origin", "none", "\u00ff"]);
    labels.push("sec-fetch-site");
  }
  if (r.chance(0.05)) headers.origin = r.pick(["https://evil.example", "null", "\u00e9"]);
  let method = "POST";
  if (r.chance(0.05)) {
    method = r.pick(["GET", "PUT", "DELETE", "PATCH"]);
    labels.push("wrong method");
  }
  const query = r.chance(0.1) ? `?${hostileQuery(r, "none").query}` : "";
  return {
    n,
    kind: "checkout",
    target: `checkout ${route}`,
    label: labels.join(", "),
    method,
    path: route.replace("[token]", token.wire) + query,
    headers,
    body: method === "GET" ? undefined : form.body,
    echoes: [...token.echo, ...form.echo],
  };
}

const PAGES = ["/l/[token]", "/o/[token]", "/o/[token]/authenticate", "/o/[token]/wallet", "/o/[token]/bank-transfer", "/o/[token]/complete"] as const;

function pageRequest(r: Rand, n: number, fx: Fixtures): HostileRequest {
  const page = r.pick(PAGES);
  const token = checkoutToken(r, page.startsWith("/l/") ? fx.linkTokens : fx.orderTokens);
  const query = r.chance(0.6) ? hostileQuery(r, "none") : { query: "", echo: [], label: "" };
  return {
    n,
    kind: "page",
    target: `page ${page}`,
    label: query.label || "page",
    method: "GET",
    path: page.replace("[token]", token.wire) + (query.query ? `?${query.query}` : ""),
    headers: {
      ...(r.chance(0.2) ? { cookie: `${r.pick(["paylink_flash", "paylink_locale"])}=${r.pick(["garbage", "e30.sig", "%FF%FE", "ja", hostileComponent(r).wire])}` } : {}),
      ...(r.chance(0.2) ? { "accept-language": r.pick(["ar-EG,ar;q=0.9", "zh-TW", "*;q=0.1", ";;;q=NaN,,", "x".repeat(5000), "ja;q=2,de;q=-1"]) } : {}),
    },
    echoes: [...token.echo, ...query.echo],
  };
}

/** Node refuses a request whose head passes 16 KB (431) before the app sees it: stay below. */
const MAX_HEAD = 14_000;

function fitHead(req: HostileRequest): HostileRequest {
  const size = () => req.path.length + Object.values(req.headers).reduce((sum, v) => sum + v.length + 40, 0);
  while (size() > MAX_HEAD && req.path.includes("&")) req.path = req.path.slice(0, req.path.lastIndexOf("&"));
  if (size() > MAX_HEAD) delete req.headers["x-request-id"];
  if (size() > MAX_HEAD) delete req.headers["paylink-merchant"];
  if (size() > MAX_HEAD) req.path = req.path.slice(0, MAX_HEAD / 2);
  return req;
}

/** Request `n` of the run with this seed: 84% API, 13% checkout form posts, 3% checkout pages. */
export function hostileRequest(seed: number, n: number, fx: Fixtures): HostileRequest {
  const r = randFor(seed, n);
  if (n < API_COMBOS.length * 4) return fitHead(apiRequest(r, n, fx));
  const roll = r.int(100);
  if (roll < 84) return fitHead(apiRequest(r, n, fx));
  if (roll < 97) return fitHead(checkoutRequest(r, n, fx));
  return fitHead(pageRequest(r, n, fx));
}
