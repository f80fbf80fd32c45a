import { spawn } from 'node:child_process';
import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/batch/fingerprint.js';
import type { BatchReport } from '../../src/batch/report.js';
import { BATCH_V8_FLAGS } from '../../src/cli/relaunch.js';
import { loadRecordText } from '../../src/load/record.js';
import {
  batchArgs,
  breakTwo,
  ensureBuilt,
  readReport,
  runCli,
  sampleTexts,
  startCli,
  tempFolder,
  writeCorpus,
} from './support.js';

/**
 * `goldthread batch` end to end, through the built command (its workers run compiled code).
 * Figures of speed belong to the benchmark (bench/), not here.
 */

beforeAll(ensureBuilt, 180_000);

const documents = async (dir: string) => (await readdir(dir)).filter((name) => !name.startsWith('.')).sort();
/** The one child process of `pid`, found by the parent pid in /proc/<n>/stat (Linux). */
async function childPidOf(pid: number): Promise<number> {
  const children: number[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    // Fields after the command name (which may hold spaces): state, then the parent pid.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (parent === pid) children.push(Number(name));
  }
  expect(children).toHaveLength(1);
  return children[0] as number;
}
const processArgs = async (pid: number) => (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
const isRunning = (pid: number) =>
  readFile(`/proc/${pid}/stat`, 'utf8').then(
    (stat) => !/^\d+ \(.*\) Z/.test(stat),
    () => false,
  );
/** Resolves once `atLeast` documents exist in `out` (or after 30 s, for the test to fail on). */
async function untilDocuments(out: string, atLeast: number): Promise<void> {
  for (let i = 0; i < 600 && (await documents(out).catch(() => [])).length < atLeast; i += 1) {
    await new Promise((r) => setTimeout(r, 50));
  }
}
/**
 * Starts a PDF batch of `count` records in a fresh folder through the built command and resolves
 * once `atLeast` documents exist; `exited` resolves with the signal that ended the command.
 */
async function batchUnderWay(count: number, atLeast: number, ...extra: string[]) {
  const dir = await tempFolder();
  await writeCorpus(path.join(dir, 'in'), count);
  const out = path.join(dir, 'out');
  const child = startCli(batchArgs('in', 'pdf', ...extra), dir);
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  await untilDocuments(out, atLeast);
  return { dir, out, child, exited };
}
const ids = (report: BatchReport, status?: string) =>
  report.records.filter((r) => status === undefined || r.status === status).map((r) => r.id ?? r.input);

describe('a batch of 120 records, 2 of them broken', { timeout: 180_000 }, () => {
  let dir: string;
  let broken: [string, string];
  let first: BatchReport;

  beforeAll(async () => {
    dir = await tempFolder();
    broken = await breakTwo(path.join(dir, 'records'), await writeCorpus(path.join(dir, 'records'), 120));
  }, 60_000);

  it('renders the 118, reports all 120 and exits 1', async () => {
    const args = batchArgs('records', 'pdf', '--jobs', '2', '--report', 'report.csv');
    const run = await runCli(args, dir);
    expect(run.code).toBe(1);
    first = await readReport(path.join(dir, 'report.json'));
    expect(first.summary).toMatchObject({ records: 120, rendered: 118, failed: 2, refused: 0, skipped: 0 });
    expect(first.records.filter((r) => r.status === 'failed').map((r) => [r.id, r.failure?.code])).toEqual([
      [broken[1], 'schema'],
      [broken[0], 'yaml-syntax'],
    ]);
    expect((await readFile(path.join(dir, 'report.csv'), 'utf8')).trimEnd().split('\r\n')).toHaveLength(121);

    const files = await documents(path.join(dir, 'out'));
    expect(files).toHaveLength(118);
    for (const record of first.records.filter((r) => r.status === 'rendered')) {
      const [output] = record.outputs ?? [];
      const file = path.join(dir, output?.path ?? '');
      expect(sha256Hex(await readFile(file))).toBe(output?.sha256);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
    }
    expect((await stat(path.join(dir, 'out'))).mode & 0o777).toBe(0o700);
    // Not a terminal and a report was asked for: one summary line, nothing on standard output.
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(
        /^batch: 120 record\(s\): 118 rendered, 0 up to date, 0 refused, 2 failed in [\d.]+ s; report: report.csv and report.json$/,
      ),
    ]);
  });

  it('renders nothing new on a rerun', async () => {
    const times = async () =>
      Promise.all(
        (await documents(path.join(dir, 'out'))).map(async (f) => (await stat(path.join(dir, 'out', f))).mtimeMs),
      );
    const before = await times();
    const run = await runCli(batchArgs('records', 'pdf', '--report', 'again.json'), dir);
    expect(run.code).toBe(1);
    const again = await readReport(path.join(dir, 'again.json'));
    expect(again.summary).toMatchObject({ records: 120, rendered: 0, skipped: 118, failed: 2 });
    expect(again.records.map((r) => r.outputs)).toEqual(first.records.map((r) => r.outputs));
    expect(await times()).toEqual(before);
  });
});

describe('reruns', { timeout: 120_000 }, () => {
  it('skip what is up to date, render what changed, and render everything with --force', async () => {
    const dir = await tempFolder();
    const recordIds = await writeCorpus(path.join(dir, 'in'), 6);
    const batch = (...extra: string[]) =>
      runCli(batchArgs('in', 'html', '--jobs', '1', '--report', 'r.json', ...extra), dir);
    expect((await batch()).code).toBe(0);
    expect((await readReport(path.join(dir, 'r.json'))).summary).toMatchObject({ rendered: 6, skipped: 0 });

    const edited = path.join(dir, 'in', `${recordIds[2]}.yaml`);
    await writeFile(edited, (await readFile(edited, 'utf8')).replace(/^(\s+memberId: ).*$/m, '$1ZZ0000000'));
    expect((await batch()).code).toBe(0);
    const partly = await readReport(path.join(dir, 'r.json'));
    expect(ids(partly, 'rendered')).toEqual([recordIds[2]]);
    expect(partly.summary.skipped).toBe(5);

    expect((await batch('--as-of', '2026-11-28')).code).toBe(0);
    expect((await readReport(path.join(dir, 'r.json'))).summary.rendered).toBe(6);

    expect((await batch('--force')).code).toBe(0);
    expect((await readReport(path.join(dir, 'r.json'))).summary).toMatchObject({ rendered: 6, skipped: 0 });
  });
});

describe('faults', { timeout: 180_000 }, () => {
  it('leaves no partial document when killed midway, and a rerun completes the batch', async () => {
    const { dir, out, child, exited } = await batchUnderWay(24, 3, '--jobs', '2');
    child.kill('SIGKILL');
    await exited;

    const left = await documents(out);
    expect(left.length).toBeGreaterThanOrEqual(3);
    expect(left.length).toBeLessThan(24);
    const hashes = new Map<string, string>();
    for (const name of left) {
      const bytes = await readFile(path.join(out, name));
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(bytes.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
      hashes.set(name, sha256Hex(bytes));
    }

    const run = await runCli(batchArgs('in', 'pdf', '--report', 'r.json'), dir);
    expect(run.code).toBe(0);
    const report = await readReport(path.join(dir, 'r.json'));
    expect(report.summary.rendered + report.summary.skipped).toBe(24);
    expect(report.summary.skipped).toBeGreaterThan(0);
    expect(await documents(out)).toHaveLength(24);
    // Temporary files of the killed run are gone.
    expect((await readdir(out)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    // Documents are deterministic: each one the killed run left is whole, byte for byte what the rerun reports.
    for (const record of report.records) {
      const output = record.outputs?.[0];
      const name = path.basename(output?.path ?? '');
      if (hashes.has(name)) expect(hashes.get(name)).toBe(output?.sha256);
    }
  });

  it('removes the temporary files of a killed run that was still dying when the rerun started', async () => {
    const dir = await tempFolder();
    await writeCorpus(path.join(dir, 'in'), 24);
    const out = path.join(dir, 'out');
    await mkdir(out, { mode: 0o700 });
    // Stands in for the killed run's batch process: alive when the rerun first looks at the folder.
    const dying = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    const dead = new Promise((resolve) => dying.on('exit', resolve));
    const temp = `.c1.treatment-plan.pdf.${dying.pid}.0123456789ab.tmp`;
    await writeFile(path.join(out, temp), '%PDF-1.7\n(cut off)');
    const child = startCli(batchArgs('in', 'pdf', '--jobs', '1'), dir);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // A document written means the start-up sweep is over; only then does the old process die.
    await untilDocuments(out, 1);
    expect(await readdir(out)).toContain(temp);
    dying.kill('SIGKILL');
    await dead;
    expect(await exited).toBe(0);
    expect(await documents(out)).toHaveLength(24);
    expect((await readdir(out)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('runs in a Node with the batch V8 flags, which dies with the command when it is killed', async () => {
    // Enough records that the batch cannot finish on its own while the test watches it.
    const { out, child, exited } = await batchUnderWay(120, 1, '--jobs', '2');
    const batchPid = await childPidOf(child.pid as number);
    expect(await processArgs(batchPid)).toEqual(expect.arrayContaining([...BATCH_V8_FLAGS, 'batch']));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    // The relaunched batch follows within moments, and writes no more documents.
    for (let i = 0; i < 40 && (await isRunning(batchPid)); i += 1) await new Promise((r) => setTimeout(r, 50));
    expect(await isRunning(batchPid)).toBe(false);
    const left = (await documents(out)).length;
    await new Promise((r) => setTimeout(r, 1000));
    expect((await documents(out)).length).toBe(left);
  });

  it('ends with the signal that stopped it, after the batch has ended', async () => {
    const { child, exited } = await batchUnderWay(24, 1);
    const batchPid = await childPidOf(child.pid as number);
    child.kill('SIGTERM');
    expect(await exited).toBe('SIGTERM');
    expect(await isRunning(batchPid)).toBe(false);
  });

  it('reports every record of a read-only output folder as failed, with the error code', async () => {
    const dir = await tempFolder();
    await writeCorpus(path.join(dir, 'in'), 3);
    await mkdir(path.join(dir, 'out'), { mode: 0o555 });
    await chmod(path.join(dir, 'out'), 0o555);
    await mkdir(path.join(dir, 'reports'), { mode: 0o777 });
    await chmod(path.join(dir, 'reports'), 0o777);
    // root may write anywhere: run as nobody to make the mode count.
    const asUser = process.getuid?.() === 0 ? { asUser: 65534 } : {};
    const args = batchArgs('in', 'html', '--jobs', '1', '--report', 'reports/r.json');
    const run = await runCli(args, dir, asUser);
    expect(run.code).toBe(1);
    const report = await readReport(path.join(dir, 'reports', 'r.json'));
    expect(report.summary).toMatchObject({ records: 3, failed: 3 });
    for (const record of report.records) {
      expect(record.failure).toMatchObject({ code: 'write-failed', detail: 'EACCES' });
      expect(record.failure?.file).toMatch(/^out\/.+\.treatment-plan\.html$/);
    }
    expect(run.stderr).toContain('could not update the batch manifest in the output folder (EACCES)');
    expect(await readdir(path.join(dir, 'out'))).toEqual([]);
  });

  it('stops a record past the time limit, reports it, and goes on with the next', async () => {
    const dir = await tempFolder();
    await writeCorpus(path.join(dir, 'in'), 2);
    const run = await runCli(batchArgs('in', 'pdf', '--jobs', '1', '--timeout', '0.001', '--report', 'r.json'), dir);
    expect(run.code).toBe(1);
    const report = await readReport(path.join(dir, 'r.json'));
    expect(report.records.map((r) => r.failure?.code)).toEqual(['timeout', 'timeout']);
    expect(await documents(path.join(dir, 'out'))).toEqual([]);
  });
});

describe('sharding', { timeout: 120_000 }, () => {
  it('splits a batch into disjoint parts that together cover every input', async () => {
    const dir = await tempFolder();
    const all = await writeCorpus(path.join(dir, 'in'), 12);
    await writeFile(path.join(dir, 'in', 'unreadable.yaml'), 'id: [\n');
    const parts: BatchReport[] = [];
    for (const index of [1, 2, 3]) {
      const args = batchArgs('in', 'html', '--jobs', '1', '--shard', `${index}/3`, '--report', `r${index}.json`);
      await runCli(args, dir);
      parts.push(await readReport(path.join(dir, `r${index}.json`)));
    }
    const seen = parts.flatMap((p) => ids(p));
    expect(seen.sort()).toEqual([...all, 'in/unreadable.yaml'].sort());
    for (const part of parts) {
      expect(part.summary.inputs).toBe(13);
      expect(part.summary.records + part.summary.otherShards).toBe(13);
      expect(part.summary.records).toBeGreaterThan(0);
    }
    // One unsharded rerun over the same folder finds every part's documents up to date.
    const rerun = await runCli(batchArgs('in', 'html', '--jobs', '1', '--report', 'all.json'), dir);
    expect(rerun.code).toBe(1);
    expect((await readReport(path.join(dir, 'all.json'))).summary).toMatchObject({ skipped: 12, failed: 1 });
  });
});

describe('inputs', { timeout: 120_000 }, () => {
  it('takes NDJSON lines, fails a duplicate id, and names a broken line by its line', async () => {
    const dir = await tempFolder();
    const [a, b] = (await sampleTexts()).slice(0, 2).map((s) => JSON.stringify(loadRecordText(s.text, s.name).data));
    await writeFile(path.join(dir, 'records.ndjson'), `${a}\n\n${b}\n{"id": "broken-1"}\n${a}\n`);
    const run = await runCli(batchArgs('records.ndjson', 'html', '--jobs', '1', '--report', 'r.json'), dir);
    expect(run.code).toBe(1);
    const report = await readReport(path.join(dir, 'r.json'));
    expect(report.records.map((r) => [r.input, r.status, r.failure?.code])).toEqual([
      ['records.ndjson:1', 'rendered', undefined],
      ['records.ndjson:3', 'rendered', undefined],
      ['records.ndjson:4', 'failed', 'schema'],
      ['records.ndjson:5', 'failed', 'duplicate-record-id'],
    ]);
    expect(report.records[2]?.failure).toMatchObject({ file: 'records.ndjson', line: 4 });
  });

  it('exits 2 with the located problem when the --profiles folder is broken', async () => {
    const dir = await tempFolder();
    await writeCorpus(path.join(dir, 'in'), 1);
    await mkdir(path.join(dir, 'profiles'));
    await writeFile(path.join(dir, 'profiles', 'acme.yaml'), 'format: goldthread/profile@1\nid: [oops\n');
    const run = await runCli(['batch', 'in', '--out', 'out', '--format', 'html', '--profiles', 'profiles'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/acme\.yaml:\d+:\d+/);
  });
});
