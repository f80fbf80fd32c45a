import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULE_CATALOGUE } from '../../src/audit/catalogue.js';
import { InputError, LoadError, type LoadIssue } from '../../src/errors.js';
import { readProfileText } from '../../src/payers/profile-file.js';
import { buildRegistry, loadProfileRegistry, readProfileLayers } from '../../src/payers/registry.js';
import { header, profileFolder } from './support.js';

async function refusal(files: Record<string, string>): Promise<LoadIssue[]> {
  const userDir = await profileFolder(files);
  const error = await loadProfileRegistry({ userDir, cwd: userDir }).catch((e: unknown) => e);
  if (!(error instanceof LoadError)) throw new Error('the profiles were accepted');
  return [...error.issues];
}

const where = (issue: LoadIssue) => `${issue.file}:${issue.line}:${issue.column} ${issue.path}`;

describe('inheritance', () => {
  it('takes every value a child does not set from its parent, and merges objects key by key', async () => {
    const userDir = await profileFolder({
      'acme.yaml': `${header('acme', '2026-01-01', 'bcbs')}signatures:\n  graceDays: 14\nreview:\n  byLevelOfCare:\n    intensive-outpatient: 30\n`,
    });
    const registry = await loadProfileRegistry({ userDir });
    const acme = registry.resolve('acme', '2026-09-01');
    const bcbs = registry.resolve('bcbs', '2026-09-01');
    expect(acme.signatures).toEqual({ ...bcbs.signatures, graceDays: 14 });
    expect(acme.review).toEqual({ everyDays: bcbs.review.everyDays, byLevelOfCare: { 'intensive-outpatient': 30 } });
    expect(acme.initialPlan).toEqual({ maxVisits: 3 });
    expect(acme.sections).toEqual(bcbs.sections);
  });

  it("replaces a parent's list whole rather than adding to it", async () => {
    const userDir = await profileFolder({
      'acme.yaml': `${header('acme', '2026-01-01', 'bcbs')}sections:\n  required: [diagnoses, goals]\nsignatures:\n  required: [clinician]\n`,
    });
    const acme = (await loadProfileRegistry({ userDir })).resolve('acme', '2026-09-01');
    expect(acme.sections.required).toEqual(['diagnoses', 'goals']);
    expect(acme.signatures.required).toEqual(['clinician']);
  });

  it('has a severity for every catalogue rule, the child overriding only those it names', async () => {
    const userDir = await profileFolder({
      'acme.yaml': `${header('acme', '2026-01-01', 'medicare')}rules:\n  smart/vague-language: error\n  codes/90837-unjustified: off\n`,
    });
    const rules = (await loadProfileRegistry({ userDir })).resolve('acme', '2026-09-01').rules;
    expect(rules['smart/vague-language']).toBe('error');
    expect(rules['codes/90837-unjustified']).toBe('off');
    expect(rules['plan/review-overdue']).toBe('warning'); // from medicare
    expect(rules['thread/problem-without-goal']).toBe('error'); // the catalogue's default
    expect(Object.keys(rules)).toHaveLength(RULE_CATALOGUE.length);
  });

  it("fills each document's title, order and labels from the profile, else goldthread's defaults", async () => {
    const userDir = await profileFolder({
      'acme.yaml': `${header('acme', '2026-01-01', 'medicare')}documents:\n  discharge-summary:\n    title: Closing Summary\n    sections: [identification, diagnoses, episode, outcomes, measures, aftercare, signatures]\n  labels:\n    aftercare: After care\n  partials:\n    outcomes: outcomes-brief\n`,
    });
    const docs = (await loadProfileRegistry({ userDir })).resolve('acme', '2026-09-01').documents;
    expect(docs.looks['discharge-summary']).toEqual({
      title: 'Closing Summary',
      sections: ['identification', 'diagnoses', 'episode', 'outcomes', 'measures', 'aftercare', 'signatures'],
    });
    expect(docs.looks['treatment-plan'].title).toBe('Psychotherapy Treatment Plan');
    expect(docs.looks['plan-review'].title).toBe('Treatment Plan Review');
    expect(docs.labels.aftercare).toBe('After care');
    expect(docs.labels.dischargeCriteria).toBe('Discharge criteria');
    expect(docs.partials).toEqual({ services: 'services-medicare', outcomes: 'outcomes-brief' });
  });

  it("lists the values nothing backs, own and inherited, and all the chain's sources", async () => {
    const userDir = await profileFolder({
      'acme.yaml': `${header('acme', '2026-01-01', 'medicare')}sources:\n  - {id: memo, title: Acme memo, confidence: seen, supports: [signatures.graceDays]}\nsignatures:\n  graceDays: 10\ncloning:\n  minPatients: 5\n`,
    });
    const acme = (await loadProfileRegistry({ userDir })).resolve('acme', '2026-09-01');
    expect(acme.unsourced).toContain('cloning.minPatients'); // set here, not cited
    expect(acme.unsourced).toContain('review.everyDays'); // marked unsourced by medicare
    expect(acme.unsourced).not.toContain('signatures.graceDays');
    expect(acme.unsourced).not.toContain('maxPlanAgeDays'); // medicare cites NGS
    expect(acme.sources[0]).toEqual({
      id: 'memo',
      title: 'Acme memo',
      confidence: 'seen',
      supports: ['signatures.graceDays'],
    });
    expect(acme.sources.map((s) => s.id)).toContain('ngs-2151969');
  });
});

describe('effective dates', () => {
  const versions = {
    'acme.yaml': `${header('acme', '2026-01-01')}review:\n  everyDays: 90\n`,
    'acme@2027-01-01.yaml': `${header('acme', '2027-01-01')}review:\n  everyDays: 60\n`,
    'acme@2027-07-01.yaml': `${header('acme', '2027-07-01')}review:\n  everyDays: 45\n`,
  };

  it('judges a date by the latest version effective on or before it', async () => {
    const registry = await loadProfileRegistry({ userDir: await profileFolder(versions) });
    const cadence = (date: string) => registry.resolve('acme', date).review.everyDays;
    expect(cadence('2026-12-31')).toBe(90);
    expect(cadence('2027-01-01')).toBe(60);
    expect(cadence('2027-06-30')).toBe(60);
    expect(cadence('2027-07-01')).toBe(45);
    expect(cadence('2030-01-01')).toBe(45);
    expect(registry.resolve('acme', '2027-03-01').effective).toBe('2027-01-01');
  });

  it('judges a date before the first version by the first version', async () => {
    const registry = await loadProfileRegistry({ userDir: await profileFolder(versions) });
    expect(registry.resolve('acme', '2019-05-01').review.everyDays).toBe(90);
    expect(registry.resolve('acme', '2019-05-01').effective).toBe('2026-01-01');
  });

  it("applies the parent's version in effect on the same date", async () => {
    const userDir = await profileFolder({
      'parent.yaml': `${header('parent', '2026-01-01')}abstract: true\nsignatures:\n  graceDays: 20\n`,
      'parent@2028-01-01.yaml': `${header('parent', '2028-01-01')}abstract: true\nsignatures:\n  graceDays: 7\n`,
      'acme.yaml': `${header('acme', '2026-01-01', 'parent')}review:\n  everyDays: 90\n`,
    });
    const registry = await loadProfileRegistry({ userDir });
    expect(registry.resolve('acme', '2027-12-31').signatures.graceDays).toBe(20);
    expect(registry.resolve('acme', '2028-01-01').signatures.graceDays).toBe(7);
  });

  it('refuses two versions of one profile effective on the same date', async () => {
    const issues = await refusal({
      'acme.yaml': header('acme', '2027-01-01'),
      'acme@2027-01-01.yaml': header('acme', '2027-01-01'),
    });
    expect(issues.map(where)).toEqual(['acme@2027-01-01.yaml:5:1 effective']);
  });
});

describe('layering a user folder over the built-ins', () => {
  it('replaces a built-in profile with a user profile of the same id, which may build on it', async () => {
    const userDir = await profileFolder({
      'medicare.yaml': `${header('medicare', '2026-01-01', 'medicare')}maxPlanAgeDays: 180\nunsourced: [maxPlanAgeDays]\n`,
    });
    const registry = await loadProfileRegistry({ userDir, cwd: userDir });
    const medicare = registry.resolve('medicare', '2026-09-01');
    expect(medicare.maxPlanAgeDays).toBe(180);
    expect(medicare.signatures.required).toEqual(['clinician']); // from the built-in medicare
    expect(medicare.origin).toBe('medicare.yaml');
    expect(registry.list().filter((p) => p.id === 'medicare')).toHaveLength(1);
  });

  it("layers a user's base under every built-in payer that extends base", async () => {
    const userDir = await profileFolder({
      'base.yaml': `${header('base', '2026-01-01', 'base')}abstract: true\nsignatures:\n  graceDays: 7\nunsourced: [signatures]\n`,
    });
    const registry = await loadProfileRegistry({ userDir, cwd: userDir });
    expect(registry.resolve('bcbs', '2026-09-01').signatures.graceDays).toBe(7);
    expect(registry.resolve('bcbs', '2026-09-01').maxPlanAgeDays).toBe(365); // the built-in base, below
    expect(registry.list().find((p) => p.id === 'base')?.file).toBe('base.yaml');
  });

  it('leaves the built-ins alone without a user folder', async () => {
    const registry = await loadProfileRegistry();
    expect(registry.payerIds()).toEqual(['aetna', 'bcbs', 'medicare', 'optum']);
    expect(registry.resolve('medicare', '2026-09-01').origin).toBe('built-in:medicare');
  });

  it('refuses a folder that cannot be read', async () => {
    const error = await loadProfileRegistry({ userDir: '/nonexistent/goldthread-profiles' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoadError);
    expect((error as LoadError).first.code).toBe('read-failed');
  });
});

describe('refusals that need several profiles', () => {
  it('refuses an unknown parent at its extends', async () => {
    const issues = await refusal({ 'acme.yaml': header('acme', '2026-01-01', 'medicar') });
    expect(issues.map(where)).toEqual(['acme.yaml:4:1 extends']);
    expect(issues[0]?.message).toContain('did you mean "medicare"');
  });

  it('refuses a profile that extends its own id with nothing below to extend', async () => {
    const issues = await refusal({ 'acme.yaml': header('acme', '2026-01-01', 'acme') });
    expect(issues.map(where)).toEqual(['acme.yaml:4:1 extends']);
  });

  it('refuses an extends loop once, at the profile that closes it', async () => {
    const issues = await refusal({
      'alpha.yaml': header('alpha', '2026-01-01', 'beta'),
      'beta.yaml': header('beta', '2026-01-01', 'gamma'),
      'gamma.yaml': header('gamma', '2026-01-01', 'alpha'),
    });
    expect(issues.map(where)).toEqual(['gamma.yaml:4:1 extends']);
    expect(issues[0]?.message).toBe('extends loop: alpha -> beta -> gamma -> alpha');
  });

  it('refuses a payer profile that leaves a value unset with nothing to inherit it from', async () => {
    const issues = await refusal({
      'acme.yaml':
        'format: goldthread/profile@1\nid: acme\nname: Acme\neffective: 2026-01-01\nreview:\n  everyDays: 30\n',
    });
    expect(issues.map(where)).toContain('acme.yaml:2:1 id');
    expect(issues.map((i) => i.message).join('\n')).toContain(
      'maxPlanAgeDays is set neither here nor in any profile it extends',
    );
    expect(issues.map((i) => i.message).join('\n')).not.toContain('review.everyDays');
  });

  it('accepts an incomplete profile marked abstract', async () => {
    const userDir = await profileFolder({
      'shared.yaml': 'format: goldthread/profile@1\nid: shared\nname: Shared\nabstract: true\neffective: 2026-01-01\n',
    });
    await expect(loadProfileRegistry({ userDir })).resolves.toBeDefined();
  });

  it('reports problems from every file at once', async () => {
    const issues = await refusal({
      'alpha.yaml': `${header('alpha')}reviw: {}\n`,
      'beta.yaml': header('beta', '2026-01-01', 'nobody'),
    });
    expect(issues.map(where)).toEqual(['alpha.yaml:6:1 reviw', 'beta.yaml:4:1 extends']);
  });
});

describe('resolve', () => {
  it('refuses an unknown payer id, naming the known ones', async () => {
    const registry = await loadProfileRegistry();
    expect(() => registry.resolve('medicaid', '2026-09-01')).toThrow(InputError);
    expect(() => registry.resolve('medicaid', '2026-09-01')).toThrow(
      'unknown payer profile: medicaid (did you mean medicare?); known: aetna, bcbs, medicare, optum',
    );
  });

  it('refuses the abstract base as a payer', async () => {
    const registry = await loadProfileRegistry();
    expect(() => registry.resolve('base', '2026-09-01')).toThrow(/base is a shared base .* not a payer/);
    expect(registry.explain('base', '2026-09-01').abstract).toBe(true);
  });

  it('returns one frozen profile for every date the same versions apply', async () => {
    const registry = await loadProfileRegistry();
    const a = registry.resolve('bcbs', '2026-03-01');
    expect(registry.resolve('bcbs', '2026-10-01')).toBe(a);
    expect(Object.isFrozen(a.sections.required)).toBe(true);
  });

  it('resolves a profile file over the registry, for lint and diff', async () => {
    const dir = await profileFolder({
      'acme.yaml': `${header('acme', '2026-01-01', 'optum')}maxPlanAgeDays: 200\nunsourced: [maxPlanAgeDays]\n`,
    });
    const registry = await loadProfileRegistry();
    const acme = await registry.resolveFile(`${dir}/acme.yaml`);
    expect(acme.maxPlanAgeDays).toBe(200);
    expect(acme.initialPlan.maxDaysAfterIntake).toBe(30);
  });
});

describe('version selection, for any set of versions', () => {
  it('picks the latest version on or before the date, else the first', async () => {
    const { profiles: builtIns } = await readProfileLayers({});
    const day = fc
      .integer({ min: 0, max: 3000 })
      .map((n) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10));
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(day, { minLength: 1, maxLength: 5 }), day, async (effectives, date) => {
        const docs = effectives.map((effective, i) =>
          readProfileText(
            `${header('acme', effective)}review:\n  everyDays: ${i + 1}\n`,
            `acme@${effective}.yaml`,
            'user',
          ),
        );
        const { registry, issues } = buildRegistry([...builtIns, docs]);
        expect(issues).toEqual([]);
        const sorted = [...effectives].sort();
        const expected = sorted.filter((d) => d <= date).at(-1) ?? sorted[0];
        expect(registry.resolve('acme', date).effective).toBe(expected);
        expect(registry.resolve('acme', date).review.everyDays).toBe(effectives.indexOf(expected as string) + 1);
      }),
      { numRuns: 50 },
    );
  });
});
