import { describe, expect, test } from "vitest";
import { busiestDay, dayLabel, fullDayLabel, percent } from "./format";

describe("insights formatting", () => {
  test("UTC days are shown as the day they name, in any server time zone", () => {
    expect(dayLabel("2026-03-01")).toBe("Mar 1");
    expect(fullDayLabel("2026-12-31")).toBe("Dec 31, 2026");
  });

  test("a share of nothing is none, not NaN%", () => {
    expect(percent(5, 8)).toBe("62.5%");
    expect(percent(2, 3)).toBe("66.7%");
    expect(percent(0, 0)).toBeNull();
  });

  test("the busiest day is the one with the most volume, the latest of equals; none when all are zero", () => {
    const day = (date: string, volume: number) => ({ date, count: volume ? 1 : 0, volume });
    expect(busiestDay([day("2026-01-01", 5), day("2026-01-02", 9), day("2026-01-03", 9)])?.date).toBe("2026-01-03");
    expect(busiestDay([day("2026-01-01", 0)])).toBeNull();
  });
});
