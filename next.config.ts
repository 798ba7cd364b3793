import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Loaded by Node at run time instead of bundled: PGlite ships WASM and data files, argon2 is a native
  // addon, and rate-limiter-flexible imports drizzle-orm dynamically, so drizzle must be the same
  // (unbundled) instance everywhere.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "argon2",
    "drizzle-orm",
    "postgres",
    "pino",
    "rate-limiter-flexible",
  ],
  poweredByHeader: false,
  // Lets parallel e2e runs (each on its own port) keep separate builds; normally `.next`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
};

export default nextConfig;
