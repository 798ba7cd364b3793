import { lookup } from "node:dns/promises";
import { isIPv4, isIPv6 } from "node:net";

/**
 * The outbound URL guard for webhooks (SSRF protection).
 *
 * A webhook URL is checked when a merchant saves it (`checkWebhookUrl`) and again by the delivery worker just before
 * every request, because DNS can change between the two. The worker must then connect to one of the returned
 * `addresses` rather than resolving the host again, so a DNS-rebinding answer cannot slip in between check and
 * connect. `allowPrivate` (WEBHOOK_ALLOW_PRIVATE_URLS=true, read by the callers) lifts the address rules for local
 * development and tests only; the scheme, credential and port rules always apply.
 */

export type UrlRefusal = "invalid_url" | "https_required" | "credentials_in_url" | "private_address" | "unresolvable";

export interface UrlGuardOptions {
  livemode: boolean;
  allowPrivate: boolean;
  /** Resolves a host name to IP address literals. Defaults to `dns.lookup` with `all: true`, both families. */
  resolve?: (host: string) => Promise<string[]>;
}

type Refused = { ok: false; reason: UrlRefusal; message: string };

/** Longer URLs are refused outright (the same limit common browsers and payment platforms use). */
export const MAX_WEBHOOK_URL_LENGTH = 2048;

/** How long a DNS lookup may take before the host counts as unresolvable. */
const RESOLVE_TIMEOUT_MS = 5_000;

// ---------------------------------------------------------------------------------------------------------------
// Addresses
// ---------------------------------------------------------------------------------------------------------------

/** IPv4 ranges that are not routable public unicast (RFC 6890 and the IANA special-purpose registry), plus cloud
 *  metadata endpoints that sit outside them. Each entry is [network, prefix length]. */
const BLOCKED_IPV4: ReadonlyArray<readonly [string, number]> = [
  ["0.0.0.0", 8], // "this network"; 0.0.0.0 reaches the local host on Linux
  ["10.0.0.0", 8], // private
  ["100.64.0.0", 10], // CGNAT shared address space (includes Alibaba Cloud metadata 100.100.100.200)
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local (AWS/GCP/Azure/DigitalOcean metadata 169.254.169.254, ECS 169.254.170.2)
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // IETF protocol assignments (includes Oracle Cloud metadata 192.0.0.192)
  ["192.0.2.0", 24], // TEST-NET-1 documentation
  ["192.88.99.0", 24], // deprecated 6to4 relay anycast
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // TEST-NET-2 documentation
  ["203.0.113.0", 24], // TEST-NET-3 documentation
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, includes the limited broadcast 255.255.255.255
  ["168.63.129.16", 32], // Azure WireServer / platform metadata (a public-looking address only reachable in Azure)
];

const BLOCKED_IPV4_RANGES = BLOCKED_IPV4.map(([network, prefix]) => {
  const base = ipv4ToNumber(parseIPv4(network)!);
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return { base: (base & mask) >>> 0, mask };
});

/** Strict dotted-decimal IPv4: four decimal octets 0–255 without leading zeros. Anything else is not an address. */
function parseIPv4(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  const octets: number[] = [];
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return null;
    const value = Number(part);
    if (value > 255) return null;
    octets.push(value);
  }
  return octets;
}

function ipv4ToNumber(octets: readonly number[]): number {
  return ((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0;
}

function isPublicIPv4(octets: readonly number[]): boolean {
  const value = ipv4ToNumber(octets);
  return !BLOCKED_IPV4_RANGES.some(({ base, mask }) => ((value & mask) >>> 0) === base);
}

/** IPv6 text to its 16 bytes, or null. Zone ids (`fe80::1%eth0`) are refused: a scoped address is never public. */
function parseIPv6(text: string): Uint8Array | null {
  if (text.includes("%") || !isIPv6(text)) return null;
  let body = text;
  let tail: number[] | null = null;
  const lastColon = body.lastIndexOf(":");
  const last = body.slice(lastColon + 1);
  if (last.includes(".")) {
    tail = parseIPv4(last);
    if (!tail) return null;
    body = `${body.slice(0, lastColon + 1)}0:0`;
  }
  const halves = body.split("::");
  if (halves.length > 2) return null;
  const groupsOf = (half: string | undefined) => (half ? half.split(":") : []);
  const head = groupsOf(halves[0]);
  const rest = groupsOf(halves[1]);
  const groups = halves.length === 2 ? [...head, ...Array<string>(8 - head.length - rest.length).fill("0"), ...rest] : head;
  if (groups.length !== 8 || (halves.length === 2 && head.length + rest.length > 7)) return null;
  const bytes = new Uint8Array(16);
  for (const [index, group] of groups.entries()) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return null;
    const value = parseInt(group, 16);
    bytes[index * 2] = value >> 8;
    bytes[index * 2 + 1] = value & 0xff;
  }
  if (tail) bytes.set(tail, 12);
  return bytes;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function isPublicIPv6(bytes: Uint8Array): boolean {
  // ::ffff:0:0/96, IPv4-mapped: the connection goes to the embedded IPv4 address.
  if (startsWith(bytes, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff])) return isPublicIPv4([...bytes.subarray(12)]);
  // 64:ff9b::/96, the well-known NAT64 prefix: judged by the IPv4 address it translates to.
  if (startsWith(bytes, [0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0])) return isPublicIPv4([...bytes.subarray(12)]);
  // 2002::/16, 6to4: judged by the IPv4 address embedded in bits 16–47.
  if (startsWith(bytes, [0x20, 0x02])) return isPublicIPv4([...bytes.subarray(2, 6)]);
  // Only global unicast 2000::/3 is public. This refuses ::, ::1, IPv4-compatible ::/96, 64:ff9b:1::/48 (local
  // NAT64), 100::/64 (discard), fc00::/7 (unique local, includes AWS metadata fd00:ec2::254), fe80::/10 (link-local),
  // fec0::/10 (site-local) and ff00::/8 (multicast).
  if ((bytes[0]! & 0xe0) !== 0x20) return false;
  // 2001::/23, IETF protocol assignments: Teredo 2001::/32, benchmarking, ORCHID, TURN/PCP anycast.
  if (bytes[0] === 0x20 && bytes[1] === 0x01 && bytes[2]! < 0x02) return false;
  // 2001:db8::/32 and 3fff::/20, documentation.
  if (startsWith(bytes, [0x20, 0x01, 0x0d, 0xb8])) return false;
  if (bytes[0] === 0x3f && bytes[1] === 0xff && (bytes[2]! & 0xf0) === 0) return false;
  // 3ffe::/16, the former 6bone, returned to IANA.
  if (startsWith(bytes, [0x3f, 0xfe])) return false;
  return true;
}

/**
 * True when `ip` is an IPv4 or IPv6 literal that is routable public unicast. Anything else — private, loopback,
 * link-local, CGNAT, multicast, reserved, documentation, cloud metadata, a scoped (`%zone`) address, or text that is
 * not a canonical IP literal at all — is false. Square brackets around an IPv6 literal are accepted.
 */
export function isPublicAddress(ip: string): boolean {
  const text = ip.startsWith("[") && ip.endsWith("]") ? ip.slice(1, -1) : ip;
  const v4 = parseIPv4(text);
  if (v4) return isPublicIPv4(v4);
  const v6 = parseIPv6(text);
  if (v6) return isPublicIPv6(v6);
  return false;
}

function isIpLiteral(text: string): boolean {
  return isIPv4(text) || isIPv6(text);
}

// ---------------------------------------------------------------------------------------------------------------
// Host names
// ---------------------------------------------------------------------------------------------------------------

/** Names that only ever mean something inside a network; refused without asking DNS. */
const BLOCKED_HOSTS = new Set([
  "localhost",
  "metadata", // GCP
  "metadata.google.internal",
  "metadata.goog",
  "instance-data", // AWS
  "instance-data.ec2.internal",
]);
const BLOCKED_SUFFIXES = [".localhost", ".local", ".internal", ".home.arpa", ".lan", ".corp", ".home", ".localdomain"];

function isInternalHostName(host: string): boolean {
  if (BLOCKED_HOSTS.has(host)) return true;
  if (BLOCKED_SUFFIXES.some((suffix) => host.endsWith(suffix))) return true;
  // A single-label name ("intranet", "redis") is completed with the server's search domains: never a public host.
  return !host.includes(".");
}

/** The URL's host as DNS and the address checks see it: no IPv6 brackets, no trailing root dots. */
function bareHost(url: URL): string {
  const host = url.hostname;
  if (host.startsWith("[") && host.endsWith("]")) return host.slice(1, -1);
  return host.replace(/\.+$/, "");
}

// ---------------------------------------------------------------------------------------------------------------
// The checks
// ---------------------------------------------------------------------------------------------------------------

function refuse(reason: UrlRefusal, message: string): Refused {
  return { ok: false, reason, message };
}

/**
 * The syntactic rules, without DNS and without the address rules (those depend on `allowPrivate`; see
 * `checkWebhookUrl`): an absolute http(s) URL — https in live mode — with no credentials and a port other than 0.
 * The returned URL is WHATWG-normalized (odd IPv4 notations such as `0x7f.1` become dotted decimal); store its
 * `href`, not the raw input.
 */
export function parseWebhookUrl(
  raw: string,
  options: Pick<UrlGuardOptions, "livemode">,
): { ok: true; url: URL } | Refused {
  const schemes = options.livemode ? "https://" : "https:// or http://";
  const text = raw.trim();
  if (text === "") return refuse("invalid_url", `Enter a webhook URL starting with ${schemes}.`);
  if (text.length > MAX_WEBHOOK_URL_LENGTH) {
    return refuse("invalid_url", `Webhook URLs can be at most ${MAX_WEBHOOK_URL_LENGTH.toLocaleString("en-US")} characters long.`);
  }
  // The URL parser silently drops tabs and newlines inside a URL; refuse them rather than save something else.
  if (/[\s\u0000-\u001f\u007f]/.test(text)) {
    return refuse("invalid_url", "Webhook URLs can't contain spaces or control characters.");
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse("invalid_url", `Enter a full webhook URL starting with ${schemes}, for example https://example.com/webhooks.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return refuse("invalid_url", `Webhook URLs must start with ${schemes}.`);
  }
  if (url.protocol === "http:" && options.livemode) {
    return refuse("https_required", "Webhook URLs must use https in live mode.");
  }
  if (url.username !== "" || url.password !== "") {
    return refuse(
      "credentials_in_url",
      "Webhook URLs can't contain a username or password. Remove the part before \"@\" in the host.",
    );
  }
  if (url.port === "0") return refuse("invalid_url", "Webhook URLs can't use port 0.");
  if (bareHost(url) === "") return refuse("invalid_url", "The webhook URL is missing a host name.");
  return { ok: true, url };
}

const PUBLIC_ONLY = "Webhook URLs must point to a public internet address.";

async function defaultResolve(host: string): Promise<string[]> {
  const results = await lookup(host, { all: true, family: 0, order: "verbatim" });
  return results.map((result) => result.address);
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`DNS lookup timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * All the rules: `parseWebhookUrl`, then — unless `allowPrivate` — the host must not be an internal name, and the
 * host (an IP literal) or every address it resolves to must be public. Returns every resolved address (deduplicated,
 * in resolver order); the delivery worker connects to one of them and does not resolve the host again.
 */
export async function checkWebhookUrl(
  raw: string,
  options: UrlGuardOptions,
): Promise<{ ok: true; url: URL; addresses: string[] } | Refused> {
  const parsed = parseWebhookUrl(raw, options);
  if (!parsed.ok) return parsed;
  const { url } = parsed;
  const host = bareHost(url);

  if (isIpLiteral(host)) {
    if (!options.allowPrivate && !isPublicAddress(host)) {
      return refuse("private_address", `${host} is a private or reserved address. ${PUBLIC_ONLY}`);
    }
    return { ok: true, url, addresses: [host] };
  }

  if (!options.allowPrivate && isInternalHostName(host)) {
    return refuse("private_address", `"${host}" is a local or internal host name. ${PUBLIC_ONLY}`);
  }

  const unresolvable = refuse(
    "unresolvable",
    `We couldn't find the host "${host}". Check the domain name and its DNS records, then try again.`,
  );
  let resolved: string[];
  try {
    resolved = await withTimeout((options.resolve ?? defaultResolve)(host), RESOLVE_TIMEOUT_MS);
  } catch {
    return unresolvable;
  }
  const addresses = [...new Set(resolved)];
  if (addresses.length === 0 || !addresses.every(isIpLiteral)) return unresolvable;
  if (!options.allowPrivate && !addresses.every(isPublicAddress)) {
    return refuse("private_address", `"${host}" resolves to a private or reserved address. ${PUBLIC_ONLY}`);
  }
  return { ok: true, url, addresses };
}
