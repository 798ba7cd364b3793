// tsx scripts/with-node.mts <major> <entry.mjs> [args…] — runs a Node entry point under another Node major
// than the one running npm. `npm run test:node24` uses it so that `npm test` proves, on a machine whose own
// node is 20, that the unit and integration suites pass on Node 24 too (package.json's engines names 20, 22, 24).
//
// Which node, first match wins:
//   1. $PAYLINK_NODE<major> (e.g. PAYLINK_NODE24=/opt/node24/bin/node), when it is of that major;
//   2. this process's node, or the first `node` on PATH, when it is of that major;
//   3. the official build the npm registry publishes as node-<platform>-<arch> (what the `node` package
//      wraps, through a preinstall script that --ignore-scripts or npm 11's allowScripts policy can stop,
//      and whose newest 24 lags), pinned below, fetched with `npm pack` (checked against the registry's
//      integrity hash, kept in npm's cache) and unpacked once into ~/.cache/paylink/node/ ($XDG_CACHE_HOME
//      or $PAYLINK_NODE_CACHE move it).
// The cache is outside the repository on purpose: CI runs in a fresh clone, where one under node_modules/ or
// .paylink/ would always be cold (Playwright keeps its browsers in ~/.cache the same way). Not a package-lock
// dependency either: every `npm ci` would then fetch 50 MB (190 MB unpacked) that only this check uses.
import { spawn, spawnSync } from "node:child_process";
import { accessSync, constants, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from "node:fs";
import { constants as os, homedir } from "node:os";
import { delimiter, dirname, join } from "node:path";

/** The release each major is fetched at: one that the registry has for both linux-x64 and linux-arm64. */
const PINNED: Record<string, string> = { "22": "22.23.5", "24": "24.22.3" };

const [major, entry, ...args] = process.argv.slice(2);
if (!major || !/^\d+$/.test(major) || !entry) {
  console.error("usage: tsx scripts/with-node.mts <major> <entry.mjs> [args…]");
  process.exit(2);
}

/** `v24.22.3` for a runnable node binary, else undefined (missing, not executable, wrong libc…). */
function versionOf(bin: string): string | undefined {
  const result = spawnSync(bin, ["--version"], { encoding: "utf8", timeout: 10_000 });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

const isMajor = (version: string | undefined) => version?.startsWith(`v${major}.`) ?? false;

function fromPath(): string | undefined {
  if (isMajor(process.version)) return process.execPath;
  for (const dir of new Set((process.env.PATH ?? "").split(delimiter).filter(Boolean))) {
    const bin = join(dir, "node");
    try {
      accessSync(bin, constants.X_OK);
    } catch {
      continue;
    }
    if (isMajor(versionOf(bin))) return bin;
  }
  return undefined;
}

/** Why no node of that major could be had (thrown so that clean-ups run first). */
class NoNode extends Error {}
function fail(message: string): never {
  throw new NoNode(message);
}

/** The pinned registry build, unpacked into the cache unless it is there already. Safe to run twice at once. */
function fromRegistry(): { bin: string; how: string } {
  const version = PINNED[major!];
  if (!version) fail(`no registry build pinned for Node ${major} (PINNED in scripts/with-node.mts)`);
  if (process.platform !== "linux" && process.platform !== "darwin") fail(`no registry build used on ${process.platform}`);
  const cacheHome = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  const cacheRoot = process.env.PAYLINK_NODE_CACHE || join(cacheHome, "paylink", "node");
  const dir = join(cacheRoot, `v${version}-${process.platform}-${process.arch}`);
  const bin = join(dir, "bin", "node");
  if (versionOf(bin) === `v${version}`) return { bin, how: `cached in ${dir}` };

  const started = Date.now();
  const pkg = `node-${process.platform}-${process.arch}@${version}`;
  console.log(`with-node: fetching ${pkg} from the npm registry into ${dir}`);
  mkdirSync(cacheRoot, { recursive: true });
  // Unpacked beside its final place and renamed into it whole: an interrupted run leaves no half a node behind.
  const tmp = mkdtempSync(join(cacheRoot, ".tmp-"));
  try {
    const pack = spawnSync("npm", ["pack", pkg, "--pack-destination", tmp, "--prefer-offline", "--loglevel=error"], { stdio: ["ignore", "ignore", "inherit"] });
    const tarball = readdirSync(tmp).find((name) => name.endsWith(".tgz"));
    if (pack.status !== 0 || !tarball) fail(`npm pack ${pkg} failed (no such build for this machine?)`);
    const unpacked = join(tmp, "node");
    mkdirSync(unpacked);
    const tar = spawnSync("tar", ["-xzf", join(tmp, tarball), "-C", unpacked, "--strip-components=1"], { stdio: "inherit" });
    if (tar.status !== 0) fail(`could not unpack ${tarball}`);
    const got = versionOf(join(unpacked, "bin", "node"));
    if (got !== `v${version}`) fail(`the unpacked ${pkg} does not run here (it said ${got ?? "nothing"})`);
    // Unless another run has just put it there: then theirs is used.
    if (versionOf(bin) !== `v${version}`) {
      rmSync(dir, { recursive: true, force: true }); // a broken earlier copy, if any
      try {
        renameSync(unpacked, dir);
      } catch (error) {
        if (versionOf(bin) !== `v${version}`) throw error;
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return { bin, how: `fetched in ${((Date.now() - started) / 1000).toFixed(1)} s into ${dir}` };
}

function choose(): { bin: string; how: string } {
  const override = process.env[`PAYLINK_NODE${major}`];
  if (override) {
    if (!isMajor(versionOf(override))) fail(`PAYLINK_NODE${major}=${override} is not a Node ${major} binary`);
    return { bin: override, how: `PAYLINK_NODE${major}` };
  }
  const onPath = fromPath();
  return onPath ? { bin: onPath, how: "already on this machine" } : fromRegistry();
}

let chosen: { bin: string; how: string };
try {
  chosen = choose();
} catch (error) {
  if (!(error instanceof NoNode)) throw error;
  console.error(`with-node: ${error.message}\nwith-node: install Node ${major} and put it on PATH, or set PAYLINK_NODE${major}=/path/to/node`);
  process.exit(1);
}
const { bin, how } = chosen;
console.log(`with-node: Node ${versionOf(bin)} (${how}): ${bin}`);
// What the entry spawns by name (`npx tsx …` in some tests) must run on the same node: its folder goes first
// on PATH, and npm's own pointers to the node that ran it are redirected.
const env = { ...process.env, PATH: `${dirname(bin)}${delimiter}${process.env.PATH ?? ""}`, NODE: bin, npm_node_execpath: bin };
const child = spawn(bin, [entry, ...args], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 128 + (os.signals[signal] ?? 0) : 1)));
