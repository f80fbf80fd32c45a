import type { SeveritySetting } from '../audit/catalogue.js';
import type { DocKind } from '../compose/tree.js';
import type { SignerRole } from '../model/record.js';

/**
 * A payer profile after inheritance is applied: every value present. This is what the audit and
 * the composer read; the profile schema (profile-schema.ts) is what consultants write.
 */

/** The record sections a payer may require (../shared/contract/profile-format.md). */
export const SECTION_NAMES = [
  'demographics',
  'coverage',
  'assessment',
  'risk',
  'diagnoses',
  'problems',
  'impairments',
  'strengths',
  'goals',
  'objectives',
  'interventions',
  'services',
  'dischargeCriteria',
  'signatures',
] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

/** A source a profile's values rest on. */
export interface ProfileSource {
  readonly id?: string;
  readonly title: string;
  readonly url?: string;
  readonly confidence?: 'seen' | 'seen-3p' | 'inferred' | 'unsourced';
  /** Dotted paths of the values this source backs (`review.everyDays`): findings cite only these. */
  readonly supports?: readonly string[];
}

/** How a document of one kind looks for this payer. */
export interface DocumentLook {
  readonly title: string;
  /** Document section ids in the order they appear. */
  readonly sections: readonly string[];
}

export interface ResolvedProfile {
  readonly id: string;
  readonly name: string;
  readonly effective: string;
  /** Where the profile was read from (file path or `built-in:<id>`), for messages. */
  readonly origin: string;
  readonly sources: readonly ProfileSource[];
  /** Dotted paths of values the profile marks unsourced (no public source backs them). */
  readonly unsourced: readonly string[];
  readonly sections: { readonly required: readonly SectionName[] };
  readonly review: {
    /** The plan's review cadence in days. */
    readonly everyDays: number;
    /** Cadence per level of care where it differs from everyDays. */
    readonly byLevelOfCare: Readonly<
      Partial<Record<'outpatient' | 'intensive-outpatient' | 'partial-hospitalization', number>>
    >;
  };
  readonly initialPlan: {
    /** The initial plan must be dated at most this many days after intake (assessment.date). */
    readonly maxDaysAfterIntake?: number;
    /** ... and be in place by this visit (sessions counted before the plan's effective date + 1). */
    readonly maxVisits?: number;
  };
  /** A plan older than this (days) on a date of service or the audit date has expired. */
  readonly maxPlanAgeDays: number;
  /** An objective's target date may be at most this many days after the plan date. */
  readonly objectiveHorizonDays: number;
  /** The longest expected duration a plan may state, in days (under a year by default). */
  readonly maxDurationDays: number;
  readonly signatures: {
    /** Roles that always sign (the clinician always does). */
    readonly required: readonly SignerRole[];
    /** A supervisor signs when the clinician is supervised. */
    readonly supervisorWhenSupervised: boolean;
    /** A guardian signs for a patient under 18 on the plan date. */
    readonly guardianForMinor: boolean;
    /** Days after the plan date before an unsigned required signature is flagged. */
    readonly graceDays: number;
  };
  readonly cpt: {
    /** Codes that need a written justification when planned (90837 for most payers). */
    readonly needJustification: readonly string[];
    /** Codes the payer does not cover. */
    readonly notCovered: readonly string[];
  };
  /** cloning/duplicate-text fires when a text appears for this many different patients. */
  readonly cloningMinPatients: number;
  /** Severity per rule id, after the profile's overrides; every catalogue rule is present. */
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly documents: {
    readonly looks: Readonly<Record<DocKind, DocumentLook>>;
    /** Section labels by document section id ("diagnoses" -> "Diagnoses (ICD-10-CM)"). */
    readonly labels: Readonly<Record<string, string>>;
    /** Partial overrides: a partial name -> the name of the partial used instead for this payer. */
    readonly partials: Readonly<Record<string, string>>;
  };
}
