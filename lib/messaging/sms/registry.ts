import { twilioSms } from "./twilio";

/**
 * Every SMS provider Paylink can send through. A new provider is its own file (an SmsProviderDefinition beside
 * twilio.ts) and one entry here: SMS_PROVIDER accepts its name, env.ts checks its settings, the worker sends
 * through it and /api/sms/<name>/status receives its delivery reports.
 */
export const smsProviders = [twilioSms] as const;

type Registered = (typeof smsProviders)[number];
export type SmsProviderName = Registered["name"];

export const smsProviderNames = smsProviders.map((p) => p.name) as [SmsProviderName, ...SmsProviderName[]];

/** The registered provider of that name, or null (an unknown name in a callback URL, say). */
export function findSmsProvider(name: string): Registered | null {
  return smsProviders.find((p) => p.name === name) ?? null;
}

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** The environment variables of every provider, for env.ts (each provider prefixes its own: TWILIO_…). */
export const smsProviderSettings = Object.assign({}, ...smsProviders.map((p) => p.settings)) as UnionToIntersection<Registered["settings"]>;
