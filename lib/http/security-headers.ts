// The security headers of every response the proxy (proxy.ts) passes, decided here and tested as a table.
// Pure: no Next, no environment reads; the proxy hands in what it knows.

export interface SecurityHeaderInput {
  /** The request's path. */
  pathname: string;
  /** This response's script nonce (fresh per request); Next.js puts it on every script it renders. */
  nonce: string;
  /** APP_URL is https: browsers are told to use nothing else (HSTS), and http sub-resources are upgraded. */
  https: boolean;
  /** `next dev`: React needs eval for its debugging, and the dev server talks over a websocket. */
  development: boolean;
}

/** The hosted checkout: pages whose URL carries a token that must not leak to other sites. */
export function isCheckoutPath(pathname: string): boolean {
  return pathname.startsWith("/l/") || pathname.startsWith("/o/");
}

function isApiPath(pathname: string): boolean {
  return pathname.startsWith("/api/");
}

/**
 * Where the checkout's forms may send the buyer: this site, and — after paying — the merchant's own page
 * (an order's success_url, a link's after_completion redirect), which can be any http(s) site. Browsers
 * check form-action on every redirect that follows a form post, so the header must allow those; each
 * checkout page then narrows it to the one merchant origin it can redirect to (see checkoutFormActionPolicy).
 */
const CHECKOUT_FORM_TARGETS = "'self' https: http:";

/** The Content-Security-Policy of a page: scripts only with this response's nonce, no plugins, no framing. */
export function contentSecurityPolicy({ pathname, nonce, https, development }: SecurityHeaderInput): string {
  if (isApiPath(pathname)) {
    // JSON and other non-documents: nothing in them may run or be framed.
    return "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  }
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': the scripts Next.js loads from its nonce'd scripts may run; nothing else, no inline
    // script without the nonce. (CSP3 browsers ignore 'self' next to it; older ones fall back to it.)
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Style attributes carry the merchant's brand colour; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // Merchants' logos are on their own hosts.
    `img-src 'self' data: blob: https:${https ? "" : " http:"}`,
    "font-src 'self'",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    `form-action ${isCheckoutPath(pathname) ? CHECKOUT_FORM_TARGETS : "'self'"}`,
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/**
 * The narrowing a checkout page adds as a <meta> policy (policies add up, so the stricter form-action
 * wins): its forms may go to this site and, if the payment can end on the merchant's page, to that one
 * origin only.
 */
export function checkoutFormActionPolicy(redirectUrl: string | null): string {
  let origin: string | null = null;
  try {
    origin = redirectUrl ? new URL(redirectUrl).origin : null;
  } catch {
    origin = null;
  }
  return `form-action 'self'${origin && origin !== "null" ? ` ${origin}` : ""}`;
}

/** Every security header of the response (the proxy also hands the policy to Next.js on the request). */
export function securityHeaders(input: SecurityHeaderInput): { "content-security-policy": string } & Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(input),
    "x-content-type-options": "nosniff",
    // Checkout URLs are bearer tokens: following a link off a checkout page must not hand them over.
    "referrer-policy": isCheckoutPath(input.pathname) ? "no-referrer" : "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
    ...(input.https ? { "strict-transport-security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
