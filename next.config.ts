import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Loaded by Node at run time instead of bundled: PGlite ships WASM and data files, argon2 is a native
  // addon, and rate-limiter-flexible imports drizzle-orm dynamically, so drizzle must be the same
  // (unbundled) instance everywhere. PDFKit reads its own data files (standard fonts, ICC profile) beside its
  // code, and shares fontkit with lib/documents (which hands it parsed fonts).
  serverExternalPackages: [
    "@electric-sql/pglite",
    "argon2",
    "drizzle-orm",
    "fontkit",
    "pdfkit",
    "postgres",
    "pino",
    "rate-limiter-flexible",
  ],
  poweredByHeader: false,
  experimental: {
    // With a proxy (proxy.ts), Next.js buffers each request body so both can read it: up to 10 MB by default.
    // The proxy refuses a body whose Content-Length is over its path's limit (lib/http/body-limit.ts); this caps
    // what a body sent without a length can make the server hold (the largest limit, server actions' 1 MB).
    proxyClientMaxBodySize: 1024 * 1024,
    // Each checkout is its own root layout (its <html lang dir> is the buyer's language), beside the site's:
    // a URL that matches no route renders app/global-not-found.tsx, a document of its own.
    globalNotFound: true,
  },
  // Lets parallel e2e runs (each on its own port) keep separate builds; normally `.next`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
};

export default nextConfig;
