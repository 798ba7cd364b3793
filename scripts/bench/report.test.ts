import { describe, expect, test } from "vitest";
import type { LoadResult } from "./load";
import { parsePgbench } from "./pgbench";
import { evaluate, formatTable, medians, missedCorrectness, type Figures } from "./report";

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

  test("create link against the bare route: ≥ 0.45 × its rate, p99 at half rate ≤ 2 × its p99 at that rate", () => {
    const pgbench = { tps: 10_000, clients: 8, durationSeconds: 10, latencyAverageMs: 0.8, transactions: 100_000 };
    const run = (rate: number, p99: number) =>
      evaluate({ ...base, scenarios: { create_link: { pgbench, bare_route: load(1_000, 30), bare_route_at_half: load(rate / 2, 10), max: load(rate, 80), half: load(rate / 2, p99) } } }).filter((r) => r.threshold);
    expect(run(450, 20).map((r) => [r.target, r.met])).toEqual([
      ["≥ 0.45 × bare route", true],
      ["≤ 2 × bare route p99", true],
    ]);
    expect(run(449, 21).map((r) => r.met)).toEqual([false, false]);
  });

  test("create order ≥ 0.45 × and pay ≥ 0.30 × the bare route", () => {
    const order = (rate: number) => evaluate({ ...base, scenarios: { create_order: { bare_route: load(1_000, 30), max: load(rate, 50), half: load(rate / 2, 20) } } }).find((r) => r.threshold)!;
    expect([order(450).met, order(449).met]).toEqual([true, false]);
    const pay = (rate: number) => evaluate({ ...base, scenarios: { pay_order: { result: load(rate, 90), orders_paid: rate * 10, order_paid_events: rate * 10, orders_per_second: rate, bare_route: load(1_000, 30) } } })[0]!;
    expect([pay(300).met, pay(299).met]).toEqual([true, false]);
    expect(pay(299).value).toBe("299/s = 0.299 × bare route");
  });

  test("checkout is held against 0.85 × the bare page", () => {
    const rows = evaluate({ ...base, scenarios: { checkout_page: { bare: { max: load(1_000, 40), half: load(500, 10) }, checkout: { max: load(849, 60), half: load(424, 51) }, visits_counted: 1, pages_served: 1 } } });
    expect(rows.map((r) => [r.figure, r.met])).toEqual([
      ["max rate", null],
      ["max rate", false],
      ["p99 at 424/s", false],
    ]);
  });

  test("list and search are held against the bare route's p99 at the same rate: 2 × and 3 ×", () => {
    const list_links = (listP99: number, searchP99: number) => ({
      links: 1_000_000,
      list: { max: load(200, 40), half: load(100, listP99) },
      search: { max: load(120, 40), half: load(60, searchP99) },
      bare_route: { list: load(100, 5), search: load(60, 4) },
    });
    const met = evaluate({ ...base, scenarios: { list_links: list_links(10, 12) } });
    expect(met.map((r) => [r.scenario, r.figure, r.target, r.met])).toEqual([
      ["bare route handler at the list links rate", "p99 at 100/s", "baseline", null],
      ["list links (1,000,000 links)", "p99 at 100/s", "≤ 2 × bare route p99", true],
      ["bare route handler at the keyword search rate", "p99 at 60/s", "baseline", null],
      ["keyword search (1,000,000 links)", "p99 at 60/s", "≤ 3 × bare route p99", true],
    ]);
    expect(met[1]!.value).toBe("10 ms = 2 × bare route");
    const missed = evaluate({ ...base, scenarios: { list_links: list_links(11, 13) } });
    expect(missed.filter((r) => r.met !== null).map((r) => r.met)).toEqual([false, false]);
  });

  test("the JavaScript budget is 15 KB gzip beyond the framework, and the no-JS payment must work", () => {
    const lighthouse = (own: number, ok: boolean) => ({ performance: 95, accessibility: 100, js: { checkout_gzip_bytes: 136_000 + own, bare_gzip_bytes: 136_000, own_gzip_bytes: own }, no_js_payment: { ok, ms: 1_000 } });
    expect(evaluate({ ...base, scenarios: { lighthouse: lighthouse(15_000, true) } }).every((r) => r.met)).toBe(true);
    const missed = evaluate({ ...base, scenarios: { lighthouse: lighthouse(15_001, false) } });
    expect(missed.filter((r) => !r.met).map((r) => r.scenario)).toEqual(["checkout JS beyond framework", "payment with JavaScript off"]);
    // What --strict fails a run on: these checks, never a rate.
    expect(missedCorrectness(missed).map((r) => r.scenario)).toEqual(["checkout JS beyond framework", "payment with JavaScript off"]);
    const slow = evaluate({ ...base, scenarios: { checkout_page: { bare: { max: load(1_000, 40), half: load(500, 10) }, checkout: { max: load(10, 60), half: load(5, 500) }, visits_counted: 1, pages_served: 1 } } });
    expect(slow.some((r) => r.met === false)).toBe(true);
    expect(missedCorrectness(slow)).toEqual([]);
  });

  test("scenarios that did not run are left out, and the table marks misses", () => {
    expect(evaluate(base)).toEqual([]);
    const table = formatTable(evaluate({ ...base, scenarios: { pay_order: { result: load(250, 90), orders_paid: 2_500, order_paid_events: 2_500, orders_per_second: 250, bare_route: load(1_000, 30) } } }));
    expect(table.split("\n")).toHaveLength(3);
    expect(table).toMatch(/orders paid\s+250\/s = 0.25 × bare route\s+≥ 0.30 × bare route\s+MISSED/);
  });
});

describe("medians", () => {
  const checkout = (rate: number, ok = true, performance = 97) =>
    evaluate({
      ...base,
      scenarios: {
        checkout_page: { bare: { max: load(1_000, 40), half: load(500, 10) }, checkout: { max: load(rate, 60), half: load(rate / 2, 20) }, visits_counted: 1, pages_served: 1 },
        lighthouse: { performance, accessibility: ok ? 100 : 90, js: { checkout_gzip_bytes: 1, bare_gzip_bytes: 1, own_gzip_bytes: 0 } },
      },
    });

  test("a measured target is met by the median of the runs, not by its best run", () => {
    const rows = medians([checkout(900), checkout(800), checkout(840)]);
    const rate = rows.find((r) => r.target === "≥ 0.85 × bare")!;
    expect(rate.measure).toBe(0.84);
    expect(rate.met).toBe(false);
    expect(rate.value).toBe("median 0.84 (runs: 0.9, 0.8, 0.84)");
    expect(medians([checkout(900), checkout(800), checkout(860)]).find((r) => r.target === "≥ 0.85 × bare")!.met).toBe(true);
  });

  test("a check must hold in every run, and shows what each run saw; runs of different scenarios are refused", () => {
    const accessibility = medians([checkout(900), checkout(900, false), checkout(900)]).find((r) => r.figure === "accessibility")!;
    expect(accessibility.met).toBe(false);
    expect(accessibility.value).toBe("runs: 100; 90; 100");
    expect(() => medians([checkout(900), evaluate(base)])).toThrow(/different scenarios/);
  });

  test("Lighthouse's performance score is met by its median, like a rate", () => {
    const score = medians([checkout(900, true, 91), checkout(900, true, 96), checkout(900, true, 95)]).find((r) => r.figure === "performance")!;
    expect(score).toMatchObject({ value: "median 95 (runs: 91, 96, 95)", met: true });
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
