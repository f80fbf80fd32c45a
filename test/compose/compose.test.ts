import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/compose/compose.js';
import { loadTemplateSet } from '../../src/compose/templates.js';
import type { Block, DocumentTree } from '../../src/compose/tree.js';
import { loadRecordText } from '../../src/load/record.js';
import { testProfile } from '../support/profile.js';

const templates = loadTemplateSet();
const source = readFileSync(new URL('../fixtures/contract-example.yaml', import.meta.url), 'utf8');
const record = loadRecordText(source, 'contract-example.yaml');
const compose = (kind: DocumentTree['kind'], extra: Partial<Parameters<typeof composeDocument>[1]> = {}) =>
  composeDocument(record, { kind, profile: testProfile(), templates, asOf: '2026-11-27', ...extra });

const section = (tree: DocumentTree, id: string) => {
  const found = tree.blocks.find((b): b is Extract<Block, { kind: 'section' }> => b.kind === 'section' && b.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
};
const texts = (blocks: readonly Block[]): string => JSON.stringify(blocks);

describe('treatment plan', () => {
  const tree = compose('treatment-plan');

  it('has every section of a payer-ready plan, in the profile’s order, with its labels', () => {
    expect(tree.blocks.map((b) => (b.kind === 'section' ? b.id : b.kind))).toEqual(
      testProfile().documents.looks['treatment-plan'].sections,
    );
    expect(section(tree, 'problems').title).toBe('Problems and functional impairments');
    expect(tree.title).toBe('Treatment Plan');
    expect(tree.documentId).toBe('whitfield-2026-09.treatment-plan');
    expect(tree.header).toEqual({
      patientName: 'Dana Whitfield',
      dob: 'Mar 14, 1987',
      recordNumber: 'MRN-004512',
      organization: 'Harbor Counseling Group',
    });
    expect(tree.meta.date).toBe('2026-09-09');
    expect(tree.draft).toBe(false);
  });

  it('shows diagnoses with code and description, and the thread between the parts', () => {
    const diagnoses = section(tree, 'diagnoses').blocks[0];
    expect(diagnoses?.kind).toBe('table');
    expect(texts([diagnoses as Block])).toContain('Major depressive disorder, recurrent, moderate');
    // F41.1 has no description in the record: it comes from the ICD-10-CM table.
    expect(texts([diagnoses as Block])).toContain('Generalized anxiety disorder');
  });

  it('composes a statement for an objective that has none, from its measure and target date', () => {
    const goals = texts(section(tree, 'goals').blocks);
    expect(goals).toContain('Within 12 weeks, PHQ-9 falls from 18 to 9 or below.');
    expect(goals).toContain('By Nov 30, 2026, workdays missed per month decreases from 6 to 0 or below.');
    expect(goals).toContain('By Dec 2, 2026, GAD-7 score decreases from 12 to 5 or below.');
  });

  it('states each service with its code, type, minutes and frequency', () => {
    const interventions = texts(section(tree, 'interventions').blocks);
    expect(interventions).toContain('90837 Individual');
    expect(interventions).toContain('55 min, Once a week');
    expect(interventions).toContain('Why 90837: Two co-occurring disorders');
  });

  it('lists one signature block per signer', () => {
    const signatures = section(tree, 'signatures').blocks.find((b) => b.kind === 'signatures');
    expect(signatures).toEqual({
      kind: 'signatures',
      signers: [
        { role: 'clinician', roleLabel: 'Treating clinician', name: 'Alex Rivera', credentials: 'LCSW' },
        { role: 'patient', roleLabel: 'Patient', name: 'Dana Whitfield' },
      ],
    });
  });

  it('uses a payer’s partial override (the explicit type/amount/frequency/duration table)', () => {
    const plain = compose('treatment-plan');
    const overridden = compose('treatment-plan', {
      profile: testProfile({
        documents: { ...testProfile().documents, partials: { services: 'services-medicare' } },
      }),
    });
    expect(texts(section(plain, 'services').blocks)).not.toContain('Type, amount, frequency and duration');
    const services = texts(section(overridden, 'services').blocks);
    expect(services).toContain('Type, amount, frequency and duration of services');
    expect(services).toContain('55 min per session');
  });

  it('marks a draft at the top and lists the open findings at the end', () => {
    const draft = compose('treatment-plan', {
      draftFindings: [
        {
          rule: 'smart/no-target-date',
          severity: 'error',
          path: 'objectives[2]',
          message: 'Objective O3 has no target date.',
        },
      ],
    });
    expect(draft.draft).toBe(true);
    expect(draft.blocks[0]).toMatchObject({ kind: 'notice', tone: 'draft' });
    const last = draft.blocks.at(-1);
    expect(last).toMatchObject({ kind: 'section', id: 'openFindings' });
    expect(texts([last as Block])).toContain('smart/no-target-date');
  });
});

describe('plan review', () => {
  const tree = compose('plan-review');
  it('covers the plan period to the as-of date with the sessions held in it', () => {
    expect(texts(section(tree, 'period').blocks)).toContain('Sep 9, 2026 – Nov 27, 2026 (79 days)');
    expect(texts(section(tree, 'sessions').blocks)).toContain('"text":"2","bold":true');
  });
  it('charts each instrument measured at least twice, with bands and the objective’s target', () => {
    const charts = section(tree, 'measures').blocks.filter((b) => b.kind === 'chart');
    expect(
      charts.map((c) => (c.kind === 'chart' ? [c.chart.instrument, c.chart.target, c.chart.points.length] : [])),
    ).toEqual([
      ['GAD-7', 5, 2],
      ['PHQ-9', 9, 2],
    ]);
  });
  it('states continued necessity from scores still above threshold and remaining impairments', () => {
    const necessity = texts(section(tree, 'necessity').blocks);
    expect(necessity).toContain('Continued treatment is medically necessary');
    expect(necessity).toContain('PHQ-9 is 17 (moderately severe), at or above the clinical threshold of 10');
    expect(necessity).toContain('Impairment P1: Missed 6 workdays in August');
  });
});

describe('discharge summary', () => {
  const tree = compose('discharge-summary');
  it('reports the episode, each objective’s outcome, and first and last scores', () => {
    expect(texts(section(tree, 'episode').blocks)).toContain('Treatment goals met');
    const outcomes = texts(section(tree, 'outcomes').blocks);
    expect(outcomes).toContain('Partially met');
    expect(texts(section(tree, 'measures').blocks)).toContain('18 (moderately severe), Sep 2, 2026');
    expect(texts(section(tree, 'aftercare').blocks)).toContain('Primary care for sleep follow-up');
  });
});
