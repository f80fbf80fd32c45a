import { RULE_CATALOGUE } from '../../src/audit/catalogue.js';
import type { ResolvedProfile } from '../../src/payers/resolved-profile.js';

/** A complete profile for tests that must not depend on the built-in payer files. */
export function testProfile(overrides: Partial<ResolvedProfile> = {}): ResolvedProfile {
  return {
    id: 'test-payer',
    name: 'Test Health Plan',
    effective: '2020-01-01',
    origin: 'test',
    sources: [],
    unsourced: [],
    sections: { required: ['diagnoses', 'problems', 'goals', 'objectives', 'interventions', 'services', 'signatures'] },
    review: { everyDays: 90, byLevelOfCare: {} },
    initialPlan: { maxDaysAfterIntake: 30 },
    maxPlanAgeDays: 365,
    objectiveHorizonDays: 180,
    maxDurationDays: 364,
    signatures: { required: ['clinician'], supervisorWhenSupervised: true, guardianForMinor: true, graceDays: 30 },
    cpt: { needJustification: ['90837'], notCovered: [] },
    cloningMinPatients: 3,
    rules: Object.fromEntries(RULE_CATALOGUE.map((r) => [r.id, r.severity])),
    documents: {
      looks: {
        'treatment-plan': {
          title: 'Treatment Plan',
          sections: [
            'identification',
            'provider',
            'assessment',
            'diagnoses',
            'problems',
            'strengths',
            'goals',
            'interventions',
            'services',
            'dischargeCriteria',
            'planDates',
            'signatures',
          ],
        },
        'plan-review': {
          title: 'Treatment Plan Review',
          sections: [
            'identification',
            'period',
            'sessions',
            'progress',
            'measures',
            'necessity',
            'changes',
            'diagnoses',
            'nextReview',
            'signatures',
          ],
        },
        'discharge-summary': {
          title: 'Discharge Summary',
          sections: ['identification', 'episode', 'diagnoses', 'outcomes', 'measures', 'aftercare', 'signatures'],
        },
      },
      labels: {
        identification: 'Patient and coverage',
        provider: 'Clinician and organization',
        assessment: 'Assessment',
        diagnoses: 'Diagnoses',
        problems: 'Presenting problems',
        strengths: 'Strengths',
        goals: 'Goals and objectives',
        interventions: 'Interventions',
        services: 'Services',
        dischargeCriteria: 'Discharge criteria',
        planDates: 'Plan dates and review',
        signatures: 'Signatures',
      },
      partials: {},
    },
    ...overrides,
  };
}
