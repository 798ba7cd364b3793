import { describe, expect, test } from "vitest";
import { parseEnv } from "@/lib/core/env";
import { outboxPageEnabled, smsProviderFromEnv, smsStatusCallbackUrl } from "./config";
import { smsProviderNames, smsProviders } from "./sms/registry";

const base = { AUTH_SECRET: "x".repeat(32) };
const twilio = { SMS_PROVIDER: "twilio", TWILIO_ACCOUNT_SID: "AC0123456789abcdef", TWILIO_AUTH_TOKEN: "token-123456", TWILIO_FROM: "+15005550006" };

describe("SMS providers come from the registry", () => {
  test("SMS_PROVIDER takes exactly the registered names; the chosen provider's required settings are checked at start", () => {
    expect(smsProviderNames).toContain("twilio");
    expect(() => parseEnv({ ...base, SMS_PROVIDER: "nexmo" })).toThrow(/SMS_PROVIDER .*"twilio"/);
    expect(() => parseEnv({ ...base, SMS_PROVIDER: "twilio" })).toThrow(/TWILIO_ACCOUNT_SID is required with SMS_PROVIDER=twilio[\s\S]*TWILIO_AUTH_TOKEN is required[\s\S]*TWILIO_FROM is required/);
    // A provider's settings are checked for form even when it is not chosen, and unset ones take their defaults.
    expect(() => parseEnv({ ...base, TWILIO_FROM: "0701234567" })).toThrow(/TWILIO_FROM must be an E.164 number/);
    expect(parseEnv(base).TWILIO_API_URL).toBe("https://api.twilio.com");
  });

  test("each setting belongs to one provider, and each provider's name is its callback path", () => {
    const names = smsProviders.flatMap((p) => Object.keys(p.settings));
    expect(new Set(names).size).toBe(names.length);
    for (const provider of smsProviders) expect(encodeURIComponent(provider.name)).toBe(provider.name);
  });

  test("the configured provider is made from its settings; none configured is the outbox", () => {
    expect(smsProviderFromEnv(parseEnv(base))).toBeNull();
    expect(smsProviderFromEnv(parseEnv({ ...base, ...twilio }))?.name).toBe("twilio");
  });

  test("Twilio's status callback stays at the URL Twilio accounts are configured with", () => {
    expect(smsStatusCallbackUrl("https://pay.example.com", "twilio", "msg_123")).toBe("https://pay.example.com/api/sms/twilio/status?message=msg_123");
  });
});

describe("the outbox page", () => {
  test("is on under `npm run dev` and off otherwise, unless OUTBOX_PAGE says", () => {
    const page = (env: Record<string, string>) => outboxPageEnabled(parseEnv({ ...base, ...env }));
    expect(page({ NODE_ENV: "development" })).toBe(true);
    expect(page({ NODE_ENV: "production" })).toBe(false);
    expect(page({ NODE_ENV: "test" })).toBe(false);
    expect(page({ NODE_ENV: "production", OUTBOX_PAGE: "true" })).toBe(true);
    expect(page({ NODE_ENV: "development", OUTBOX_PAGE: "false" })).toBe(false);
  });
});
