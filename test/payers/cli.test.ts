import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { capturedIo } from '../support/captured-io.js';
import { header, profileFolder } from './support.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function run(argv: string[], cwd = ROOT) {
  const io = capturedIo(cwd);
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('goldthread profiles list', () => {
  it('lists every profile with its name, effective date and source count', async () => {
    const { code, out } = await run(['profiles', 'list']);
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+NAME\s+EFFECTIVE\s+EXTENDS\s+SOURCES\s+FILE$/);
    expect(lines.slice(1).map((line) => line.split(/\s{2,}/)[0])).toEqual([
      'aetna',
      'base (abstract)',
      'bcbs',
      'medicare',
      'optum',
    ]);
    expect(lines.find((line) => line.startsWith('medicare'))).toMatch(
      /2026-01-01\s+base\s+7\s+payers\/medicare\.yaml$/,
    );
  });

  it('prints JSON with --format json, user profiles included with --profiles', async () => {
    const dir = await profileFolder({ 'acme.yaml': `${header('acme', '2026-01-01', 'aetna')}` });
    const { code, out } = await run(['profiles', 'list', '--format', 'json', '--profiles', dir]);
    expect(code).toBe(0);
    const rows = JSON.parse(out) as { id: string; file: string }[];
    expect(rows.map((r) => r.id)).toEqual(['acme', 'aetna', 'base', 'bcbs', 'medicare', 'optum']);
    expect(rows[0]?.file).toBe(path.join(path.relative(ROOT, dir), 'acme.yaml'));
  });
});

describe('goldthread profiles show', () => {
  it('prints every value with the profile it comes from and its source', async () => {
    const { code, out } = await run(['profiles', 'show', 'medicare']);
    expect(code).toBe(0);
    expect(out).toContain('  maxPlanAgeDays = 365  [medicare; source: ngs-2151969 (seen)]');
    expect(out).toContain('  review.everyDays = 90  [medicare; unsourced]');
    expect(out).toContain('  signatures.graceDays = 30  [inherited from base; unsourced]');
    expect(out).toContain('  rules.thread/problem-without-goal = error  [rule catalogue]');
    expect(out).toMatch(/medicare\/ngs-2151969 \(seen\): NGS, Psychotherapy Coverage Criteria/);
  });

  it('shows the version in effect on --as-of, or on the date after @', async () => {
    const dir = await profileFolder({
      'acme.yaml': `${header('acme')}review:\n  everyDays: 90\nunsourced: [review]\n`,
      'acme@2027-01-01.yaml': `${header('acme', '2027-01-01')}review:\n  everyDays: 60\nunsourced: [review]\n`,
    });
    const asOf = await run(['profiles', 'show', 'acme', '--as-of', '2027-02-01', '--profiles', dir]);
    expect(asOf.out).toContain('review.everyDays = 60');
    const at = await run(['profiles', 'show', 'acme@2026-05-01', '--profiles', dir, '--format', 'json']);
    const shown = JSON.parse(at.out) as { effective: string; values: { path: string; value: unknown; from: string }[] };
    expect(shown.effective).toBe('2026-01-01');
    expect(shown.values.find((v) => v.path === 'review.everyDays')).toEqual({
      path: 'review.everyDays',
      value: 90,
      from: 'acme',
      backing: 'unsourced',
    });
  });

  it('refuses an unknown payer with exit 2 and the known ids', async () => {
    const { code, out, err } = await run(['profiles', 'show', 'medicaid']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('unknown payer profile: medicaid');
    expect(err).toContain('known: aetna, bcbs, medicare, optum');
  });
});

describe('goldthread profiles lint', () => {
  it('passes on the built-ins', async () => {
    const { code, out, err } = await run(['profiles', 'lint']);
    expect(code).toBe(0);
    expect(
      out
        .split('\n')
        .filter(Boolean)
        .every((line) => line.endsWith(': ok')),
    ).toBe(true);
    expect(err).toBe('5 profiles checked: 0 errors, 0 warnings\n');
  });

  it('exits 1 naming file, line and column of each problem', async () => {
    const dir = await profileFolder({
      'acme.yaml': `${header('acme')}rules:\n  smart/vague-languag: error\n`,
      'beta.yaml': `${header('beta', '2026-01-01', 'acme')}maxPlanAgeDays: 200\n`,
    });
    const { code, out, err } = await run(['profiles', 'lint', 'acme.yaml', 'beta.yaml'], dir);
    expect(code).toBe(1);
    expect(out).toContain('acme.yaml:7:3: error: rules.smart/vague-languag: unknown rule id "smart/vague-languag"');
    // beta cannot find its parent, which was refused; and it sets a value with no source.
    expect(out).toContain('beta.yaml:4:1: error: extends: extends "acme", which is not a known profile');
    expect(out).toContain('beta.yaml:6:1: warning: maxPlanAgeDays: maxPlanAgeDays has no source');
    expect(err).toBe('2 profiles checked: 2 errors, 1 warning\n');
  });

  it('lints the --profiles folder with the built-ins when no file is named', async () => {
    const dir = await profileFolder({ 'acme.yaml': `${header('acme', '2026-01-01', 'acme')}` });
    const { code, out } = await run(['profiles', 'lint', '--profiles', dir], dir);
    expect(code).toBe(1);
    expect(out).toContain('payers/medicare.yaml: ok');
    expect(out).toContain('acme.yaml:4:1: error: extends');
  });

  it('exits 2 for a file that cannot be read', async () => {
    const { code, err } = await run(['profiles', 'lint', 'no-such-profile.yaml']);
    expect(code).toBe(2);
    expect(err).toContain('no-such-profile.yaml:1:1: cannot read the file (ENOENT)');
  });
});

describe('goldthread profiles diff', () => {
  it('compares two payers by id', async () => {
    const { code, out } = await run(['profiles', 'diff', 'medicare', 'bcbs']);
    expect(code).toBe(0);
    expect(out).toContain('signatures.required: +patient');
    expect(out).toContain('rules.plan/review-overdue: warning -> error');
  });

  it('compares a built-in with a changed copy in a file', async () => {
    const dir = await profileFolder({
      'bcbs.yaml': `${header('bcbs', '2027-01-01', 'bcbs')}initialPlan:\n  maxVisits: 4\nunsourced: [initialPlan]\n`,
    });
    const { code, out } = await run(['profiles', 'diff', 'bcbs', './bcbs.yaml'], dir);
    expect(code).toBe(0);
    expect(out).toContain('initialPlan.maxVisits: 3 -> 4  [bcbs; unsourced]');
    expect(out).toContain('1 value differs; 0 values have a different source.');
  });
});

describe('goldthread profiles schema', () => {
  it('prints the JSON Schema committed beside the built-in profiles', async () => {
    const { code, out } = await run(['profiles', 'schema']);
    expect(code).toBe(0);
    expect(out).toBe(readFileSync(path.join(ROOT, 'payers/profile.schema.json'), 'utf8'));
  });
});

describe('goldthread profiles usage', () => {
  it('refuses an unknown subcommand and an unknown flag with exit 2', async () => {
    expect((await run(['profiles', 'lsit'])).code).toBe(2);
    const flag = await run(['profiles', 'list', '--verbose']);
    expect(flag.code).toBe(2);
    expect(flag.err).toContain('--verbose');
  });
});
