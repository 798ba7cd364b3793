/** Shown while WEBHOOK_ALLOW_PRIVATE_URLS is on: the outbound address rules are lifted on this server. */
export function PrivateUrlsBanner() {
  return (
    <div role="note" aria-label="Private webhook URLs allowed" className="mb-6 rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
      <strong>Private and loopback webhook URLs are allowed — for local development and tests only.</strong> This server
      runs with <code className="font-mono">WEBHOOK_ALLOW_PRIVATE_URLS</code> on, so webhooks may reach addresses on its own
      network. Turn it off in production.
    </div>
  );
}
