import { describe, expect, test } from "vitest";
import { parseDateTimeLocal } from "./form";
import { dayBound } from "@/lib/list-filters";
import { linkListHref, parseLinkFilters } from "./list-filters";

describe("list filters", () => {
  test("dates become UTC day bounds", () => {
    expect(parseLinkFilters({ status: "inactive", q: " matcha ", created_from: "2026-05-01", created_to: "2026-05-31", starting_after: "plink_0abc" })).toEqual({
      filters: { status: "inactive", q: "matcha", created_from: "2026-05-01", created_to: "2026-05-31" },
      params: { limit: "20", active: "false", q: "matcha", created_gte: "2026-05-01T00:00:00.000Z", created_lte: "2026-05-31T23:59:59.999Z", starting_after: "plink_0abc" },
      errors: [],
    });
  });

  test.each<[Record<string, string | string[]>, Record<string, string>, string[]]>([
    [{}, { limit: "20" }, []],
    [{ status: "active" }, { limit: "20", active: "true" }, []],
    [{ status: "bogus", starting_after: "'; drop" }, { limit: "20" }, []],
    [{ q: ["first", "second"] }, { limit: "20", q: "first" }, []],
    [{ created_from: "2026-02-30" }, { limit: "20" }, ["“Created from” must be a date."]],
    [{ created_to: "yesterday" }, { limit: "20" }, ["“Created to” must be a date."]],
    [{ created_from: "2026-06-01", created_to: "2026-05-01" }, { limit: "20", created_gte: "2026-06-01T00:00:00.000Z", created_lte: "2026-05-01T23:59:59.999Z" }, ["“Created from” must not be after “Created to”."]],
    [{ q: "x".repeat(201) }, { limit: "20" }, ["Search for at most 200 characters."]],
  ])("%j", (search, params, errors) => {
    const parsed = parseLinkFilters(search);
    expect(parsed.params).toEqual(params);
    expect(parsed.errors).toEqual(errors);
  });

  test("list URLs carry only the filters set", () => {
    const { filters } = parseLinkFilters({ status: "active", q: "a&b" });
    expect(linkListHref(filters)).toBe("/dashboard/links?status=active&q=a%26b");
    expect(linkListHref(filters, "plink_9")).toBe("/dashboard/links?status=active&q=a%26b&starting_after=plink_9");
    expect(linkListHref(parseLinkFilters({}).filters)).toBe("/dashboard/links");
  });

  test.each([
    ["2026-05-25T10:00", "2026-05-25T10:00:00.000Z"],
    ["2026-05-25T10:00:30", "2026-05-25T10:00:30.000Z"],
    ["2026-13-01T10:00", null],
    ["2026-05-25 10:00", null],
  ])("datetime-local %j → %j", (text, iso) => {
    expect(parseDateTimeLocal(text)).toBe(iso);
  });

  test("day bounds", () => {
    expect(dayBound("2024-02-29", "end")).toBe("2024-02-29T23:59:59.999Z");
    expect(dayBound("2025-02-29", "start")).toBeNull();
  });
});
