import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
const shared = { resolve: { alias: { "@": root } } };

// Four projects: pure unit tests (milliseconds, no services), integration tests against a real PostgreSQL
// database created fresh for each run, HTTP tests against a real app process (`npm run test:http`: throttling,
// sessions, headers, limits — what only shows on the wire), and the fault drills (`npm run drill`: real app, worker and database
// processes killed mid-work, one drill at a time). Playwright's e2e/*.spec.ts files are never picked up here.
export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "db/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        ...shared,
        test: {
          name: "integration",
          include: ["**/*.int.test.ts"],
          exclude: ["node_modules/**", "e2e/**"],
          environment: "node",
          globalSetup: ["test/global-setup.ts"],
          // Two files at once even on 2 cores (vitest's default is one fewer than the cores: one here). Most of an
          // integration file's time is waiting — on PostgreSQL, on child processes (the admin CLI), on timers — so
          // the suite ran ~300 s one file after another in CI. Files that count what the whole database holds use
          // a private one (test/db.ts openPrivateTestDatabase).
          maxWorkers: 2,
          // Services log what an operator must see (a processor that failed); the tests assert it otherwise.
          env: { LOG_LEVEL: "silent" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        ...shared,
        test: {
          name: "http",
          include: ["test/http/**/*.http.test.ts"],
          environment: "node",
          // Each file serves the production build in an app process of its own (make sure it is there).
          globalSetup: ["test/drills/global-setup.ts"],
          maxWorkers: 2,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        ...shared,
        test: {
          name: "drill",
          include: ["test/drills/**/*.drill.test.ts"],
          environment: "node",
          globalSetup: ["test/drills/global-setup.ts"],
          // Each drill loads the machine and measures time: never two at once.
          fileParallelism: false,
          testTimeout: 600_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
