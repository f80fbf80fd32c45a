import { execFile, spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll } from 'vitest';
import { parseDocument } from 'yaml';
import type { BatchReport } from '../../src/batch/report.js';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = path.join(ROOT, 'bin/goldthread.js');
export const AS_OF = '2026-11-27';

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts')) {
      newest = Math.max(newest, (await stat(path.join(entry.parentPath, entry.name))).mtimeMs);
    }
  }
  return newest;
}

/**
 * Batch workers run compiled code, so the CLI tests run `bin/goldthread.js` over `dist/`: rebuild
 * it first when any source is newer. tsc emits even when some file in progress has a type error.
 */
export async function ensureBuilt(): Promise<void> {
  const built = await stat(path.join(ROOT, 'dist/batch/worker.js')).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  if (built > (await newestMtime(path.join(ROOT, 'src')))) return;
  await promisify(execFile)(
    process.execPath,
    [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: ROOT,
    },
  ).catch(() => undefined);
}

const temporary: string[] = [];

/** A new temporary folder that a test run as another user (see runCli) can use too; removed after the file's tests. */
export async function tempFolder(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'goldthread-batch-'));
  await chmod(dir, 0o755);
  temporary.push(dir);
  return dir;
}

afterAll(async () => {
  await Promise.all(temporary.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** The sample records, parsed, in name order. */
export async function sampleTexts(): Promise<{ name: string; text: string }[]> {
  const dir = path.join(ROOT, 'samples');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.yaml')).sort();
  return Promise.all(names.map(async (name) => ({ name, text: await readFile(path.join(dir, name), 'utf8') })));
}

/**
 * Writes `count` records made from the samples in turn, each with its own record id and patient
 * id (`<sample id>-c<n>`), as `<id>.yaml` in `dir`. Returns the ids.
 */
export async function writeCorpus(dir: string, count: number): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const samples = await sampleTexts();
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const sample = samples[i % samples.length] as { text: string };
    const doc = parseDocument(sample.text);
    const id = `${String(doc.get('id'))}-c${i}`;
    doc.set('id', id);
    doc.setIn(['patient', 'id'], `P-${i}`);
    await writeFile(path.join(dir, `${id}.yaml`), doc.toString());
    ids.push(id);
  }
  return ids;
}

/** Makes two records of a corpus unloadable: one is not YAML, one breaks the schema (a date that is not one). */
export async function breakTwo(dir: string, ids: readonly string[]): Promise<[string, string]> {
  const [first, second] = [ids[3] as string, ids[10] as string];
  const syntax = path.join(dir, `${first}.yaml`);
  await writeFile(syntax, `${await readFile(syntax, 'utf8')}\n  bad: [unclosed\n`);
  const schema = path.join(dir, `${second}.yaml`);
  const doc = parseDocument(await readFile(schema, 'utf8'));
  doc.setIn(['plan', 'effectiveDate'], 'next tuesday');
  await writeFile(schema, doc.toString());
  return [first, second];
}

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI in `cwd`; `asUser` runs it as another user (root ignores file modes). */
export function runCli(args: readonly string[], cwd: string, options: { asUser?: number } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      ...(options.asUser !== undefined ? { uid: options.asUser, gid: options.asUser } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** `goldthread batch <input> --out out --format <format> --as-of AS_OF`, then `extra`. */
export function batchArgs(input: string, format: string, ...extra: string[]): string[] {
  return ['batch', input, '--out', 'out', '--format', format, '--as-of', AS_OF, ...extra];
}

/** Starts the built CLI and returns the child, for tests that kill it. */
export function startCli(args: readonly string[], cwd: string) {
  return spawn(process.execPath, [BIN, ...args], { cwd, stdio: 'ignore' });
}

export async function readReport(file: string): Promise<BatchReport> {
  return JSON.parse(await readFile(file, 'utf8')) as BatchReport;
}
