/**
 * What Linux's /proc says about a process and its descendants: the benchmark measures commands
 * that start other processes (`goldthread batch` runs in a second Node; Chromium is a tree).
 */
import { readdir, readFile } from 'node:fs/promises';

/** Linux clock ticks per second (USER_HZ), which /proc/<pid>/stat counts CPU time in. */
const TICKS_PER_SECOND = 100;

/** `root` and every process descended from it, found by the parent id in /proc/<pid>/stat. */
export async function processTree(root: number): Promise<number[]> {
  const children = new Map<number, number[]>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // After the command name (which may hold spaces): state, then the parent id.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i += 1) tree.push(...(children.get(tree[i] as number) ?? []));
  return tree;
}

/** Resident memory of a set of processes, MB: RSS summed (shared pages counted in each) and PSS (shared pages split). */
export interface Footprint {
  readonly rssMb: number;
  readonly pssMb: number;
  readonly processes: number;
}

/** The processes' footprint now; processes that have ended are left out. */
export async function footprint(pids: readonly number[]): Promise<Footprint> {
  let rssKb = 0;
  let pssKb = 0;
  let processes = 0;
  for (const pid of pids) {
    const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => '');
    if (rollup === '') continue;
    rssKb += Number(/^Rss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0);
    pssKb += Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0);
    processes += 1;
  }
  return { rssMb: rssKb / 1024, pssMb: pssKb / 1024, processes };
}

/** User + system CPU time the processes have used so far, every thread included, in ms. */
export async function cpuTime(pids: readonly number[]): Promise<number> {
  let ticks = 0;
  for (const pid of pids) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    if (stat === '') continue;
    // Fields after the command name: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}
