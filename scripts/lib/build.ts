// The production build that the e2e server, the drills and the benchmark serve. Built here unless
// SKIP_BUILD=1, which CI sets after its own `npm run build`.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export function distDir(): string {
  return process.env.NEXT_DIST_DIR || ".next";
}

/** Runs `next build` (into NEXT_DIST_DIR) unless told to reuse the build that is there. */
export function ensureBuild(root: string): void {
  if (process.env.SKIP_BUILD === "1") {
    if (!existsSync(path.join(root, distDir(), "BUILD_ID"))) {
      throw new Error(`SKIP_BUILD=1 but there is no build in ${distDir()}: run \`npm run build\` first.`);
    }
    return;
  }
  const nextBin = path.join(root, "node_modules/next/dist/bin/next");
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error(`next build failed (exit ${build.status})`);
}
