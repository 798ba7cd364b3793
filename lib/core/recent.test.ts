import { describe, expect, test } from "vitest";
import { Recent } from "./recent";

describe("Recent", () => {
  test("makes a value once, then answers the kept one", () => {
    const recent = new Recent<string, number>(10);
    let made = 0;
    const make = (key: string) => ++made * 100 + key.length;
    expect(recent.remember("ab", make)).toBe(102);
    expect(recent.remember("ab", make)).toBe(102);
    expect(made).toBe(1);
  });

  test("past its capacity the least recently used entry goes, not the least recently made", () => {
    const recent = new Recent<string, string>(2);
    const made: string[] = [];
    const make = (key: string) => (made.push(key), key.toUpperCase());
    recent.remember("a", make);
    recent.remember("b", make);
    recent.remember("a", make); // used again: "b" is now the oldest
    recent.remember("c", make); // evicts "b"
    expect(recent.size).toBe(2);
    recent.remember("a", make);
    recent.remember("b", make); // made again
    expect(made).toEqual(["a", "b", "c", "b"]);
  });

  test("remembers undefined and null values as values", () => {
    const recent = new Recent<number, boolean | undefined>(4);
    let made = 0;
    recent.remember(1, () => (made++, undefined));
    recent.remember(1, () => (made++, undefined));
    expect(made).toBe(1);
  });

  test("refuses a capacity below one", () => {
    expect(() => new Recent(0)).toThrow(/at least one/);
  });
});
