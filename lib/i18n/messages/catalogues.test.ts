import { createTranslator } from "next-intl";
import { createElement, type ReactNode } from "react";
import { describe, expect, test } from "vitest";
import { intlLocale } from "@/lib/i18n/format";
import { LOCALES } from "@/lib/i18n/locales";
import { CATALOGUES } from "@/lib/i18n/translate";

// The catalogues are English (en.json) and its translations: each has English's keys, no more, and each of its
// messages is valid ICU that names the same placeholders and tags, so a translation can never leave a buyer a
// blank, a key path, or a raw "{amount}".

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`)));
}

const ENGLISH = new Map(leaves(CATALOGUES.en as unknown as Tree));

/**
 * The argument names of an ICU message: `{name}`, `{n, number}`, and the plural or select argument with the
 * arguments inside its branches (`{count, plural, one {# day} other {# days}}` names only `count`).
 */
function argumentsOf(message: string): Set<string> {
  const names = new Set<string>();
  let i = 0;
  // Text up to the `}` that closes a branch (or the end): each `{` in it opens an argument.
  const text = () => {
    while (i < message.length && message[i] !== "}") {
      if (message[i] === "{") argument();
      else i++;
    }
  };
  const argument = () => {
    i++;
    const [name = "", type = "", ...rest] = message.slice(i).split(/[{}]/, 1)[0]!.split(",").map((part) => part.trim());
    names.add(name);
    i += message.slice(i).search(/[{}]/);
    if (/^(plural|select|selectordinal)$/.test(type) || rest.length > 0) {
      while (message[i] === "{") {
        i++;
        text();
        i++;
        i += Math.max(0, message.slice(i).search(/[{}]/));
      }
    }
    i++;
  };
  text();
  return names;
}

/** The argument names of a message and its tags. */
function shape(message: string): { args: string[]; tags: string[] } {
  const tags = new Set([...message.matchAll(/<(\w+)>/g)].map((m) => m[1]!));
  return { args: [...argumentsOf(message)].sort(), tags: [...tags].sort() };
}

test("a message's arguments are its placeholders, not the words of its plural branches", () => {
  expect(shape("Pay {amount} to {merchant}.")).toEqual({ args: ["amount", "merchant"], tags: [] });
  expect(shape("{days, plural, one {In # Tag} other {In # Tagen}}")).toEqual({ args: ["days"], tags: [] });
  expect(shape("{count, plural, one {Tag} other {# for {merchant}}} <strong>{amount}</strong>")).toEqual({ args: ["amount", "count", "merchant"], tags: ["strong"] });
  expect(shape("{n, number, ::currency/EUR} and {kind, select, a {A} other {B}}")).toEqual({ args: ["kind", "n"], tags: [] });
});

describe.each(LOCALES)("the %s catalogue", (locale) => {
  const messages = new Map(leaves(CATALOGUES[locale] as unknown as Tree));

  test("has exactly English's keys", () => {
    expect([...messages.keys()].sort()).toEqual([...ENGLISH.keys()].sort());
  });

  test("names the same placeholders and tags as English, and formats each message", () => {
    const errors: string[] = [];
    const t = createTranslator({ locale: intlLocale(locale), messages: CATALOGUES[locale], onError: (error) => errors.push(error.message) });
    for (const [key, english] of ENGLISH) {
      const message = messages.get(key) ?? "";
      const { args, tags } = shape(english);
      expect(shape(message), key).toEqual({ args, tags });
      const values = Object.fromEntries(args.map((arg) => [arg, 2]));
      const tagged = Object.fromEntries(tags.map((tag) => [tag, (chunks: ReactNode) => createElement("b", null, chunks)]));
      const output = tags.length > 0 ? t.rich(key as never, { ...values, ...tagged } as never) : t(key as never, values as never);
      expect(output, key).toBeTruthy();
    }
    expect(errors).toEqual([]);
  });

  // Brand names (Alipay, iDEAL…), "•••• {last4}", the card number placeholder and the like read the same in
  // every language; a catalogue with many more English messages than those is an untranslated copy.
  test.skipIf(locale === "en")("is translated, not a copy of English", () => {
    const same = [...messages].filter(([key, message]) => ENGLISH.get(key) === message).map(([key]) => key);
    expect(same.length, same.join(", ")).toBeLessThanOrEqual(30);
  });
});
