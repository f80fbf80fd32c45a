import { RULE_CATALOGUE } from '../../src/audit/catalogue.js';
import {
  DEFAULT_DOCUMENT_TITLES,
  DEFAULT_SECTION_LABELS,
  DOCUMENT_SECTIONS,
} from '../../src/payers/document-sections.js';
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
          title: DEFAULT_DOCUMENT_TITLES['treatment-plan'],
          sections: DOCUMENT_SECTIONS['treatment-plan'],
        },
        'plan-review': { title: DEFAULT_DOCUMENT_TITLES['plan-review'], sections: DOCUMENT_SECTIONS['plan-review'] },
        'discharge-summary': {
          title: DEFAULT_DOCUMENT_TITLES['discharge-summary'],
          sections: DOCUMENT_SECTIONS['discharge-summary'],
        },
      },
      labels: DEFAULT_SECTION_LABELS,
      partials: {},
    },
    ...overrides,
  };
}
