import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runBin, runMain } from './cli-run.js';
import { exampleData } from './record-data.js';

/**
 * Render-side faults: an output folder that cannot be written, a write that fails after the
 * document is made, a full disk. Tests run as root in CI, where file modes do not stop writes,
 * so an unwritable folder is made in ways that stop root too: a path through a regular file, a
 * read-only or tiny tmpfs mount (when this process may mount), /proc.
 */

const work = mkdtempSync(path.join(tmpdir(), 'goldthread-faults-'));
const ID = 'whitfield-2026-09';
const HTML = `${ID}.treatment-plan.html`;
const mounts: string[] = [];

/** A tmpfs at `dir` with `options`, when this process is allowed to mount; false otherwise. */
function mountTmpfs(dir: string, options: string): boolean {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
    mounts.push(dir);
    return true;
  } catch {
    return false;
  }
}

/** A folder this process cannot write: mode 0500, or for root (whom modes do not stop) a read-only mount. */
function makeReadOnlyDir(dir: string): boolean {
  if (process.getuid?.() === 0) return mountTmpfs(dir, 'ro,size=64k');
  mkdirSync(dir);
  chmodSync(dir, 0o500);
  return true;
}

const readOnlyDir = path.join(work, 'read-only');
const haveReadOnlyDir = makeReadOnlyDir(readOnlyDir);
const fullDir = path.join(work, 'full');
const haveFullDisk = mountTmpfs(fullDir, 'size=64k');

afterAll(() => {
  for (const dir of mounts) execFileSync('umount', [dir]);
  chmodSync(readOnlyDir, 0o700);
  rmSync(work, { recursive: true, force: true });
});

beforeAll(() => {
  writeFileSync(path.join(work, 'record.yaml'), stringify(exampleData()));
  const other = exampleData();
  other.id = 'second-record';
  writeFileSync(path.join(work, 'second.yaml'), stringify(other));
  writeFileSync(path.join(work, 'a-file'), 'not a folder');
});

/** Runs `goldthread render` with these words (split on spaces) in the work folder. */
const render = (line: string) => runMain(['render', ...line.split(' ')], work);

/** Files whose names say they are temporary, anywhere under `dir`. */
function leftovers(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tmp$|\.tmp-|~$/.test(f));
}

function trailEntries(file: string): { record: string | null; result: string; reason?: { code?: string } }[] {
  return readFileSync(path.join(work, file), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

/** A write failure is the record's failure, said plainly: the input, the output path, the system's error code. */
function expectCleanWriteFailure(result: { exit: number | null; stderr: string }, output: string, code: RegExp): void {
  expect(result.stderr).not.toMatch(/internal error/);
  expect(result.exit === 1 || result.exit === 2, `exit ${result.exit}`).toBe(true);
  expect(result.stderr).toContain('record.yaml');
  expect(result.stderr).toContain(output);
  expect(result.stderr).toMatch(code);
}

describe('render when the output cannot be written', () => {
  it('an output folder below a regular file: a clear error, recorded in the audit trail', async () => {
    const result = await render('record.yaml --format html --out a-file/out --audit-log trail-enotdir.jsonl');
    expectCleanWriteFailure(result, 'a-file/out', /ENOTDIR|EEXIST/);
    expect(trailEntries('trail-enotdir.jsonl')).toEqual([
      expect.objectContaining({
        record: ID,
        result: 'failed',
        reason: expect.objectContaining({ code: 'write-failed' }),
      }),
    ]);
  });

  it('a rename that fails after the bytes are written leaves no temporary file, and the next record still renders', async () => {
    mkdirSync(path.join(work, 'out-rename', HTML), { recursive: true });
    const result = await render(
      'record.yaml second.yaml --format html --out out-rename --audit-log trail-rename.jsonl',
    );
    expect(leftovers(path.join(work, 'out-rename'))).toEqual([]);
    expect(readdirSync(path.join(work, 'out-rename', HTML))).toEqual([]);
    expectCleanWriteFailure(result, HTML, /EISDIR|ENOTEMPTY|EEXIST/);
    expect(readdirSync(path.join(work, 'out-rename')).sort()).toEqual(['second-record.treatment-plan.html', HTML]);
    expect(trailEntries('trail-rename.jsonl').map((e) => [e.record, e.result])).toEqual([
      [ID, 'failed'],
      ['second-record', 'rendered'],
    ]);
  });

  it.runIf(haveReadOnlyDir)('a read-only output folder', async () => {
    const result = await render('record.yaml --format html --out read-only --audit-log trail-ro.jsonl');
    expect(readdirSync(readOnlyDir)).toEqual([]);
    expectCleanWriteFailure(result, 'read-only', /EROFS|EACCES/);
    expect(trailEntries('trail-ro.jsonl')).toEqual([expect.objectContaining({ record: ID, result: 'failed' })]);
  });

  it.runIf(haveFullDisk)('a full disk: no partial document, no temporary file', async () => {
    const reference = await render('record.yaml --format pdf,docx,html --out reference');
    expect(reference.exit).toBe(0);
    const result = await render('record.yaml --format pdf,docx,html --out full --audit-log trail-full.jsonl');
    expect(leftovers(fullDir)).toEqual([]);
    // Whatever did fit is complete: byte for byte the document a roomy disk gets.
    for (const file of readdirSync(fullDir)) {
      expect(
        readFileSync(path.join(fullDir, file)).equals(readFileSync(path.join(work, 'reference', file))),
        file,
      ).toBe(true);
    }
    expectCleanWriteFailure(result, 'full', /ENOSPC/);
    expect(trailEntries('trail-full.jsonl')).toEqual([expect.objectContaining({ record: ID, result: 'failed' })]);
  });

  it('an output folder under /proc ends with an error instead of spinning forever', async () => {
    const line = 'render record.yaml --format html --out /proc/goldthread-hardening/out';
    const result = await runBin(line.split(' '), work, 15_000);
    expect(result.timedOut ?? false, 'the command finished within 15 s').toBe(false);
    expect(result.exit).toBe(2);
    expect(result.stderr).not.toMatch(/internal error/);
  }, 30_000);
});
