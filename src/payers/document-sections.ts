import type { DocKind } from '../compose/tree.js';

/**
 * The sections of each document kind, in their default order. The composer builds exactly these;
 * a payer profile may reorder them, retitle the document and relabel a section, never add one.
 */
export const DOCUMENT_SECTIONS = {
  'treatment-plan': [
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
  'plan-review': [
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
  'discharge-summary': ['identification', 'episode', 'diagnoses', 'outcomes', 'measures', 'aftercare', 'signatures'],
} as const satisfies Readonly<Record<DocKind, readonly string[]>>;

/** A section id of one document kind. */
export type DocumentSectionId<K extends DocKind = DocKind> = (typeof DOCUMENT_SECTIONS)[K][number];

/** Every document section id of every kind, once each, in first-seen order. */
export const DOCUMENT_SECTION_IDS: readonly DocumentSectionId[] = [...new Set(Object.values(DOCUMENT_SECTIONS).flat())];

/** The title a document carries when its payer's profile gives none. */
export const DEFAULT_DOCUMENT_TITLES: Readonly<Record<DocKind, string>> = {
  'treatment-plan': 'Treatment Plan',
  'plan-review': 'Treatment Plan Review',
  'discharge-summary': 'Discharge Summary',
};

/** The heading of each section when its payer's profile gives no label. Shared by all kinds. */
export const DEFAULT_SECTION_LABELS: Readonly<Record<DocumentSectionId, string>> = {
  identification: 'Patient and coverage',
  provider: 'Provider',
  assessment: 'Assessment',
  diagnoses: 'Diagnoses',
  problems: 'Problems and functional impairments',
  strengths: 'Strengths',
  goals: 'Goals and objectives',
  interventions: 'Interventions',
  services: 'Services',
  dischargeCriteria: 'Discharge criteria',
  planDates: 'Plan dates and review',
  signatures: 'Signatures',
  period: 'Review period',
  sessions: 'Sessions in the period',
  progress: 'Progress toward objectives',
  measures: 'Measures',
  necessity: 'Continued medical necessity',
  changes: 'Changes to the plan',
  nextReview: 'Next review',
  episode: 'Episode of care',
  outcomes: 'Outcomes by objective',
  aftercare: 'Aftercare and referrals',
};
