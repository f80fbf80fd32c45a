import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { auditRecord, auditRecords, comparePaths, RECORD_RULES, sortFindings } from '../../src/audit/audit.js';
import { RULE_CATALOGUE } from '../../src/audit/catalogue.js';
import { loadRecordText } from '../../src/load/record.js';
import type { Finding } from '../../src/model/finding.js';
import { testProfile } from '../support/profile.js';
import { applyEdits, type Edit } from './fixture-edits.js';

const base: unknown = parse(readFileSync(new URL('./fixtures/base.yaml', import.meta.url), 'utf8'));
const recordWith = (edits: Edit[], name = 'test.yaml') => loadRecordText(JSON.stringify(applyEdits(base, edits)), name);
const asOf = '2026-11-27';

describe('the rule set', () => {
  it('has one single-record rule per catalogue id, plus cloning across records', () => {
    const ids = [...RECORD_RULES.map((r) => r.id), 'cloning/duplicate-text'].sort();
    expect(ids).toEqual(RULE_CATALOGUE.map((r) => r.id).sort());
  });
});

describe('auditRecord', () => {
  const noTarget = recordWith([{ remove: 'objectives[2].targetDate' }, { remove: 'signatures[1].signedOn' }]);

  it('reports with the catalogue severity, a source and a hint', () => {
    const findings = auditRecord(
      noTarget,
      testProfile({ signatures: { ...testProfile().signatures, required: ['clinician', 'patient'] } }),
      { asOf },
    );
    expect(findings.map((f) => [f.severity, f.rule, f.path])).toEqual([
      ['error', 'smart/no-target-date', 'objectives[2]'],
      ['warning', 'signatures/unsigned', 'signatures[1]'],
    ]);
    expect(findings[0]?.message).toBe('Objective O3 has no target date.');
    expect(findings.every((f) => f.source && f.hint)).toBe(true);
  });

  it("applies the profile's severity, and skips a rule the profile turns off", () => {
    const rules = {
      ...testProfile().rules,
      'smart/no-target-date': 'off' as const,
      'signatures/unsigned': 'error' as const,
    };
    const profile = testProfile({
      rules,
      signatures: { ...testProfile().signatures, required: ['clinician', 'patient'] },
    });
    expect(auditRecord(noTarget, profile, { asOf }).map((f) => [f.severity, f.rule])).toEqual([
      ['error', 'signatures/unsigned'],
    ]);
  });

  it('cites the profile for a profile parameter, and says so when the value is unsourced', () => {
    const late = recordWith([{ set: 'objectives[0].targetDate', value: '2027-02-01' }]);
    const sourced = testProfile({ name: 'Acme', sources: [{ title: 'Acme manual, ch. 3' }] });
    expect(auditRecord(late, sourced, { asOf })[0]?.source).toBe(
      'Acme profile, objectiveHorizonDays: Acme manual, ch. 3',
    );
    const unsourced = testProfile({
      name: 'Acme',
      sources: [{ title: 'Acme manual' }],
      unsourced: ['objectiveHorizonDays'],
    });
    expect(auditRecord(late, unsourced, { asOf })[0]?.source).toMatch(
      /^Acme profile, objectiveHorizonDays: .*unsourced/,
    );
  });

  it('cites only the sources that back the parameter when the profile says which', () => {
    const late = recordWith([{ set: 'objectives[0].targetDate', value: '2027-02-01' }]);
    const backing = { title: 'Acme manual, ch. 3', supports: ['objectiveHorizonDays'] };
    const profile = testProfile({ name: 'Acme', sources: [{ title: 'Acme fee schedule' }, backing] });
    expect(auditRecord(late, profile, { asOf })[0]?.source).toBe(
      'Acme profile, objectiveHorizonDays: Acme manual, ch. 3',
    );
  });

  it('reads the review cadence for the level of care', () => {
    const profile = testProfile({ review: { everyDays: 90, byLevelOfCare: { 'intensive-outpatient': 30 } } });
    const iop = recordWith([{ set: 'services.levelOfCare', value: 'intensive-outpatient' }]);
    expect(auditRecord(iop, profile, { asOf }).map((f) => f.rule)).toContain('plan/review-overdue');
    expect(auditRecord(recordWith([]), profile, { asOf }).map((f) => f.rule)).not.toContain('plan/review-overdue');
  });

  it('is deterministic', () => {
    const record = recordWith([{ remove: 'strengths' }, { set: 'goals[0].statement', value: 'Feel better.' }]);
    const profile = testProfile({ sections: { required: ['strengths'] } });
    expect(JSON.stringify(auditRecord(record, profile, { asOf }))).toBe(
      JSON.stringify(auditRecord(record, profile, { asOf })),
    );
  });
});

describe('sortFindings', () => {
  const finding = (severity: Finding['severity'], path: string, rule = 'r'): Finding => ({
    rule,
    severity,
    path,
    message: '',
  });

  it('puts errors first, then orders by path with numbers compared as numbers', () => {
    const sorted = sortFindings([
      finding('warning', 'objectives[1]'),
      finding('error', 'objectives[10]'),
      finding('info', 'goals[0]'),
      finding('error', 'objectives[2].targetDate'),
      finding('error', 'objectives[2]'),
    ]);
    expect(sorted.map((f) => `${f.severity} ${f.path}`)).toEqual([
      'error objectives[2]',
      'error objectives[2].targetDate',
      'error objectives[10]',
      'warning objectives[1]',
      'info goals[0]',
    ]);
  });

  it('compares paths', () => {
    expect(comparePaths('sessions[9]', 'sessions[10]')).toBeLessThan(0);
    expect(comparePaths('a', 'a')).toBe(0);
  });
});

describe('auditRecords', () => {
  const patient = (n: number, id: string): Edit[] => [
    { set: 'id', value: id },
    { set: 'patient.id', value: `MRN-${n}` },
  ];

  it('adds cloning across the records and names the other records by id', () => {
    const items = [patient(1, 'a-1'), patient(2, 'b-2'), patient(3, 'c-3')].map((edits) => ({
      record: recordWith(edits),
      profile: testProfile(),
    }));
    const results = auditRecords(items, { asOf });
    expect(results).toHaveLength(3);
    const first = results[0]?.find((f) => f.path === 'interventions[0].description');
    expect(first?.rule).toBe('cloning/duplicate-text');
    expect(first?.message).toBe(
      "Intervention I1's description is the same or nearly the same as text in the records of 2 other patients (b-2, c-3).",
    );
    expect(first?.source).toMatch(/cloning\.minPatients/);
  });

  it('names at most five other records', () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({
      record: recordWith(patient(n, `r-${n}`)),
      profile: testProfile(),
    }));
    const finding = auditRecords(items, { asOf })[0]?.find((f) => f.path === 'goals[0].statement');
    expect(finding?.message).toBe(
      'Goal G1 is the same or nearly the same as text in the records of 7 other patients (r-2, r-3, r-4, r-5, r-6 and 2 more).',
    );
  });

  it("follows each record's profile for the number of patients", () => {
    const items = [patient(1, 'a-1'), patient(2, 'b-2')].map((edits) => ({
      record: recordWith(edits),
      profile: testProfile({ cloningMinPatients: 2 }),
    }));
    expect(auditRecords(items, { asOf })[1]?.some((f) => f.rule === 'cloning/duplicate-text')).toBe(true);
    const strict = items.map((i) => ({ ...i, profile: testProfile() }));
    expect(auditRecords(strict, { asOf })[1]?.some((f) => f.rule === 'cloning/duplicate-text')).toBe(false);
  });

  it('gives a single record the same findings as auditRecord', () => {
    const record = recordWith([{ remove: 'objectives[0].measure' }]);
    expect(auditRecords([{ record, profile: testProfile() }], { asOf })[0]).toEqual(
      auditRecord(record, testProfile(), { asOf }),
    );
  });
});
