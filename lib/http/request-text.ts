// What the API accepts as text, checked once at the HTTP boundary. PostgreSQL's text and jsonb cannot hold a
// NUL character, and a lone UTF-16 surrogate (`"\ud800"` is valid JSON) has no UTF-8 form: the driver would
// either fail the query (a 500) or store U+FFFD instead of what was sent. Bodies that are not UTF-8 are
// refused rather than decoded with replacement characters, for the same reason. Pure.

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The body as text, or null when its bytes are not UTF-8 (overlong forms, encoded surrogates, stray bytes). */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether a string holds a NUL or an unpaired surrogate. */
export function isUnstorable(text: string): boolean {
  return UNSTORABLE.test(text);
}

interface Visit {
  value: unknown;
  key: string | number | null;
  parent: Visit | null;
}

function pathOf(visit: Visit): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at: Visit | null = visit; at?.parent; at = at.parent) path.push(at.key!);
  return path.reverse();
}

export interface RefusedJson {
  /** Where: `["metadata", "k"]`. */
  path: (string | number)[];
  /** A NUL or an unpaired surrogate in a key or string; or a `__proto__` key, which a record silently drops
   *  (assigning it to a plain object sets the prototype instead of adding a key). */
  reason: "unstorable_text" | "proto_key";
}

/**
 * The first key or string value of a parsed JSON value the API cannot take as sent, or null. Iterative, and
 * paths are only built for a find: a body nested 10,000 levels deep must neither overflow the stack nor take
 * quadratic time.
 */
export function findRefusedJson(value: unknown): RefusedJson | null {
  const pending: Visit[] = [{ value, key: null, parent: null }];
  while (pending.length > 0) {
    const visit = pending.pop()!;
    const current = visit.value;
    if (typeof current === "string") {
      if (isUnstorable(current)) return { path: pathOf(visit), reason: "unstorable_text" };
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) pending.push({ value: current[i], key: i, parent: visit });
    } else if (current !== null && typeof current === "object") {
      const entries = Object.entries(current);
      for (const [key] of entries) {
        if (isUnstorable(key)) return { path: [...pathOf(visit), key], reason: "unstorable_text" };
        if (key === "__proto__") return { path: [...pathOf(visit), key], reason: "proto_key" };
      }
      for (let i = entries.length - 1; i >= 0; i--) pending.push({ value: entries[i]![1], key: entries[i]![0], parent: visit });
    }
  }
  return null;
}
