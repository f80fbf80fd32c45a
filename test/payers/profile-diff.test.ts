import { describe, expect, it } from 'vitest';
import { diffProfiles, formatDiff } from '../../src/payers/profile-diff.js';
import { loadProfileRegistry } from '../../src/payers/registry.js';
import { header, profileFolder } from './support.js';

const ON = '2026-09-01';

describe('profiles diff', () => {
  it('shows what a payer changes in sections, cadences, signatures, severities and looks', async () => {
    const registry = await loadProfileRegistry();
    const medicare = registry.explain('medicare', ON);
    const bcbs = registry.explain('bcbs', ON);
    const changes = diffProfiles(medicare, bcbs);
    expect(changes.map((c) => c.path)).toEqual([
      'sections.required',
      'initialPlan.maxVisits',
      'signatures.required',
      'rules.plan/review-overdue',
      'documents.treatment-plan.title',
      'documents.labels.services',
      'documents.partials.services',
      // Same values, different sources:
      'maxPlanAgeDays',
      'maxDurationDays',
      'signatures.guardianForMinor',
      'cpt.needJustification',
      'rules.smart/no-measure',
      'rules.necessity/no-impairment',
      'rules.signatures/no-credentials',
    ]);
    expect(changes.find((c) => c.path === 'signatures.required')).toMatchObject({ added: ['patient'], removed: [] });
    expect(formatDiff(medicare, bcbs, changes)).toMatchInlineSnapshot(`
      "medicare (effective 2026-01-01, built-in:medicare) -> bcbs (effective 2026-01-01, built-in:bcbs)

      Required sections
        sections.required: +demographics +strengths +dischargeCriteria +risk -impairments  [bcbs; source: bcbs-mn-manual (seen), bcbsm-documentation (seen)]

      Review cadence and time limits
        initialPlan.maxVisits: (not set) -> 3  [bcbs; source: bcbs-mn-manual (seen)]

      Signatures
        signatures.required: +patient  [bcbs; source: bcbs-mn-manual (seen)]

      Rule severities
        rules.plan/review-overdue: warning -> error  [rule catalogue]

      Documents
        documents.treatment-plan.title: Psychotherapy Treatment Plan -> Individualized Treatment Plan  [bcbs]
        documents.labels.services: Type, amount, frequency and duration of services -> Services  [document defaults]
        documents.partials.services: services-medicare -> (not set)

      Same value, different source
        maxPlanAgeDays = 365: source: ngs-2151969 (seen) -> unsourced
        maxDurationDays = 364: source: ngs-2151969 (seen) -> unsourced
        signatures.guardianForMinor = true: unsourced -> source: bcbsm-documentation (seen)
        cpt.needJustification = 90837: unsourced -> source: anthem-90837 (seen-3p)
        rules.smart/no-measure = error: source: fcso-probe-l33128 (seen-3p) -> goldthread default
        rules.necessity/no-impairment = error: source: lcd-l39852 (seen) -> goldthread default
        rules.signatures/no-credentials = error: source: fcso-signatures (seen) -> goldthread default

      7 values differ; 7 values have a different source.
      "
    `);
  });

  it('compares two versions of one payer, and says when nothing differs', async () => {
    const userDir = await profileFolder({
      'acme.yaml': `${header('acme')}review:\n  everyDays: 90\nunsourced: [review]\n`,
      'acme@2027-01-01.yaml': `${header('acme', '2027-01-01')}review:\n  everyDays: 60\nunsourced: [review]\n`,
    });
    const registry = await loadProfileRegistry({ userDir });
    const before = registry.explain('acme', '2026-06-01');
    const after = registry.explain('acme', '2027-06-01');
    expect(diffProfiles(before, after)).toEqual([
      expect.objectContaining({ path: 'review.everyDays', before: 90, after: 60 }),
    ]);
    expect(diffProfiles(after, after)).toEqual([]);
    expect(formatDiff(after, after, [])).toContain('No value or source differs.');
  });

  it('reports a list whose order alone changed', async () => {
    const userDir = await profileFolder({
      'acme.yaml': `${header('acme', '2026-01-01', 'aetna')}sections:\n  required: [signatures, diagnoses]\nunsourced: [sections]\n`,
      'zeta.yaml': `${header('zeta', '2026-01-01', 'aetna')}sections:\n  required: [diagnoses, signatures]\nunsourced: [sections]\n`,
    });
    const registry = await loadProfileRegistry({ userDir });
    const changes = diffProfiles(registry.explain('acme', ON), registry.explain('zeta', ON));
    expect(formatDiff(registry.explain('acme', ON), registry.explain('zeta', ON), changes)).toContain(
      'sections.required: reordered: diagnoses, signatures',
    );
  });
});
