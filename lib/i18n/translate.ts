import { createTranslator } from "next-intl";
import ar from "@/lib/i18n/messages/ar.json" with { type: "json" };
import de from "@/lib/i18n/messages/de.json" with { type: "json" };
import en from "@/lib/i18n/messages/en.json" with { type: "json" };
import es from "@/lib/i18n/messages/es.json" with { type: "json" };
import fr from "@/lib/i18n/messages/fr.json" with { type: "json" };
import ja from "@/lib/i18n/messages/ja.json" with { type: "json" };
import ptBR from "@/lib/i18n/messages/pt-BR.json" with { type: "json" };
import sv from "@/lib/i18n/messages/sv.json" with { type: "json" };
import th from "@/lib/i18n/messages/th.json" with { type: "json" };
import zhCN from "@/lib/i18n/messages/zh-CN.json" with { type: "json" };
import { intlLocale } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

// The message catalogues, one per locale (lib/i18n/messages/<locale>.json, English the reference), and the
// translator every buyer-facing surface uses: the checkout's server components, the email and SMS templates
// and the PDFs. It is next-intl's core translator (ICU messages: plurals, selects, placeholders), created
// without React, so the worker renders an email with the same call a page does. Messages render on the server
// only: no catalogue is ever sent to the browser.

export type Messages = typeof en;
export type Namespace = keyof Messages;

export const CATALOGUES: Readonly<Record<Locale, Messages>> = {
  en,
  de,
  fr,
  es,
  "pt-BR": ptBR,
  sv,
  ja,
  "zh-CN": zhCN,
  th,
  ar,
};

function newTranslator<N extends Namespace>(locale: Locale, namespace: N) {
  return createTranslator<Messages, N>({
    locale: intlLocale(locale),
    messages: CATALOGUES[locale],
    namespace,
    // A missing message is a build-time failure (the catalogue test); at run time the English words are better
    // than a blank on a payment page.
    getMessageFallback: ({ key, namespace: ns }) => fallback(ns ? `${ns}.${key}` : key),
    onError: () => {},
  });
}

export type Translator<N extends Namespace> = ReturnType<typeof newTranslator<N>>;

const english = createTranslator<Messages>({ locale: "en", messages: en, onError: () => {} });

function fallback(path: string): string {
  return english.has(path as never) ? english(path as never) : path;
}

// Translators hold parsed ICU messages and Intl formatters: one per locale and namespace for the process.
const translators = new Map<string, unknown>();

/** The words of one namespace (checkout, email, sms, pdf…) in a locale: `t("pay.button", { amount })`. */
export function translator<N extends Namespace>(locale: Locale, namespace: N): Translator<N> {
  const key = `${locale}|${namespace}`;
  let t = translators.get(key) as Translator<N> | undefined;
  if (!t) {
    t = newTranslator(locale, namespace);
    translators.set(key, t);
  }
  return t;
}
