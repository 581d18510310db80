/**
 * Wall time, CPU time and peak memory of the phases of a long job (the bulk first load), each
 * measured as it runs: this process's CPU (all its threads) from `process.cpuUsage`, its resident
 * memory sampled every 50 ms, and the CPU of another process working in the phase (the offline
 * importer, the database starting) read from /proc on Linux.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

/** What one phase cost. */
export interface PhaseFigures {
  name: string;
  seconds: number;
  /** CPU seconds of this Node process (every thread) during the phase. */
  cpuSeconds: number;
  /** CPU seconds of the other process the phase watched; null when none, or not on Linux. */
  otherCpuSeconds: number | null;
  /** Highest resident memory of this Node process seen during the phase, MiB. */
  peakRssMiB: number;
}

/** Clock ticks per second of /proc/<pid>/stat on Linux (USER_HZ: 100 on every architecture Node runs on). */
const TICKS = 100;

/** The user + system CPU seconds of a process and its threads so far (Linux), or null. */
export async function processCpuSeconds(pid: number): Promise<number | null> {
  try {
    return cpuOfStat(await readFile(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null;
  }
}

/** The CPU seconds so far of the calling thread (Linux), or null. */
export function threadCpuSeconds(): number | null {
  try {
    return cpuOfStat(readFileSync('/proc/thread-self/stat', 'utf8'));
  } catch {
    return null;
  }
}

function cpuOfStat(stat: string): number {
  // The command name is in parentheses and may hold spaces: count fields after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}

/** Records the phases of one job, in order. */
export class PhaseMeter {
  readonly phases: PhaseFigures[] = [];

  /**
   * Runs `work` as the phase `name`. `watch` answers the pid of another process whose CPU the
   * phase should count (asked at each sample, as the process may start during the phase); its CPU
   * is read every 100 ms and at the end, so a process that exits counts up to its last sample.
   */
  async time<T>(name: string, work: () => Promise<T>, watch?: () => Promise<number | undefined>): Promise<T> {
    const cpu = process.cpuUsage();
    const started = performance.now();
    let peak = process.memoryUsage.rss();
    const other = new Map<number, { first: number; last: number }>();
    let atStart = true;
    const sample = async () => {
      peak = Math.max(peak, process.memoryUsage.rss());
      const pid = await watch?.().catch(() => undefined);
      if (pid === undefined) return;
      const seconds = await processCpuSeconds(pid);
      if (seconds === null) return;
      const seen = other.get(pid);
      // A process first seen during the phase started in it (it was not there at the start).
      if (seen) seen.last = seconds;
      else other.set(pid, { first: atStart ? seconds : 0, last: seconds });
    };
    await sample();
    atStart = false;
    const timer = setInterval(() => void sample(), 100);
    try {
      return await work();
    } finally {
      clearInterval(timer);
      await sample();
      const used = process.cpuUsage(cpu);
      this.phases.push({
        name,
        seconds: (performance.now() - started) / 1000,
        cpuSeconds: (used.user + used.system) / 1e6,
        otherCpuSeconds: watch && other.size ? [...other.values()].reduce((s, o) => s + o.last - o.first, 0) : null,
        peakRssMiB: peak / 1024 / 1024,
      });
    }
  }

  /** Records a phase measured elsewhere (a stage interleaved with others, timed row by row). */
  add(figures: PhaseFigures): void {
    this.phases.push(figures);
  }
}
