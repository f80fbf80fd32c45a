import { describe, expect, it } from 'vitest';
import type { RecordOutcome } from '../../src/batch/outcome.js';
import { formatProblem, formatProgress, formatSummary, ProgressDisplay } from '../../src/batch/progress.js';
import type { BatchProgress } from '../../src/batch/run-batch.js';

const HASHES = { record: 'a'.repeat(64), profile: 'b'.repeat(64), templates: 'c'.repeat(64) };

const at = (done: number, elapsedMs: number, over: Partial<BatchProgress> = {}): BatchProgress => ({
  total: 120,
  done,
  rendered: done,
  skipped: 0,
  refused: 0,
  failed: 0,
  elapsedMs,
  ...over,
});

const failed: RecordOutcome = {
  status: 'failed',
  label: 'in/a.yaml',
  failure: { code: 'schema', file: 'in/a.yaml', line: 12, column: 5, path: 'patient.dob' },
};

function stream(isTTY: boolean) {
  let text = '';
  return { isTTY, write: (chunk: string) => (text += chunk), text: () => text };
}

describe('progress', () => {
  it('shows done/total, rate, ETA and problems', () => {
    expect(formatProgress(at(60, 20_000, { failed: 1, rendered: 59 }))).toBe(
      'batch: 60/120 (50%)  3.0 records/s  ETA 0:20  1 failed, 0 refused',
    );
    expect(formatProgress(at(0, 0))).toBe('batch: 0/120 (0%)  0.0 records/s  ETA -');
    expect(formatProgress(at(1, 1000, { total: 3601 }))).toContain('ETA 1:00:00');
  });

  it('sums up the run in one line', () => {
    expect(formatSummary(at(120, 41_200, { rendered: 118, failed: 2 }), 0)).toBe(
      'batch: 120 record(s): 118 rendered, 0 up to date, 0 refused, 2 failed in 41.2 s',
    );
    expect(formatSummary(at(3, 1000, { total: 3, rendered: 3 }), 7)).toContain('(7 left to other shards)');
  });

  it('names a problem by location and code', () => {
    expect(formatProblem(failed)).toBe('in/a.yaml: failed: schema at in/a.yaml:12:5 (patient.dob)');
    expect(
      formatProblem({
        status: 'refused',
        hashes: HASHES,
        label: 'b.yaml',
        id: 'b',
        errors: [{ rule: 'plan/expired', path: '' }],
      }),
    ).toBe('b.yaml: refused: the audit found 1 error(s) (plan/expired); fix them or pass --allow-draft');
  });

  it('redraws one line in place on a terminal, problems above it', () => {
    const tty = stream(true);
    const display = new ProgressDisplay(tty, false);
    display.progress(at(1, 500));
    display.outcome(failed);
    display.finish(0, '; report: r.json', at(120, 1000));
    expect(tty.text()).toContain('\r\x1b[2Kbatch: 1/120');
    expect(tty.text()).toContain('\r\x1b[2Kin/a.yaml: failed: schema');
    expect(
      tty
        .text()
        .endsWith(
          '\r\x1b[2Kbatch: 120 record(s): 120 rendered, 0 up to date, 0 refused, 0 failed in 1.0 s; report: r.json\n',
        ),
    ).toBe(true);
  });

  it('is quiet off a terminal: the summary only, problems too when there is no report', () => {
    const piped = stream(false);
    const withReport = new ProgressDisplay(piped, false);
    withReport.progress(at(1, 500));
    withReport.outcome(failed);
    withReport.finish(0, '', at(120, 1000));
    expect(piped.text().split('\n').filter(Boolean)).toHaveLength(1);

    const noReport = stream(false);
    const listing = new ProgressDisplay(noReport, true);
    listing.outcome(failed);
    listing.finish(0, '', at(120, 1000));
    expect(noReport.text()).toBe(
      'in/a.yaml: failed: schema at in/a.yaml:12:5 (patient.dob)\nbatch: 120 record(s): 120 rendered, 0 up to date, 0 refused, 0 failed in 1.0 s\n',
    );
  });
});
