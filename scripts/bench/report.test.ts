import { describe, expect, test } from "vitest";
import type { LoadResult } from "./load";
import { parsePgbench } from "./pgbench";
import { evaluate, formatTable, type Figures } from "./report";

function load(rate: number, p99: number): LoadResult {
  return { rate, ok: rate * 10, unexpected: {}, errors: 0, latencyMs: { p50: p99 / 2, p90: p99, p99, max: p99, mean: p99 / 2 }, durationSeconds: 10 };
}

const base: Figures = { quick: false, started_at: "2026-11-22T00:00:00.000Z", machine: {}, settings: {}, scenarios: {} };

describe("evaluate", () => {
  test("create link is held against 0.12 × pgbench and p99 ≤ 25 ms at half rate", () => {
    const pgbench = { tps: 10_000, clients: 8, durationSeconds: 10, latencyAverageMs: 0.8, transactions: 100_000 };
    const met = evaluate({ ...base, scenarios: { create_link: { pgbench, max: load(1_200, 80), half: load(600, 25) } } });
    expect(met.filter((r) => r.met !== null).map((r) => r.met)).toEqual([true, true]);
    const missed = evaluate({ ...base, scenarios: { create_link: { pgbench, max: load(1_199, 80), half: load(599, 26) } } });
    expect(missed.filter((r) => r.met !== null).map((r) => r.met)).toEqual([false, false]);
    expect(missed[1]!.value).toBe("1199/s = 0.12 × pgbench");
  });

  test("checkout is held against 0.8 × the bare page", () => {
    const rows = evaluate({ ...base, scenarios: { checkout_page: { bare: { max: load(1_000, 40), half: load(500, 10) }, checkout: { max: load(799, 60), half: load(399, 51) }, visits_counted: 1, pages_served: 1 } } });
    expect(rows.map((r) => [r.figure, r.met])).toEqual([
      ["max rate", null],
      ["max rate", false],
      ["p99 at 399/s", false],
    ]);
  });

  test("the JavaScript budget is 15 KB gzip beyond the framework, and the no-JS payment must work", () => {
    const lighthouse = (own: number, ok: boolean) => ({ performance: 95, accessibility: 100, js: { checkout_gzip_bytes: 136_000 + own, bare_gzip_bytes: 136_000, own_gzip_bytes: own }, no_js_payment: { ok, ms: 1_000 } });
    expect(evaluate({ ...base, scenarios: { lighthouse: lighthouse(15_000, true) } }).every((r) => r.met)).toBe(true);
    const missed = evaluate({ ...base, scenarios: { lighthouse: lighthouse(15_001, false) } });
    expect(missed.filter((r) => !r.met).map((r) => r.scenario)).toEqual(["checkout JS beyond framework", "payment with JavaScript off"]);
  });

  test("scenarios that did not run are left out, and the table marks misses", () => {
    expect(evaluate(base)).toEqual([]);
    const table = formatTable(evaluate({ ...base, scenarios: { pay_order: { result: load(250, 90), orders_paid: 2_500, order_paid_events: 2_500, orders_per_second: 250 } } }));
    expect(table.split("\n")).toHaveLength(3);
    expect(table).toMatch(/orders paid\s+250\/s\s+≥ 300\/s\s+MISSED/);
  });
});

test("parsePgbench reads the rate without connection time", () => {
  const output = `transaction type: insert.sql
number of clients: 8
number of transactions actually processed: 51413
latency average = 0.776 ms
initial connection time = 12.345 ms
tps = 10303.123456 (without initial connection time)
`;
  expect(parsePgbench(output, 8, 5)).toEqual({ tps: 10_303, clients: 8, durationSeconds: 5, latencyAverageMs: 0.776, transactions: 51_413 });
  expect(() => parsePgbench("FATAL: role does not exist", 8, 5)).toThrow(/no tps/);
});
