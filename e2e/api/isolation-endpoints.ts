// Every API endpoint that names one object, for the isolation walks (tenant-isolation.spec.ts: another merchant,
// the other mode; platform-isolation.spec.ts: platforms and their connected merchants). Add new endpoints here.

export interface Ids {
  link: string;
  order: string;
  refund: string;
  event: string;
  endpoint: string;
  message: string;
}

export const ENDPOINTS: { method: "GET" | "PATCH" | "POST" | "DELETE"; path: (ids: Ids) => string; data?: unknown }[] = [
  { method: "GET", path: (ids) => `/api/v1/payment_links/${ids.link}` },
  { method: "PATCH", path: (ids) => `/api/v1/payment_links/${ids.link}`, data: { active: false } },
  { method: "GET", path: (ids) => `/api/v1/payment_links/${ids.link}/funnel` },
  { method: "POST", path: (ids) => `/api/v1/payment_links/${ids.link}/send`, data: { channel: "email", to: "nobody@example.com" } },
  { method: "GET", path: (ids) => `/api/v1/orders/${ids.order}` },
  { method: "GET", path: (ids) => `/api/v1/orders/${ids.order}/invoice` },
  { method: "POST", path: (ids) => `/api/v1/orders/${ids.order}/send`, data: { channel: "email", to: "nobody@example.com" } },
  { method: "POST", path: (ids) => `/api/v1/orders/${ids.order}/cancel` },
  { method: "POST", path: (ids) => `/api/v1/orders/${ids.order}/void` },
  { method: "POST", path: (ids) => `/api/v1/orders/${ids.order}/capture`, data: {} },
  { method: "POST", path: (ids) => `/api/v1/orders/${ids.order}/refunds`, data: { amount: 100 } },
  { method: "POST", path: (ids) => `/api/v1/orders/${ids.order}/refunds`, data: {} },
  { method: "GET", path: (ids) => `/api/v1/orders/${ids.order}/refunds` },
  { method: "GET", path: (ids) => `/api/v1/refunds/${ids.refund}` },
  { method: "GET", path: (ids) => `/api/v1/events/${ids.event}` },
  { method: "GET", path: (ids) => `/api/v1/messages/${ids.message}` },
  { method: "GET", path: (ids) => `/api/v1/webhook_endpoints/${ids.endpoint}` },
  { method: "PATCH", path: (ids) => `/api/v1/webhook_endpoints/${ids.endpoint}`, data: { enabled: false } },
  { method: "POST", path: (ids) => `/api/v1/webhook_endpoints/${ids.endpoint}/rotate_secret` },
  { method: "POST", path: (ids) => `/api/v1/webhook_endpoints/${ids.endpoint}/resend`, data: { event: "evt_0kS1c6PqRsTuVwXyZaBcDeFgH" } },
  { method: "DELETE", path: (ids) => `/api/v1/webhook_endpoints/${ids.endpoint}` },
];

/** The lists a merchant's key reads: none may name another merchant's object. */
export const LISTS = ["/api/v1/payment_links", "/api/v1/orders", "/api/v1/events?limit=100", "/api/v1/messages", "/api/v1/webhook_endpoints", "/api/v1/merchants"];
