import { request } from "node:http";
import { request as requestTls } from "node:https";
import { Launcher, launch } from "chrome-launcher";
import lighthouse, { type Result as LighthouseResult } from "lighthouse";

// Issue #6, "the checkout page as a phone sees it", for `npm run bench`: Lighthouse's default mobile profile
// (Moto G Power screen, simulated slow 4G and 4x CPU slowdown) on the system Chromium, the checkout's own
// JavaScript beyond what a bare page on the same build loads. A whole payment with JavaScript off is timed
// in no-js-payment.ts.

export const DEFAULT_CHROME_PATH = "/usr/bin/chromium";

export interface PageMetrics {
  fcp_ms: number;
  lcp_ms: number;
  tbt_ms: number;
  cls: number;
  speed_index_ms: number;
}

export interface LighthouseRun extends PageMetrics {
  performance: number;
  accessibility: number;
}

export interface ScriptSize {
  /** The path (and query) on the server: chunk names are content-hashed, so equal paths are equal files. */
  url: string;
  /** The gzip-encoded body the server sends for it. */
  gzip_bytes: number;
  /** What Chromium counted on the wire in the Lighthouse run: the body plus the response headers. */
  transfer_bytes: number;
  /** The bare page loads it too: framework runtime, not the checkout's own. */
  shared: boolean;
}

export interface Opportunity {
  id: string;
  title: string;
  displayValue: string | null;
  savings_ms: number;
  savings_bytes: number;
}

export interface PageMeasurement {
  /** The median run's scores (0..100) and metrics; the median is taken over the performance score. */
  performance: number;
  accessibility: number;
  metrics: PageMetrics;
  /** Every run, in the order they ran. */
  runs: LighthouseRun[];
  /** Accessibility audits the median run failed. */
  failedAudits: { id: string; title: string }[];
  /** The median run's performance audits (not the metrics) that did not pass, the largest savings first. */
  opportunities: Opportunity[];
  js: {
    checkout_gzip_bytes: number;
    bare_gzip_bytes: number;
    /** Scripts the checkout loads that the bare page does not. */
    own_gzip_bytes: number;
    /** checkout − bare: negative when the bare page loads something the checkout does not. */
    difference_gzip_bytes: number;
    scripts: ScriptSize[];
  };
  /** Requests to any origin but the checkout's: there should be none (the bench's network reaches nothing). */
  externalRequests: string[];
  duration_ms: number;
}

export interface MeasurePagesOptions {
  checkoutUrl: string;
  bareUrl: string;
  chromePath?: string;
  /** Lighthouse runs on the checkout; the median one is reported. Default 3. */
  runs?: number;
}

/**
 * Runs Lighthouse `runs` times on the checkout (categories performance and accessibility, default mobile
 * profile, a fresh Chromium each time) and once on the bare page, and compares the scripts both load.
 *
 * Which scripts a page loads comes from the Lighthouse runs' network requests, so chunks fetched after
 * hydration count too, and the list is what that same phone emulation loaded. Their sizes are then measured
 * exactly, by fetching each once more with `Accept-Encoding: gzip`: Chromium's transferSize also counts
 * response headers (a few hundred bytes a script), and the issue's budget is in gzip bytes. That fetch also
 * proves the server compresses: a script sent uncompressed is an error, since it would skew the comparison.
 * Scripts a modern browser skips (Next's `<script noModule>` polyfills, about 40 KB gzip) are not counted:
 * the phone never downloads them.
 */
export async function measurePages({ checkoutUrl, bareUrl, chromePath = DEFAULT_CHROME_PATH, runs = 3 }: MeasurePagesOptions): Promise<PageMeasurement> {
  const started = performance.now();
  const origin = new URL(checkoutUrl).origin;
  const results: LighthouseResult[] = [];
  for (let i = 0; i < Math.max(1, runs); i++) {
    results.push(await runLighthouse(checkoutUrl, chromePath, { onlyCategories: ["performance", "accessibility"] }));
  }
  const bare = await runLighthouse(bareUrl, chromePath, { onlyAudits: ["network-requests"] });

  const summaries = results.map(summarize);
  const medianIndex = indexOfMedian(summaries.map((run) => run.performance));
  const median = results[medianIndex]!;
  const { performance: perfScore, accessibility, ...metrics } = summaries[medianIndex]!;

  const checkoutScripts = scriptRequests(median, origin);
  const bareScripts = scriptRequests(bare, origin);
  const barePaths = new Set(bareScripts.map((script) => script.path));
  const sizes = await gzipSizes([...new Set([...checkoutScripts, ...bareScripts].map((script) => script.path))], origin);
  const scripts: ScriptSize[] = checkoutScripts.map((script) => ({
    url: script.path,
    gzip_bytes: sizes.get(script.path)!,
    transfer_bytes: script.transferSize,
    shared: barePaths.has(script.path),
  }));
  const checkoutBytes = sum(scripts.map((script) => script.gzip_bytes));
  const bareBytes = sum(bareScripts.map((script) => sizes.get(script.path)!));

  return {
    performance: perfScore,
    accessibility,
    metrics,
    runs: summaries,
    failedAudits: failedAccessibilityAudits(median),
    opportunities: opportunities(median),
    js: {
      checkout_gzip_bytes: checkoutBytes,
      bare_gzip_bytes: bareBytes,
      own_gzip_bytes: sum(scripts.filter((script) => !script.shared).map((script) => script.gzip_bytes)),
      difference_gzip_bytes: checkoutBytes - bareBytes,
      scripts,
    },
    externalRequests: [...new Set([...results, bare].flatMap((result) => externalRequests(result, origin)))],
    duration_ms: Math.round(performance.now() - started),
  };
}

async function runLighthouse(url: string, chromePath: string, flags: { onlyCategories?: string[]; onlyAudits?: string[] }): Promise<LighthouseResult> {
  const chrome = await launch({ chromePath, chromeFlags: chromeFlags(url), ignoreDefaultFlags: true, logLevel: "silent", handleSIGINT: false });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", ...flags });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    return lhr;
  } finally {
    chrome.kill();
  }
}

/**
 * Headless as root needs --no-sandbox. The host resolver rule makes every host but the page's own fail at
 * once, inside Chromium: nothing reaches out (Chromium's own background services are already off through
 * chrome-launcher's default flags), and a third-party resource would show as a failed request, not a hang.
 *
 * PaintHolding off: Lighthouse navigates from about:blank in the same tab, and headless Chromium then often
 * holds the new page's first frame for about a second after it is ready (a copy of the checkout with no
 * script at all: first paint 1.2 s after navigation with it, 0.2 s without). Lantern counts everything that
 * finished before that late paint, the framework's scripts included, into the simulated LCP and Speed Index
 * (Lighthouse issue #17148 describes a similar stall). A buyer opening a payment link has no page to hold.
 * The mobile profile itself (emulation, simulated throttling) stays Lighthouse's default. The feature joins
 * chrome-launcher's own --disable-features list: given twice, the switch's last value would win.
 */
function chromeFlags(url: string): string[] {
  const { hostname } = new URL(url);
  const defaults = Launcher.defaultFlags().map((flag) => (flag.startsWith("--disable-features=") ? `${flag},PaintHolding` : flag));
  if (!defaults.some((flag) => flag.startsWith("--disable-features="))) defaults.push("--disable-features=PaintHolding");
  return [...defaults, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", `--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE ${hostname}`];
}

function summarize(lhr: LighthouseResult): LighthouseRun {
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    performance: score(lhr, "performance"),
    accessibility: score(lhr, "accessibility"),
    fcp_ms: Math.round(numeric("first-contentful-paint")),
    lcp_ms: Math.round(numeric("largest-contentful-paint")),
    tbt_ms: Math.round(numeric("total-blocking-time")),
    cls: Math.round(numeric("cumulative-layout-shift") * 1000) / 1000,
    speed_index_ms: Math.round(numeric("speed-index")),
  };
}

function score(lhr: LighthouseResult, category: string): number {
  const value = lhr.categories[category]?.score;
  if (value === null || value === undefined) throw new Error(`Lighthouse gave no ${category} score for ${lhr.finalDisplayedUrl}`);
  return Math.round(value * 100);
}

/** The index of the median value (the lower middle one for an even count). */
function indexOfMedian(values: number[]): number {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  return order[Math.floor((order.length - 1) / 2)]!.index;
}

function failedAccessibilityAudits(lhr: LighthouseResult): { id: string; title: string }[] {
  return (lhr.categories.accessibility?.auditRefs ?? [])
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit !== undefined && audit.score !== null && audit.score < 1)
    .map((audit) => ({ id: audit!.id, title: audit!.title }));
}

function opportunities(lhr: LighthouseResult): Opportunity[] {
  return (lhr.categories.performance?.auditRefs ?? [])
    .filter((ref) => ref.group !== "metrics" && ref.group !== "hidden")
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit !== undefined && audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== "informative")
    .map((audit) => {
      const details = audit!.details as { overallSavingsMs?: number; overallSavingsBytes?: number } | undefined;
      const metricSavings = Object.values(audit!.metricSavings ?? {}).filter((value): value is number => typeof value === "number");
      return {
        id: audit!.id,
        title: audit!.title,
        displayValue: audit!.displayValue ?? null,
        savings_ms: Math.round(details?.overallSavingsMs ?? Math.max(0, ...metricSavings)),
        savings_bytes: Math.round(details?.overallSavingsBytes ?? 0),
      };
    })
    .sort((a, b) => b.savings_ms - a.savings_ms || b.savings_bytes - a.savings_bytes);
}

interface NetworkRequest {
  url: string;
  resourceType?: string;
  transferSize?: number;
  statusCode?: number;
}

function networkRequests(lhr: LighthouseResult): NetworkRequest[] {
  const details = lhr.audits["network-requests"]?.details as { items?: NetworkRequest[] } | undefined;
  if (!details?.items) throw new Error(`Lighthouse recorded no network requests for ${lhr.finalDisplayedUrl}`);
  return details.items;
}

function scriptRequests(lhr: LighthouseResult, origin: string): { path: string; transferSize: number }[] {
  const seen = new Set<string>();
  const scripts: { path: string; transferSize: number }[] = [];
  for (const item of networkRequests(lhr)) {
    if (item.resourceType !== "Script" || !item.url.startsWith("http")) continue;
    const url = new URL(item.url);
    if (url.origin !== origin) continue; // Reported as external instead; there is nothing to compare it with.
    const path = url.pathname + url.search;
    if (seen.has(path)) continue;
    seen.add(path);
    scripts.push({ path, transferSize: item.transferSize ?? 0 });
  }
  return scripts;
}

function externalRequests(lhr: LighthouseResult, origin: string): string[] {
  return networkRequests(lhr)
    .map((item) => item.url)
    .filter((url) => /^(https?|wss?):/.test(url) && new URL(url).origin !== origin);
}

/** Each path's body size as the server sends it to a client that accepts gzip (and only gzip). */
async function gzipSizes(paths: string[], origin: string): Promise<Map<string, number>> {
  const entries = await Promise.all(paths.map(async (path) => [path, await gzipSize(new URL(path, origin))] as const));
  return new Map(entries);
}

function gzipSize(url: URL): Promise<number> {
  const get = url.protocol === "https:" ? requestTls : request;
  return new Promise((resolve, reject) => {
    const req = get(url, { headers: { "accept-encoding": "gzip" } }, (response) => {
      let bytes = 0;
      response.on("data", (chunk: Buffer) => (bytes += chunk.length));
      response.on("error", reject);
      response.on("end", () => {
        if (response.statusCode !== 200) reject(new Error(`GET ${url} answered ${response.statusCode}`));
        else if (response.headers["content-encoding"] !== "gzip" && bytes > 1024)
          reject(new Error(`GET ${url} came back uncompressed (${bytes} bytes): serve the app with compression on, as \`next start\` does`));
        else resolve(bytes);
      });
    });
    req.on("error", reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`GET ${url} timed out`)));
    req.end();
  });
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
