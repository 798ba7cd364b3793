import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  // Playwright fixtures call `use`, which the React hooks rule mistakes for React's use().
  { files: ["e2e/**"], rules: { "react-hooks/rules-of-hooks": "off" } },
  // The layers, checked: lib/core is the bottom (it imports nothing of ours), and db/ sits on it alone, so a
  // query can never reach up into the services or the web glue that call it.
  // One exception, itself held at the bottom: env.ts reads the SMS provider registry (SMS_PROVIDER's names, each
  // provider's settings) so that a provider is one file; the providers in turn import nothing of ours.
  {
    files: ["lib/core/**"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^(\\.\\./|@/(?!lib/messaging/sms/registry$))", message: "lib/core imports nothing of ours: it is the bottom layer." }] },
      ],
    },
  },
  {
    files: ["lib/messaging/sms/**"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/*", "../*"], message: "lib/core/env.ts reads the SMS providers, so they sit in the bottom layer: they import only each other." }] },
      ],
    },
  },
  {
    files: ["db/**"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^@/(?!db/|lib/core/)", message: "db/ may import only lib/core (the bottom layer) and itself." }] },
      ],
    },
  },
  { ignores: [".next/**", ".next-*/**", "node_modules/**", ".paylink/**", "db/migrations/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
];
export default config;
