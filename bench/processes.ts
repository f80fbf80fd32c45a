/**
 * Figures measured on the built command in child processes: batch speedup from 1 to 2 jobs, the
 * memory of a large batch (RSS of the process, which holds the main thread and every worker
 * thread), and the cold start of `goldthread render`.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { CorpusRecord } from './corpus.js';
import type { Figure } from './figures.js';
import { AS_OF } from './in-process.js';
import { cpuTime, footprint, processTree } from './proc.js';
import { median } from './timing.js';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = path.join(ROOT, 'bin/goldthread.js');

async function newest(dir: string): Promise<number> {
  let latest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, (await stat(path.join(entry.parentPath, entry.name))).mtimeMs);
  }
  return latest;
}

/** Rebuilds dist/ when a source is newer: the command and its workers run compiled code. */
export async function ensureBuilt(log: (line: string) => void): Promise<void> {
  const built = await stat(path.join(ROOT, 'dist/batch/worker.js')).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  if (built > (await newest(path.join(ROOT, 'src')))) return;
  log('bench: dist/ is older than src/; building (npm run build)');
  await promisify(execFile)(
    process.execPath,
    [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: ROOT,
    },
  ).catch(() => undefined);
}

/** Writes the corpus as `<id>.yaml` files. */
export async function writeCorpusFolder(dir: string, corpus: readonly CorpusRecord[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const record of corpus) await writeFile(path.join(dir, `${record.id}.yaml`), record.text);
}

/** A finished command: wall time, exit code, CPU time and memory over time (MB), its whole process tree. */
interface Measured {
  readonly ms: number;
  readonly code: number | null;
  readonly stderr: string;
  /** User + system CPU time of every process and thread, as last sampled (within one interval of the end). */
  readonly cpuMs: number;
  /** PSS of the process tree over time: shared pages (the Node binary) split, not counted twice. */
  readonly memory: readonly { readonly at: number; readonly mb: number }[];
  readonly peakPssMb: number;
  /** RSS summed over the tree at its highest, for comparison (counts shared pages in each process). */
  readonly peakRssMb: number;
}

/**
 * Runs the built command, sampling its process tree every `everyMs`: `goldthread batch` runs in
 * a second Node (src/cli/relaunch.ts), so the command is the launcher and the batch together.
 */
export function runCommand(args: readonly string[], cwd: string, everyMs = 200): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const memory: { at: number; mb: number }[] = [];
    let peakPssMb = 0;
    let peakRssMb = 0;
    let cpuMs = 0;
    const timer = setInterval(async () => {
      if (child.pid === undefined) return;
      const tree = await processTree(child.pid);
      const [now, cpu] = await Promise.all([footprint(tree), cpuTime(tree)]);
      if (now.processes === 0) return;
      memory.push({ at: performance.now() - start, mb: now.pssMb });
      peakPssMb = Math.max(peakPssMb, now.pssMb);
      peakRssMb = Math.max(peakRssMb, now.rssMb);
      cpuMs = Math.max(cpuMs, cpu);
    }, everyMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ ms: performance.now() - start, code, stderr, cpuMs, memory, peakPssMb, peakRssMb });
    });
  });
}

const batchArgs = (jobs: number, out: string) => [
  'batch',
  'corpus',
  '--out',
  out,
  '--format',
  'pdf',
  '--jobs',
  String(jobs),
  '--as-of',
  AS_OF,
  '--allow-draft',
  '--force',
];

/** Batch wall time with 1 and 2 jobs over the same folder, in the order 1,2,2,1 (or 1,2), start-up included. */
export async function measureSpeedup(
  dir: string,
  records: number,
  rounds: 1 | 2,
  ceilings: { readonly loop: number; readonly rendering: number },
): Promise<{ figure: Figure; peakMb: number }> {
  const order = rounds === 2 ? [1, 2, 2, 1] : [1, 2];
  const totals = { 1: 0, 2: 0 } as Record<number, number>;
  const cpu = { 1: 0, 2: 0 } as Record<number, number>;
  let peakMb = 0;
  for (const jobs of order) {
    const run = await runCommand(batchArgs(jobs, `out-${jobs}`), dir);
    if (run.code !== 0) throw new Error(`bench: batch --jobs ${jobs} exited ${run.code}: ${run.stderr}`);
    totals[jobs] = (totals[jobs] ?? 0) + run.ms;
    cpu[jobs] = (cpu[jobs] ?? 0) + run.cpuMs;
    if (jobs === 2) peakMb = Math.max(peakMb, run.peakPssMb);
  }
  const one = (totals[1] ?? 0) / rounds;
  const two = (totals[2] ?? 0) / rounds;
  const oneCpu = (cpu[1] ?? 0) / rounds;
  const twoCpu = (cpu[2] ?? 0) / rounds;
  const speedup = one / two;
  const cores = os.availableParallelism();
  const bound = cpuBound(one, oneCpu, cores, 2);
  return {
    peakMb,
    figure: {
      name: `batch speedup, 1 -> 2 jobs, ${records} records`,
      value: speedup,
      unit: 'x',
      display: `${speedup.toFixed(2)}x`,
      target: '>= 1.8x',
      met: speedup >= 1.8,
      note:
        `${records} PDFs: ${(one / 1000).toFixed(1)} s vs ${(two / 1000).toFixed(1)} s wall, start-up included ` +
        `(${((records * 1000) / two).toFixed(1)} docs/s); CPU ${(oneCpu / 1000).toFixed(1)} s vs ` +
        `${(twoCpu / 1000).toFixed(1)} s; one job kept ${bound.coresBusy.toFixed(2)} cores busy, so on ` +
        `${cores} cores 2 jobs can be at most ${bound.speedup.toFixed(2)}x faster; the machine's 1 -> 2 thread ceilings at the time: ${ceilings.loop.toFixed(2)}x for a CPU loop, ${ceilings.rendering.toFixed(2)}x for warm rendering`,
    },
  };
}

/** The peak memory (PSS, MB) of a batch of `records` records with 2 jobs. */
export interface BatchPeak {
  readonly records: number;
  readonly peakMb: number;
}

/**
 * What the CPU one job used allows `jobs` jobs on this machine. More jobs render the same
 * documents (and start more workers besides), so they need at least the CPU time one job used;
 * with `cores` cores they cannot finish sooner than that time over `cores`, nor more than `jobs`
 * times sooner. One job is not one core: V8 optimizes on background threads and the batch's main
 * thread reads, hashes and records, so on two cores the bound sits below 2x before any
 * contention between the workers is counted.
 */
export function cpuBound(oneMs: number, oneCpuMs: number, cores: number, jobs: number) {
  const coresBusy = oneCpuMs / oneMs;
  return { coresBusy, speedup: Math.min(jobs, cores / coresBusy) };
}

/**
 * A large batch's memory: peak PSS, and whether it stays flat over the run (the last quarter's
 * peak against the second's). The note also compares the peak with a smaller batch's, when given:
 * the main thread scans every input before it renders, so memory held per input is there from the
 * first quarter on and only that comparison shows it. It is not part of `met`: worker heaps go on
 * growing for a few thousand records, so the ratio is above 1 even with nothing held per input.
 */
export async function measureLargeBatch(dir: string, records: number, smaller?: BatchPeak): Promise<Figure> {
  const run = await runCommand(batchArgs(2, 'out-large'), dir, 500);
  if (run.code !== 0) throw new Error(`bench: large batch exited ${run.code}: ${run.stderr}`);
  const quarter = (q: number) =>
    Math.max(
      0,
      ...run.memory.filter((s) => s.at >= (run.ms * (q - 1)) / 4 && s.at < (run.ms * q) / 4).map((s) => s.mb),
    );
  const growth = quarter(2) > 0 ? quarter(4) / quarter(2) : Number.NaN;
  return {
    name: `peak memory, ${records}-record batch`,
    value: run.peakPssMb,
    unit: 'MB',
    display: `${run.peakPssMb.toFixed(0)} MB`,
    target: '< 400 MB, flat',
    met: run.peakPssMb < 400 && growth < 1.15,
    note:
      `PSS of every process together (the launcher, and the batch's main thread + 2 workers; RSS summed, ` +
      `which counts the shared Node binary twice: ${run.peakRssMb.toFixed(0)} MB); last-quarter peak / ` +
      `second-quarter peak = ${growth.toFixed(2)}` +
      (smaller
        ? `; peak / the ${smaller.records}-record batch's (${smaller.peakMb.toFixed(0)} MB) = ${(run.peakPssMb / smaller.peakMb).toFixed(2)}`
        : '') +
      `; ${(run.ms / 1000).toFixed(0)} s (${((records * 1000) / run.ms).toFixed(1)} docs/s)`,
  };
}

/** Cold start: `goldthread render` of one sample in a fresh process, median of `runs`. */
export async function measureColdStart(dir: string, format: 'pdf' | 'docx', runs: number): Promise<Figure> {
  const sample = path.join(ROOT, 'samples', 'okafor-2026-09.yaml');
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const run = await runCommand(['render', sample, '--format', format, '--out', 'cold', '--as-of', AS_OF], dir, 1000);
    if (run.code !== 0) throw new Error(`bench: render exited ${run.code}: ${run.stderr}`);
    times.push(run.ms);
  }
  const ms = median(times);
  return {
    name: `cold start, render one record (${format.toUpperCase()})`,
    value: ms,
    unit: 'ms',
    display: `${(ms / 1000).toFixed(2)} s`,
    target: '< 1 s',
    met: ms < 1000,
    note: `median of ${runs}: node start, imports, profiles, templates, render, write`,
  };
}
