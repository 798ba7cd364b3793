// Resident memory (RSS) of the app instances and the worker while each scenario runs: sampled from
// /proc/<pid>/status every 250 ms, the peak per scenario reported in MB. Linux only; elsewhere it reports nothing.
import { readFileSync } from "node:fs";

export interface PhaseMemory {
  /** Peak RSS of the app instances together (each instance's own peak, with several). */
  app_mb: number;
  app_instances_mb: number[];
  worker_mb: number | null;
}

function rssMb(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

export function rssSampler(appPids: () => number[], workerPid: () => number | null) {
  const peaks: Record<string, PhaseMemory> = {};
  let current: string | null = null;
  const sample = () => {
    if (!current) return;
    const apps = appPids().map((pid) => rssMb(pid) ?? 0);
    const worker = workerPid();
    const workerMb = worker === null ? null : rssMb(worker);
    const peak = (peaks[current] ??= { app_mb: 0, app_instances_mb: apps.map(() => 0), worker_mb: null });
    peak.app_mb = Math.max(peak.app_mb, apps.reduce((a, b) => a + b, 0));
    peak.app_instances_mb = apps.map((mb, i) => Math.max(mb, peak.app_instances_mb[i] ?? 0));
    if (workerMb !== null) peak.worker_mb = Math.max(peak.worker_mb ?? 0, workerMb);
  };
  const timer = setInterval(sample, 250);
  timer.unref();
  return {
    /** From now on, samples count towards this scenario. */
    phase(name: string) {
      sample();
      current = name;
      sample();
    },
    stop(): Record<string, PhaseMemory> {
      sample();
      clearInterval(timer);
      current = null;
      return peaks;
    },
  };
}
