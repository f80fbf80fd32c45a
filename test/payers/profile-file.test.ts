import { describe, expect, it } from 'vitest';
import { LoadError, type LoadIssue } from '../../src/errors.js';
import { readProfileText } from '../../src/payers/profile-file.js';
import { header } from './support.js';

/** The issues a profile text is refused with, as `line:column path code` plus the message. */
function refusal(text: string, file = 'acme.yaml'): LoadIssue[] {
  try {
    readProfileText(text, file, 'user');
  } catch (error) {
    if (error instanceof LoadError) return [...error.issues];
    throw error;
  }
  throw new Error('the profile was accepted');
}

const where = (issue: LoadIssue) => `${issue.file}:${issue.line}:${issue.column} ${issue.path}`;

describe('reading one profile file', () => {
  it('parses numbers and booleans written as plain YAML', () => {
    const doc = readProfileText(
      `${header('acme')}review:\n  everyDays: 60\nsignatures:\n  guardianForMinor: false\ncpt:\n  notCovered: [90839]\n`,
      'acme.yaml',
      'user',
    );
    expect(doc.data.review?.everyDays).toBe(60);
    expect(doc.data.signatures?.guardianForMinor).toBe(false);
    expect(doc.values.map((v) => v.path)).toEqual([
      'review.everyDays',
      'signatures.guardianForMinor',
      'cpt.notCovered',
    ]);
  });

  it('refuses a misspelled key at the key, suggesting the right one', () => {
    const [issue, ...rest] = refusal(`${header('acme')}review:\n  everyDay: 60\n`);
    expect(rest).toEqual([]);
    expect(where(issue as LoadIssue)).toBe('acme.yaml:7:3 review.everyDay');
    expect(issue?.message).toContain('did you mean "everyDays"');
  });

  it('refuses an unknown rule id at its key', () => {
    const [issue] = refusal(`${header('acme')}rules:\n  smart/vage-language: error\n`);
    expect(where(issue as LoadIssue)).toBe('acme.yaml:7:3 rules.smart/vage-language');
    expect(issue?.message).toMatch(/^unknown rule id .*did you mean "smart\/vague-language"/);
  });

  it('refuses a bad severity at its rule', () => {
    const [issue] = refusal(`${header('acme')}rules:\n  smart/vague-language: critical\n`);
    expect(where(issue as LoadIssue)).toBe('acme.yaml:7:3 rules.smart/vague-language');
    expect(issue?.message).toContain('error, warning, info, off');
  });

  it('refuses an unknown section name at the list item', () => {
    const [issue] = refusal(`${header('acme')}sections:\n  required: [diagnoses, goal, signatures]\n`);
    expect(where(issue as LoadIssue)).toBe('acme.yaml:7:25 sections.required[1]');
    expect(issue?.message).toContain('did you mean "goals"');
  });

  it('refuses a number that is not a whole number in range', () => {
    const issues = refusal(`${header('acme')}review:\n  everyDays: ninety\nmaxPlanAgeDays: 0\n`);
    expect(issues.map(where)).toEqual(['acme.yaml:7:3 review.everyDays', 'acme.yaml:8:1 maxPlanAgeDays']);
  });

  it('refuses a document section order that leaves a section out or repeats one', () => {
    const issues = refusal(
      `${header('acme')}documents:\n  discharge-summary:\n    sections: [identification, episode, diagnoses, diagnoses, outcomes, measures, signatures]\n`,
    );
    expect(issues.map(where)).toEqual([
      'acme.yaml:8:5 documents.discharge-summary.sections',
      'acme.yaml:8:5 documents.discharge-summary.sections',
    ]);
    expect(issues.map((i) => i.message).join('\n')).toMatch(/diagnoses more than once[\s\S]*leaves out aftercare/);
  });

  it('refuses a document section id that belongs to another kind of document', () => {
    const [issue] = refusal(`${header('acme')}documents:\n  plan-review:\n    sections: [episode]\n`);
    expect(where(issue as LoadIssue)).toBe('acme.yaml:8:16 documents.plan-review.sections[0]');
  });

  it('refuses a citation of a value path that does not exist, or that this profile does not set', () => {
    const issues = refusal(
      `${header('acme')}sources:\n  - id: manual\n    title: Acme manual\n    confidence: seen\n    supports: [review.everyday]\nunsourced: [maxPlanAgeDays]\n`,
    );
    expect(issues.map(where)).toEqual(['acme.yaml:10:16 sources[0].supports[0]', 'acme.yaml:11:13 unsourced[0]']);
    expect(issues[0]?.message).toContain('did you mean "review.everyDays"');
    expect(issues[1]?.message).toContain('does not set maxPlanAgeDays');
  });

  it('refuses a value both supported by a source and marked unsourced', () => {
    const issues = refusal(
      `${header('acme')}sources:\n  - {id: manual, title: Acme manual, confidence: seen, supports: [maxPlanAgeDays]}\nunsourced: [maxPlanAgeDays]\nmaxPlanAgeDays: 180\n`,
    );
    expect(issues.map(where)).toEqual(['acme.yaml:8:13 unsourced[0]']);
  });

  it('refuses two sources with one id', () => {
    const issues = refusal(
      `${header('acme')}sources:\n  - {id: manual, title: One, confidence: seen}\n  - {id: manual, title: Two, confidence: seen}\n`,
    );
    expect(issues.map(where)).toEqual(['acme.yaml:8:6 sources[1].id']);
  });

  it('refuses a signature list without the clinician, and roles the record decides', () => {
    expect(refusal(`${header('acme')}signatures:\n  required: [patient]\n`).map(where)).toEqual([
      'acme.yaml:7:3 signatures.required',
    ]);
    expect(refusal(`${header('acme')}signatures:\n  required: [clinician, guardian]\n`).map(where)).toEqual([
      'acme.yaml:7:25 signatures.required[1]',
    ]);
  });

  it('refuses a file named for another id, so a copied profile cannot silently replace its original', () => {
    const [issue] = refusal(header('medicare'), 'acme.yaml');
    expect(where(issue as LoadIssue)).toBe('acme.yaml:2:1 id');
    expect(refusal(header('acme', '2027-01-01'), 'acme@2026-01-01.yaml').map(where)).toEqual([
      'acme@2026-01-01.yaml:2:1 id',
    ]);
    expect(() => readProfileText(header('acme', '2027-01-01'), 'dir/acme@2027-01-01.yaml', 'user')).not.toThrow();
  });

  it('refuses a missing core key and a wrong format', () => {
    const issues = refusal('format: goldthread/profile@2\nid: acme\nname: Acme\n');
    expect(issues.map(where)).toEqual(['acme.yaml:1:1 format', 'acme.yaml:1:1 effective']);
    expect(issues[1]?.message).toBe('is required but missing');
  });

  it('refuses YAML anchors, which would hide where a value comes from', () => {
    const [issue] = refusal(`${header('acme')}review: &r\n  everyDays: 60\n`);
    expect(issue?.code).toBe('anchor');
    expect(issue?.file).toBe('acme.yaml');
  });
});
