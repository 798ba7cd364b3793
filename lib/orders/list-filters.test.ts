import { describe, expect, test } from "vitest";
import { hasOrderFilters, orderListHref, parseOrderFilters } from "./list-filters";

describe("order list filters", () => {
  test("every filter becomes a listOrders param; dates become UTC day bounds", () => {
    expect(
      parseOrderFilters({
        payment_link: " plink_0abc ",
        status: "voided",
        reference: "A-1001",
        created_from: "2026-05-01",
        created_to: "2026-05-31",
        starting_after: "ord_0xyz",
      }),
    ).toEqual({
      filters: { payment_link: "plink_0abc", status: "voided", reference: "A-1001", created_from: "2026-05-01", created_to: "2026-05-31" },
      params: {
        limit: "20",
        payment_link: "plink_0abc",
        status: "voided",
        reference: "A-1001",
        created_gte: "2026-05-01T00:00:00.000Z",
        created_lte: "2026-05-31T23:59:59.999Z",
        starting_after: "ord_0xyz",
      },
      errors: [],
    });
  });

  test.each<[Record<string, string | string[]>, Record<string, string>, string[]]>([
    [{}, { limit: "20" }, []],
    [{ status: "partially_refunded" }, { limit: "20", status: "partially_refunded" }, []],
    [{ status: "all" }, { limit: "20" }, []],
    // An unknown status or a cursor that is not an order id is ignored, never passed on.
    [{ status: "bogus", starting_after: "plink_0abc" }, { limit: "20" }, []],
    [{ starting_after: "'; drop" }, { limit: "20" }, []],
    [{ status: ["paid", "voided"] }, { limit: "20", status: "paid" }, []],
    [{ payment_link: "ord_0abc" }, { limit: "20" }, ["“Payment link” must be a link id, such as plink_0abc…."]],
    [{ reference: "x".repeat(101) }, { limit: "20" }, ["“Reference” is at most 100 characters."]],
    [{ reference: "x".repeat(100) }, { limit: "20", reference: "x".repeat(100) }, []],
    [{ created_from: "2026-02-30" }, { limit: "20" }, ["“Created from” must be a date."]],
    [{ created_to: "yesterday" }, { limit: "20" }, ["“Created to” must be a date."]],
    [
      { created_from: "2026-06-01", created_to: "2026-05-01" },
      { limit: "20", created_gte: "2026-06-01T00:00:00.000Z", created_lte: "2026-05-01T23:59:59.999Z" },
      ["“Created from” must not be after “Created to”."],
    ],
  ])("%j", (search, params, errors) => {
    const parsed = parseOrderFilters(search);
    expect(parsed.params).toEqual(params);
    expect(parsed.errors).toEqual(errors);
  });

  test("list URLs carry only the filters set", () => {
    const { filters } = parseOrderFilters({ status: "paid", reference: "a&b" });
    expect(orderListHref(filters)).toBe("/dashboard/orders?status=paid&reference=a%26b");
    expect(orderListHref(filters, "ord_9")).toBe("/dashboard/orders?status=paid&reference=a%26b&starting_after=ord_9");
    expect(orderListHref({ payment_link: "plink_1" })).toBe("/dashboard/orders?payment_link=plink_1");
    expect(orderListHref(parseOrderFilters({}).filters)).toBe("/dashboard/orders");
  });

  test("whether any filter is set", () => {
    expect(hasOrderFilters(parseOrderFilters({}).filters)).toBe(false);
    expect(hasOrderFilters(parseOrderFilters({ status: "bogus" }).filters)).toBe(false);
    expect(hasOrderFilters(parseOrderFilters({ created_to: "2026-01-01" }).filters)).toBe(true);
    expect(hasOrderFilters(parseOrderFilters({ payment_link: "plink_1" }).filters)).toBe(true);
  });
});
