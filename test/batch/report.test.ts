import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecordOutcome } from '../../src/batch/outcome.js';
import { buildReport, reportCsv, writeReport } from '../../src/batch/report.js';
import type { BatchResult } from '../../src/batch/run-batch.js';
import { tempFolder } from './support.js';

const HASHES = { record: 'a'.repeat(64), profile: 'b'.repeat(64), templates: 'c'.repeat(64) };

const cwd = '/work/run';
const outcomes: RecordOutcome[] = [
  {
    status: 'rendered',
    hashes: HASHES,
    label: 'in/a.yaml',
    id: 'a',
    draft: false,
    outputs: [
      { format: 'pdf', file: '/work/run/out/a.treatment-plan.pdf', sha256: '1'.repeat(64) },
      { format: 'docx', file: '/work/run/out/a.treatment-plan.docx', sha256: '2'.repeat(64) },
    ],
  },
  {
    status: 'skipped',
    hashes: HASHES,
    label: 'in/b.yaml',
    id: 'b',
    draft: true,
    outputs: [{ format: 'pdf', file: '/elsewhere/b.pdf', sha256: '3'.repeat(64) }],
  },
  {
    status: 'refused',
    hashes: HASHES,
    label: 'in/c.yaml',
    id: 'c',
    errors: [{ rule: 'plan/expired', path: 'plan.effectiveDate' }],
  },
  {
    status: 'failed',
    label: 'in/d.yaml',
    failure: { code: 'yaml-syntax', file: 'in/d.yaml', line: 4, column: 2, path: '', problems: 1 },
  },
  {
    status: 'failed',
    label: '=cmd|calc.yaml',
    id: 'e',
    failure: { code: 'write-failed', file: '/work/run/out/e.treatment-plan.pdf', detail: 'EACCES' },
  },
];
const result: BatchResult = {
  outcomes,
  inputCount: 9,
  otherShards: 4,
  elapsedMs: 1234,
  tool: '0.1.0',
  staleTempsRemoved: 0,
  workersStarted: 2,
};
const report = buildReport(result, {
  cwd,
  docKind: 'treatment-plan',
  formats: ['pdf', 'docx'],
  asOf: '2026-11-27',
  allowDraft: false,
  shard: { index: 2, count: 3 },
});

describe('the batch report', () => {
  it('accounts for every record of the shard with counts that add up', () => {
    expect(report.summary).toEqual({
      inputs: 9,
      records: 5,
      otherShards: 4,
      rendered: 1,
      skipped: 1,
      refused: 1,
      failed: 2,
    });
    expect(report.records.map((r) => r.status)).toEqual(['rendered', 'skipped', 'refused', 'failed', 'failed']);
    expect(report.shard).toBe('2/3');
  });

  it('gives paths relative to the working folder when inside it', () => {
    expect(report.records[0]?.outputs?.map((o) => o.path)).toEqual([
      'out/a.treatment-plan.pdf',
      'out/a.treatment-plan.docx',
    ]);
    expect(report.records[1]?.outputs?.[0]?.path).toBe('/elsewhere/b.pdf');
    expect(report.records[4]?.failure).toEqual({
      code: 'write-failed',
      file: 'out/e.treatment-plan.pdf',
      detail: 'EACCES',
    });
  });

  it('writes CSV with one row per record, and a spreadsheet formula is kept as text', () => {
    const rows = reportCsv(report).trimEnd().split('\r\n');
    expect(rows).toHaveLength(6);
    expect(rows[0]).toBe(
      'input,id,status,draft,outputs,sha256,audit_errors,failure_code,failure_file,failure_line,failure_column,failure_path,failure_detail',
    );
    expect(rows[1]).toBe(
      `in/a.yaml,a,rendered,false,out/a.treatment-plan.pdf out/a.treatment-plan.docx,${'1'.repeat(64)} ${'2'.repeat(64)},,,,,,,`,
    );
    expect(rows[3]).toBe('in/c.yaml,c,refused,,,,plan/expired,,,,,,');
    expect(rows[4]).toBe('in/d.yaml,,failed,,,,,yaml-syntax,in/d.yaml,4,2,,');
    expect(rows[5]?.startsWith("'=cmd|calc.yaml,e,failed")).toBe(true);
  });

  it('writes JSON, or CSV with the JSON beside it, mode 0600', async () => {
    const dir = await tempFolder();
    const json = await writeReport(path.join(dir, 'r.json'), report);
    expect(json).toEqual([path.join(dir, 'r.json')]);
    expect(JSON.parse(await readFile(path.join(dir, 'r.json'), 'utf8'))).toEqual(report);
    const csv = await writeReport(path.join(dir, 'sub', 'r.csv'), report);
    expect(csv).toEqual([path.join(dir, 'sub', 'r.csv'), path.join(dir, 'sub', 'r.json')]);
    expect((await readFile(csv[0] as string, 'utf8')).startsWith('input,id,status')).toBe(true);
    expect((await stat(csv[1] as string)).mode & 0o777).toBe(0o600);
  });
});
