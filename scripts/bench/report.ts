// The targets of issues #6 and #18 and how the benchmark's figures are held against them. Pure: the bench script
// fills `Figures`, `evaluate` reads them, `formatTable` prints the result. A scenario that did not run is
// simply absent from the table.
import type { LoadResult } from "./load.ts";
import type { PgbenchResult } from "./pgbench.ts";

type MaxHalf = { max: LoadResult; half: LoadResult };
type Latency = { count: number; p50: number; p95: number; p99: number; max: number; mean: number };

export interface Figures {
  quick: boolean;
  started_at: string;
  finished_at?: string;
  machine: Record<string, unknown>;
  settings: Record<string, unknown>;
  scenarios: {
    /** `bare_route_at_half`: the bare route handler paced at create's half rate, the baseline of its p99. */
    create_link?: { pgbench: PgbenchResult; bare_route?: LoadResult; bare_route_at_half?: LoadResult } & MaxHalf;
    create_order?: { bare_route: LoadResult } & MaxHalf;
    checkout_page?: { bare: MaxHalf; checkout: MaxHalf; visits_counted: number; pages_served: number };
    pay_order?: { result: LoadResult; orders_paid: number; order_paid_events: number; orders_per_second: number; bare_route?: LoadResult };
    list_links?: {
      links: number;
      list: MaxHalf;
      search: MaxHalf;
      /** The bare route handler paced at the rate of each half-rate run: the baseline of its p99. */
      bare_route?: { list: LoadResult; search: LoadResult };
    };
    webhooks?: {
      steady: { events: number; rate_per_second: number; latency_ms: Latency };
      /**
       * `events` committed at once (one transaction, through the service code); delivered per second from the
       * first arrival to the last, and from the commit to the last; the worker's largest RSS while draining.
       */
      burst: { events: number; committed_in_ms: number; deliveries_per_second: number; drained_per_second: number; latency_ms: Latency; worker_rss_mb: number };
      duplicates: number;
    };
    messages?: {
      /** One email at a time sent straight through nodemailer to the same SMTP server: the baseline. */
      direct_smtp_ms: Latency;
      steady: { messages: number; rate_per_second: number; latency_ms: Latency };
      burst: { messages: number; queued_in_ms: number; drained_in_ms: number; sent_per_second: number; direct_per_second: number; latency_ms: Latency };
      duplicates: number;
    };
    lighthouse?: {
      performance: number;
      accessibility: number;
      js: { checkout_gzip_bytes: number; bare_gzip_bytes: number; own_gzip_bytes: number };
      no_js_payment?: { ok: boolean; ms: number };
      /** The same checkout in other languages (a link with `locale` set): Arabic right to left, Japanese. */
      locales?: Record<string, { performance: number; accessibility: number; own_gzip_bytes: number }>;
    };
  };
  /** Peak resident memory per scenario (scripts/bench/memory.ts). */
  memory_mb?: Record<string, { app_mb: number; app_instances_mb: number[]; worker_mb: number | null }>;
  targets?: TargetResult[];
  problems?: string[];
}

export interface TargetResult {
  scenario: string;
  figure: string;
  value: string;
  target: string;
  /** null: reported for information, no target. */
  met: boolean | null;
  /**
   * What kind of target: a rate or latency (machine-dependent: reported, never failing a run) or a check of
   * correctness (nothing lost, works without JavaScript, accessible: --strict fails the run on it).
   */
  kind?: "rate" | "check";
  /** The number held against the target (a ratio, ms, /s), and how: what the medians of several runs use. */
  measure?: number;
  threshold?: { op: ">=" | "<="; value: number };
}

/** A target row whose number is compared with a threshold: `met` follows from them. */
function measured(row: Omit<TargetResult, "met" | "measure" | "threshold">, measure: number, op: ">=" | "<=", value: number): TargetResult {
  return { ...row, met: op === ">=" ? measure >= value : measure <= value, measure, threshold: { op, value }, kind: row.kind ?? "rate" };
}

/** The missed targets that are correctness checks: the ones --strict fails a run on. */
export function missedCorrectness(rows: TargetResult[]): TargetResult[] {
  return rows.filter((r) => r.met === false && r.kind === "check");
}

const ms = (n: number) => `${n} ms`;
const perSecond = (n: number) => `${n}/s`;
const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
/** Shown to three decimals; compared unrounded (0.1199 is not 0.12). */
const shown = (r: number) => String(Math.round(r * 1000) / 1000);

export function evaluate(figures: Figures): TargetResult[] {
  const out: TargetResult[] = [];
  const { create_link, create_order, checkout_page, pay_order, list_links, webhooks, messages, lighthouse } = figures.scenarios;
  if (create_link) {
    const r = ratio(create_link.max.rate, create_link.pgbench.tps);
    out.push({ scenario: "pgbench insert (8 clients)", figure: "rate", value: perSecond(create_link.pgbench.tps), target: "baseline", met: null });
    if (create_link.bare_route) {
      out.push({ scenario: "bare route handler (same build)", figure: "rate", value: `${perSecond(create_link.bare_route.rate)} = ${shown(ratio(create_link.bare_route.rate, create_link.pgbench.tps))} × pgbench`, target: "baseline", met: null });
    }
    out.push({ scenario: "create payment link (API)", figure: "max rate", value: `${perSecond(create_link.max.rate)} = ${shown(r)} × pgbench`, target: "≥ 0.12 × pgbench", met: r >= 0.12 });
    const figure = `p99 at ${perSecond(Math.floor(create_link.max.rate / 2))}`;
    if (create_link.bare_route) {
      const vsBare = ratio(create_link.max.rate, create_link.bare_route.rate);
      out.push(measured({ scenario: "create payment link (API)", figure: "max rate", value: `${shown(vsBare)} × bare route`, target: "≥ 0.45 × bare route" }, vsBare, ">=", 0.45));
    }
    if (create_link.bare_route_at_half) {
      const bareP99 = create_link.bare_route_at_half.latencyMs.p99;
      out.push({ scenario: "bare route handler at create's half rate", figure, value: ms(bareP99), target: "baseline", met: null });
      const vsBare = ratio(create_link.half.latencyMs.p99, bareP99);
      out.push(measured({ scenario: "create payment link (API)", figure, value: `${ms(create_link.half.latencyMs.p99)} = ${shown(vsBare)} × bare route`, target: "≤ 2 × bare route p99" }, vsBare, "<=", 2));
    } else {
      out.push({ scenario: "create payment link (API)", figure, value: ms(create_link.half.latencyMs.p99), target: "≤ 25 ms", met: create_link.half.latencyMs.p99 <= 25 });
    }
  }
  if (create_order) {
    const vsBare = ratio(create_order.max.rate, create_order.bare_route.rate);
    out.push({ scenario: "bare route handler (same build)", figure: "max rate", value: perSecond(create_order.bare_route.rate), target: "baseline", met: null });
    out.push(measured({ scenario: "create order (API)", figure: "max rate", value: `${perSecond(create_order.max.rate)} = ${shown(vsBare)} × bare route`, target: "≥ 0.45 × bare route" }, vsBare, ">=", 0.45));
    out.push({ scenario: "create order (API)", figure: `p99 at ${perSecond(Math.floor(create_order.max.rate / 2))}`, value: ms(create_order.half.latencyMs.p99), target: "—", met: null });
  }
  if (checkout_page) {
    const r = ratio(checkout_page.checkout.max.rate, checkout_page.bare.max.rate);
    out.push({ scenario: "bare page (same build)", figure: "max rate", value: perSecond(checkout_page.bare.max.rate), target: "baseline", met: null });
    out.push(measured({ scenario: "checkout page GET (+visit)", figure: "max rate", value: `${perSecond(checkout_page.checkout.max.rate)} = ${shown(r)} × bare`, target: "≥ 0.85 × bare" }, r, ">=", 0.85));
    const half = checkout_page.checkout.half.latencyMs.p99;
    out.push(measured({ scenario: "checkout page GET (+visit)", figure: `p99 at ${perSecond(Math.floor(checkout_page.checkout.max.rate / 2))}`, value: ms(half), target: "≤ 50 ms" }, half, "<=", 50));
  }
  if (pay_order) {
    if (pay_order.bare_route) {
      const vsBare = ratio(pay_order.orders_per_second, pay_order.bare_route.rate);
      out.push(measured({ scenario: "pay a link, success card", figure: "orders paid", value: `${perSecond(pay_order.orders_per_second)} = ${shown(vsBare)} × bare route`, target: "≥ 0.30 × bare route" }, vsBare, ">=", 0.3));
    } else {
      out.push({ scenario: "pay a link, success card", figure: "orders paid", value: perSecond(pay_order.orders_per_second), target: "—", met: null });
    }
    out.push({ scenario: "pay a link, success card", figure: "p99 at max rate", value: ms(pay_order.result.latencyMs.p99), target: "—", met: null });
  }
  if (list_links) {
    const n = list_links.links.toLocaleString("en-US");
    const bare = list_links.bare_route;
    for (const [name, run, baseline, times] of [["list links", list_links.list, bare?.list, 2], ["keyword search", list_links.search, bare?.search, 3]] as const) {
      const figure = `p99 at ${perSecond(Math.floor(run.max.rate / 2))}`;
      const p99 = run.half.latencyMs.p99;
      if (!baseline) {
        out.push({ scenario: `${name} (${n} links)`, figure, value: ms(p99), target: "≤ 50 ms", met: p99 <= 50 });
        continue;
      }
      out.push({ scenario: `bare route handler at the ${name} rate`, figure, value: ms(baseline.latencyMs.p99), target: "baseline", met: null });
      const r = ratio(p99, baseline.latencyMs.p99);
      // A bare p99 of 0 ms (rounded) would make any ratio infinite: held at 1 ms.
      const held = ratio(p99, Math.max(1, baseline.latencyMs.p99));
      out.push(measured({ scenario: `${name} (${n} links)`, figure, value: `${ms(p99)} = ${shown(r)} × bare route`, target: `≤ ${times} × bare route p99` }, held, "<=", times));
    }
  }
  if (webhooks) {
    const { steady, burst } = webhooks;
    out.push({ scenario: "webhook first attempt", figure: `p50 at ${perSecond(steady.rate_per_second)}`, value: ms(steady.latency_ms.p50), target: "≤ 200 ms", met: steady.latency_ms.p50 <= 200, measure: steady.latency_ms.p50, threshold: { op: "<=", value: 200 } });
    out.push({ scenario: "webhook first attempt", figure: `p99 at ${perSecond(steady.rate_per_second)}`, value: ms(steady.latency_ms.p99), target: "≤ 1000 ms", met: steady.latency_ms.p99 <= 1000, measure: steady.latency_ms.p99, threshold: { op: "<=", value: 1000 } });
    out.push(
      measured(
        {
          scenario: "webhook burst, one worker",
          figure: `${burst.events} events, first → last`,
          value: `${perSecond(burst.deliveries_per_second)} (${perSecond(burst.drained_per_second)} from commit), RSS ${burst.worker_rss_mb} MB`,
          target: "≥ 1,000/s",
        },
        burst.deliveries_per_second,
        ">=",
        1000,
      ),
    );
  }
  if (messages) {
    const { direct_smtp_ms: direct, steady, burst } = messages;
    out.push({ scenario: "email straight to SMTP (nodemailer)", figure: "p50 / p99", value: `${ms(direct.p50)} / ${ms(direct.p99)}`, target: "baseline", met: null });
    out.push({ scenario: "email, commit → SMTP accepted", figure: `p50 at ${perSecond(steady.rate_per_second)}`, value: `${ms(steady.latency_ms.p50)} = ${shown(ratio(steady.latency_ms.p50, direct.p50))} × direct`, target: "≤ 500 ms", met: steady.latency_ms.p50 <= 500 });
    out.push({ scenario: "email, commit → SMTP accepted", figure: `p99 at ${perSecond(steady.rate_per_second)}`, value: `${ms(steady.latency_ms.p99)} = ${shown(ratio(steady.latency_ms.p99, direct.p99))} × direct`, target: "≤ 2000 ms", met: steady.latency_ms.p99 <= 2000 });
    out.push({ scenario: `email burst of ${burst.messages}`, figure: "drained", value: `${perSecond(burst.sent_per_second)} = ${shown(ratio(burst.sent_per_second, burst.direct_per_second))} × direct, p99 ${ms(burst.latency_ms.p99)}`, target: "none lost", met: burst.latency_ms.count === burst.messages && messages.duplicates === 0, kind: "check" });
  }
  if (lighthouse) {
    out.push(measured({ scenario: "checkout, Lighthouse mobile", figure: "performance", value: String(lighthouse.performance), target: "≥ 95" }, lighthouse.performance, ">=", 95));
    out.push({ scenario: "checkout, Lighthouse mobile", figure: "accessibility", value: String(lighthouse.accessibility), target: "100", met: lighthouse.accessibility >= 100, kind: "check" });
    const own = lighthouse.js.own_gzip_bytes;
    out.push({ scenario: "checkout JS beyond framework", figure: "gzip", value: `${(own / 1000).toFixed(1)} KB`, target: "≤ 15 KB", met: own <= 15_000, kind: "check" });
    for (const [locale, page] of Object.entries(lighthouse.locales ?? {})) {
      out.push({ scenario: `checkout in ${locale}, Lighthouse mobile`, figure: "performance / accessibility", value: `${page.performance} / ${page.accessibility}, own JS ${(page.own_gzip_bytes / 1000).toFixed(1)} KB`, target: "≥ 95 / 100", met: page.performance >= 95 && page.accessibility >= 100 });
    }
    if (lighthouse.no_js_payment) {
      out.push({ scenario: "payment with JavaScript off", figure: "receipt shown", value: lighthouse.no_js_payment.ok ? `yes (${lighthouse.no_js_payment.ms} ms)` : "no", target: "works", met: lighthouse.no_js_payment.ok, kind: "check" });
    }
  }
  for (const [phase, memory] of Object.entries(figures.memory_mb ?? {})) {
    const app = memory.app_instances_mb.length > 1 ? `${memory.app_mb} MB (${memory.app_instances_mb.join(" + ")})` : `${memory.app_mb} MB`;
    out.push({ scenario: `memory during ${phase}`, figure: "peak RSS", value: `app ${app}, worker ${memory.worker_mb ?? "?"} MB`, target: "—", met: null });
  }
  return out;
}

/**
 * Several runs' rows as one table of medians (issue #18: each figure the median of three runs). Rows are
 * matched by position (the same scenarios give the same rows in the same order); a measured row shows its
 * median and each run's number, and is met when the median is; other rows are the middle run's.
 */
export function medians(runs: TargetResult[][]): TargetResult[] {
  if (runs.length === 0) return [];
  const shape = (rows: TargetResult[]) => rows.map((r) => r.scenario).join("\n");
  if (runs.some((rows) => shape(rows) !== shape(runs[0]!))) throw new Error("the runs measured different scenarios: no medians");
  return runs[0]!.map((first, i) => {
    const all = runs.map((rows) => rows[i]!);
    const numbers = all.map((r) => r.measure).filter((n): n is number => typeof n === "number");
    const middle = all[Math.floor(all.length / 2)]!;
    if (numbers.length !== all.length || !first.threshold) {
      // Not measured: whether it was met in every run (a check must hold in each), and what each run saw.
      const met = all.some((r) => r.met === false) ? false : first.met === null ? null : true;
      const values = all.map((r) => r.value);
      return { ...middle, value: new Set(values).size === 1 ? middle.value : `runs: ${values.join("; ")}`, met };
    }
    const sorted = [...numbers].sort((a, b) => a - b);
    const median = sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
    const { op, value } = first.threshold;
    return {
      ...first,
      figure: first.figure.replace(/ at \d+\/s$/, " at half rate"),
      value: `median ${shown(median)} (runs: ${numbers.map(shown).join(", ")})`,
      measure: median,
      met: op === ">=" ? median >= value : median <= value,
    };
  });
}

export function formatTable(rows: TargetResult[]): string {
  const header = { scenario: "scenario", figure: "figure", value: "measured", target: "target", met: null };
  const mark = (met: boolean | null) => (met === null ? "" : met ? "ok" : "MISSED");
  const all = [header, ...rows];
  const width = (key: "scenario" | "figure" | "value" | "target") => Math.max(...all.map((r) => r[key].length));
  const widths = { scenario: width("scenario"), figure: width("figure"), value: width("value"), target: width("target") };
  const line = (r: TargetResult, result: string) =>
    `${r.scenario.padEnd(widths.scenario)}  ${r.figure.padEnd(widths.figure)}  ${r.value.padStart(widths.value)}  ${r.target.padEnd(widths.target)}  ${result}`;
  return [line(header, "result"), ...rows.map((r) => line(r, mark(r.met)))].join("\n");
}
