import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintProfiles } from '../../src/payers/profile-lint.js';
import { loadProfileRegistry } from '../../src/payers/registry.js';

const PAYERS_DIR = fileURLToPath(new URL('../../payers/', import.meta.url));
const ON = '2026-09-01';

describe('the built-in profiles', () => {
  it('lint clean: no errors, and every value either cited or marked unsourced', async () => {
    const files = await lintProfiles({ cwd: process.cwd() });
    expect(files.map((f) => f.file)).toEqual([
      'payers/aetna.yaml',
      'payers/base.yaml',
      'payers/bcbs.yaml',
      'payers/medicare.yaml',
      'payers/optum.yaml',
    ]);
    expect(files.flatMap((f) => f.notes)).toEqual([]);
  });

  it('each start with the line that points editors at the schema', () => {
    for (const name of readdirSync(PAYERS_DIR).filter((n) => n.endsWith('.yaml'))) {
      expect(readFileSync(`${PAYERS_DIR}${name}`, 'utf8').split('\n')[0]).toBe(
        '# yaml-language-server: $schema=./profile.schema.json',
      );
    }
  });

  it('Medicare: the required elements, a plan valid a year, no patient signature', async () => {
    const medicare = (await loadProfileRegistry()).resolve('medicare', ON);
    expect(medicare.sections.required).toEqual(
      expect.arrayContaining(['diagnoses', 'goals', 'services', 'signatures']),
    );
    expect(medicare.maxPlanAgeDays).toBe(365);
    expect(medicare.maxDurationDays).toBeLessThan(365);
    expect(medicare.signatures.required).toEqual(['clinician']);
    expect(medicare.rules['signatures/no-credentials']).toBe('error');
    expect(medicare.documents.partials.services).toBe('services-medicare');
    expect(medicare.unsourced).toContain('review.everyDays');
  });

  it('BCBS: plan within the first 3 visits, signed by the patient', async () => {
    const bcbs = (await loadProfileRegistry()).resolve('bcbs', ON);
    expect(bcbs.initialPlan.maxVisits).toBe(3);
    expect(bcbs.signatures.required).toEqual(['clinician', 'patient']);
    expect(bcbs.unsourced).not.toContain('initialPlan.maxVisits');
  });

  it.each(['optum', 'aetna'])('%s: the values no source was found for are marked unsourced', async (id) => {
    const profile = (await loadProfileRegistry()).resolve(id, ON);
    expect(profile.unsourced).toEqual(
      expect.arrayContaining(['sections.required', 'review.everyDays', 'initialPlan.maxDaysAfterIntake']),
    );
  });

  it('share the defaults the audit contract names', async () => {
    const registry = await loadProfileRegistry();
    for (const id of registry.payerIds()) {
      const profile = registry.resolve(id, ON);
      expect(profile.signatures.graceDays).toBe(30);
      expect(profile.cloningMinPatients).toBe(3);
      expect(profile.maxDurationDays).toBe(364);
    }
  });
});
