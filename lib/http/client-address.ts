import { randomBytes } from "node:crypto";
import { Server } from "node:http";
import { isIPv4, isIPv6 } from "node:net";

// Who is on the other end of a request, for throttling. Two sources, and which one to believe is the
// operator's setting (TRUSTED_PROXY_COUNT), never the client's word:
//
// - Reached directly (0 proxies): the TCP peer. Next.js only copies it into X-Forwarded-For when the request
//   has no such header, so a client that sends its own X-Forwarded-For would choose its address. The server
//   therefore stamps each request with the peer address in a header of its own (`x-paylink-peer`), tagged
//   with a random value made when the process starts: a client can send that header, but not the tag.
// - Behind N proxies that each append the address they received the request from (nginx's
//   $proxy_add_x_forwarded_for, AWS ALB, Cloudflare, Fly, Render…): the N-th X-Forwarded-For entry from the
//   right. Everything left of it was written by the client, and is ignored.

const PEER_HEADER = "x-paylink-peer";
const STAMP = Symbol.for("paylink.peerStamp");

type Holder = typeof globalThis & { [STAMP]?: string };

/**
 * Stamps every request this process's HTTP servers receive with its TCP peer address, before Next.js or the
 * app sees it. Called once at server start (instrumentation.ts); idempotent. Requests that arrive before it
 * runs carry no valid stamp and count as "unknown", never as what they claim.
 */
export function installPeerStamp(): void {
  const holder = globalThis as Holder;
  if (holder[STAMP]) return;
  const tag = randomBytes(12).toString("base64url");
  holder[STAMP] = tag;
  const emit = Server.prototype.emit;
  Server.prototype.emit = function stampedEmit(this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as import("node:http").IncomingMessage;
      request.headers[PEER_HEADER] = `${tag} ${request.socket?.remoteAddress ?? "unknown"}`;
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof Server.prototype.emit;
}

/** The stamped TCP peer address of this request, or null when it has none made by this process. */
function stampedPeer(headers: Headers): string | null {
  const tag = (globalThis as Holder)[STAMP];
  const value = headers.get(PEER_HEADER);
  if (!tag || !value) return null;
  const [seen, address] = value.split(" ");
  return seen === tag && address ? address : null;
}

/**
 * The client's address as the operator's proxies saw it (see above), normalized: an IPv4-mapped IPv6 address
 * as IPv4. "unknown" when there is none to trust.
 */
export function clientAddress(headers: Headers, trustedProxyCount: number): string {
  const peer = stampedPeer(headers);
  if (trustedProxyCount <= 0) return normalize(peer);
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  // Fewer entries than proxies: the request did not come through all of them (or they do not append).
  if (hops.length < trustedProxyCount) return normalize(peer);
  return normalize(hops[hops.length - trustedProxyCount]!);
}

function normalize(address: string | null | undefined): string {
  if (!address) return "unknown";
  let text = address.trim().toLowerCase();
  if (text.startsWith("[")) text = text.slice(1, text.indexOf("]") > 0 ? text.indexOf("]") : undefined);
  // "1.2.3.4:5678" (some load balancers add the port)
  if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  if (text.startsWith("::ffff:") && isIPv4(text.slice(7))) text = text.slice(7);
  if (isIPv4(text) || isIPv6(text)) return text;
  return "unknown";
}

/**
 * The key an address is throttled under: an IPv4 address itself; an IPv6 address by its /64 network, since
 * one subscriber is given a whole /64 and can pick a new address from it for every request.
 */
export function throttleKey(address: string): string {
  if (!isIPv6(address)) return address;
  const [head = "", tail] = address.split("::");
  const groups = (part: string) => (part ? part.split(":").flatMap((g) => (g.includes(".") ? ["0", "0"] : [g])) : []);
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const all = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${all
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}
