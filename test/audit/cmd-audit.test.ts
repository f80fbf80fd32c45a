import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RULE_CATALOGUE } from '../../src/audit/catalogue.js';
import { audit } from '../../src/cli/cmd-audit.js';
import { UsageError } from '../../src/errors.js';
import { capturedIo } from '../support/captured-io.js';
import { applyEdits, type Edit } from './fixture-edits.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const base: unknown = parse(readFileSync(new URL('./fixtures/base.yaml', import.meta.url), 'utf8'));
// Inside the repository (under the ignored .tmp/), because inputs are read relative to the process's directory.
mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
const work = mkdtempSync(path.join(ROOT, '.tmp', 'audit-cli-'));
const rel = (name: string) => path.relative(ROOT, path.join(work, name));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the command with captured streams, in `cwd`. */
async function run(args: string[], stdin = '') {
  const io = capturedIo(ROOT, { stdin });
  const exit = await audit(args, io);
  return { exit, stdout: io.out(), stderr: io.err() };
}

const recordJson = (edits: Edit[]) => JSON.stringify(applyEdits(base, edits));
function writeRecord(name: string, edits: Edit[] = []): string {
  writeFileSync(path.join(work, name), recordJson(edits));
  return rel(name);
}

describe('goldthread audit', () => {
  it('reports the samples clean in the documented JSON shape, exit 0', async () => {
    const { exit, stdout } = await run(['samples', '--format', 'json', '--as-of', '2026-11-27']);
    expect(exit).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['asOf', 'records', 'summary']);
    expect(report.asOf).toBe('2026-11-27');
    expect(report.summary).toEqual({ records: report.records.length, error: 0, warning: 0, info: 0 });
    for (const record of report.records) {
      expect(Object.keys(record)).toEqual(['file', 'record', 'payer', 'profile', 'findings', 'summary']);
      expect(Object.keys(record.profile)).toEqual(['id', 'effective']);
      expect(record.file).toMatch(/^samples\/.+\.yaml$/);
    }
  });

  it('prints each finding as `file: severity rule path - message` with its hint below, errors first; exit 1', async () => {
    const file = writeRecord('errors.json', [
      { remove: 'objectives[2].targetDate' },
      { set: 'goals[0].statement', value: 'Feel better.' },
    ]);
    const { exit, stdout } = await run([file, '--as-of', '2026-11-27']);
    expect(exit).toBe(1);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(`${file}: error smart/no-target-date objectives[2] - Objective O3 has no target date.`);
    expect(lines[1]).toMatch(/^ {4}hint: \S/);
    expect(lines[2]).toMatch(
      /^\S+errors\.json: warning smart\/vague-language goals\[0\]\.statement - Goal G1 uses generic wording/,
    );
    expect(lines.at(-2)).toBe('1 record audited as of 2026-11-27: 1 error, 1 warning, 0 info.');
  });

  it('exits 0 when the findings are only warnings', async () => {
    const file = writeRecord('warnings.json', [{ set: 'goals[0].statement', value: 'Feel better.' }]);
    expect((await run([file])).exit).toBe(0);
  });

  it('reports a record that fails to load with its located error, still audits the others, exit 2', async () => {
    writeFileSync(path.join(work, 'broken.yaml'), 'format: goldthread/record@1\nid: [oops\n');
    const good = writeRecord('good.json');
    const { exit, stdout } = await run([rel('broken.yaml'), good, '--format', 'json']);
    expect(exit).toBe(2);
    const report = JSON.parse(stdout);
    expect(report.records).toHaveLength(2);
    const [broken, audited] = report.records;
    expect(Object.keys(broken)).toEqual(['file', 'error']);
    expect(Object.keys(broken.error)).toEqual(['code', 'message', 'file', 'line', 'column', 'path']);
    expect(broken.error).toMatchObject({ code: 'yaml-syntax', file: rel('broken.yaml'), line: expect.any(Number) });
    expect(audited.findings).toEqual([]);
    expect(report.summary.records).toBe(2);
  });

  it('reports an unknown payer at its line, exit 2', async () => {
    writeFileSync(
      path.join(work, 'payer.yaml'),
      readFileSync(path.join(ROOT, 'test/audit/fixtures/base.yaml'), 'utf8').replace('payer: aetna', 'payer: acme'),
    );
    const { exit, stdout } = await run([rel('payer.yaml'), '--format', 'json']);
    expect(exit).toBe(2);
    const [entry] = JSON.parse(stdout).records;
    expect(entry).toMatchObject({ file: rel('payer.yaml'), record: 'base-2026-09', payer: 'acme' });
    expect(entry.error).toMatchObject({ code: 'unknown-payer', path: 'coverage.payer', line: 15 });
  });

  it('audits the records of an NDJSON file and standard input together, finding cloned text', async () => {
    const lines = [1, 2].map((n) =>
      recordJson([
        { set: 'id', value: `r-${n}` },
        { set: 'patient.id', value: `MRN-${n}` },
      ]),
    );
    writeFileSync(path.join(work, 'batch.ndjson'), `${lines.join('\n')}\n`);
    const stdin = recordJson([
      { set: 'id', value: 'r-3' },
      { set: 'patient.id', value: 'MRN-3' },
    ]);
    const { exit, stdout } = await run([rel('batch.ndjson'), '-', '--format', 'json'], stdin);
    expect(exit).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.records.map((r: { file: string }) => r.file)).toEqual([
      `${rel('batch.ndjson')}:1`,
      `${rel('batch.ndjson')}:2`,
      '<stdin>',
    ]);
    const cloned = report.records[2].findings.filter((f: { rule: string }) => f.rule === 'cloning/duplicate-text');
    expect(cloned.length).toBeGreaterThan(0);
    expect(cloned[0].message).toContain('(r-1, r-2)');
  });

  it('gives byte-identical output for the same input', async () => {
    const file = writeRecord('same.json', [{ remove: 'strengths' }]);
    expect((await run([file, '--format', 'json'])).stdout).toBe((await run([file, '--format', 'json'])).stdout);
  });

  it('lists the rule catalogue with --rules', async () => {
    const { exit, stdout } = await run(['--rules']);
    expect(exit).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(RULE_CATALOGUE.length);
    expect(lines[0]).toMatch(/^thread\/problem-without-goal +error +a problem is addressed by no goal$/);
    const json = JSON.parse((await run(['--rules', '--format', 'json'])).stdout);
    expect(json.map((r: { id: string }) => r.id)).toEqual(RULE_CATALOGUE.map((r) => r.id));
  });

  it.each([
    [['x.yaml', '--as-of', '2026-02-30']],
    [['x.yaml', '--as-of', 'yesterday']],
    [['x.yaml', '--format', 'xml']],
    [[]],
    [['x.yaml', '--bogus']],
  ])('refuses bad arguments %j', async (args) => {
    await expect(run(args)).rejects.toBeInstanceOf(UsageError);
  });
});
