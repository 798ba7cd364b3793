// Runs once when a Next.js server starts, before it serves requests.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // First: every request from now on carries its TCP peer address, for throttling (lib/http/client-address.ts).
  const { installPeerStamp } = await import("./lib/http/client-address");
  installPeerStamp();
  const { startServer } = await import("./lib/server-start");
  await startServer();
}
