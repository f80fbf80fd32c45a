import { z } from 'zod';
import { bool, decimal, integer, isoDate, list, npi, oneOf, text, token } from './scalars.js';

/**
 * The record format, goldthread/record@1, exactly as ../shared/contract/record-format.md defines
 * it. Objects are strict: an unknown or misspelled key is an error, never silently ignored.
 * Cross-references (the golden thread) are checked after this schema, in load/references.ts.
 */

export const RECORD_FORMAT = 'goldthread/record@1';

export const SEXES = ['F', 'M', 'X', 'U'] as const;
export const RISK_LEVELS = ['none', 'low', 'moderate', 'high'] as const;
export const DIAGNOSIS_RANKS = ['primary', 'secondary'] as const;
export const IMPAIRMENT_DOMAINS = [
  'occupational',
  'academic',
  'social',
  'family',
  'self-care',
  'health',
  'legal',
  'housing',
  'financial',
] as const;
export const DIRECTIONS = ['decrease', 'increase'] as const;
export const OBJECTIVE_STATUSES = [
  'not-started',
  'in-progress',
  'met',
  'partially-met',
  'not-met',
  'discontinued',
] as const;
export const SERVICE_TYPES = ['individual', 'family', 'group'] as const;
export const FREQUENCY_UNITS = ['day', 'week', 'month'] as const;
export const LEVELS_OF_CARE = ['outpatient', 'intensive-outpatient', 'partial-hospitalization'] as const;
export const PLAN_KINDS = ['initial', 'review', 'update'] as const;
export const SIGNER_ROLES = ['clinician', 'supervisor', 'patient', 'guardian'] as const;
export const DISCHARGE_REASONS = [
  'goals-met',
  'patient-withdrew',
  'transferred',
  'referred',
  'non-attendance',
  'other',
] as const;

export type Direction = (typeof DIRECTIONS)[number];
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];
export type SignerRole = (typeof SIGNER_ROLES)[number];
export type ServiceType = (typeof SERVICE_TYPES)[number];
export type ImpairmentDomain = (typeof IMPAIRMENT_DOMAINS)[number];

const recordId = token(/^[A-Za-z0-9._-]{1,64}$/, 'an id of 1-64 letters, digits, dots, dashes or underscores');
const partId = token(/^[A-Za-z0-9._-]{1,64}$/, 'an id such as P1, G1, O1 or I1');
const icdCode = token(/^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/, 'an ICD-10-CM code with its dot, such as F33.1');
const cptCode = token(/^\d{4}[0-9A-Z]$/, 'a five-character CPT code such as 90837');
const payerId = token(/^[a-z0-9-]{1,64}$/, 'a payer profile id such as aetna or medicare');

const personName = z.strictObject({ given: text(), family: text(), preferred: text().optional() });

const instrumentScore = z.strictObject({ instrument: text(), score: decimal(), date: isoDate().optional() });

export const measureSchema = z.strictObject({
  instrument: text().optional(),
  behavior: text().optional(),
  baseline: decimal(),
  target: decimal(),
  direction: oneOf(DIRECTIONS),
});

export const recordSchema = z.strictObject({
  format: z.literal(RECORD_FORMAT, { error: `expected exactly "${RECORD_FORMAT}"` }),
  id: recordId,
  patient: z.strictObject({
    id: text(),
    name: personName,
    dob: isoDate(),
    sex: oneOf(SEXES).optional(),
    guardian: z.strictObject({ name: text(), relationship: text() }).optional(),
  }),
  coverage: z.strictObject({
    payer: payerId,
    memberId: text(),
    groupNumber: text().optional(),
    planName: text().optional(),
    authorization: z
      .strictObject({
        number: text().optional(),
        sessionsApproved: integer(0, 10_000).optional(),
        start: isoDate().optional(),
        end: isoDate().optional(),
      })
      .optional(),
  }),
  provider: z.strictObject({
    clinician: z.strictObject({
      name: text(),
      credentials: text(),
      npi: npi(),
      license: text().optional(),
      supervised: bool().optional(),
    }),
    supervisor: z
      .strictObject({ name: text(), credentials: text().optional(), npi: npi().optional(), license: text().optional() })
      .optional(),
    organization: z.strictObject({
      name: text(),
      npi: npi().optional(),
      address: text().optional(),
      phone: text().optional(),
    }),
  }),
  assessment: z.strictObject({
    date: isoDate(),
    cpt: z.enum(['90791', '90792'], { error: 'expected 90791 or 90792' }),
    summary: text(),
    instruments: list(instrumentScore).optional(),
    risk: z
      .strictObject({
        suicide: oneOf(RISK_LEVELS).optional(),
        homicide: oneOf(RISK_LEVELS).optional(),
        notes: text().optional(),
      })
      .optional(),
  }),
  diagnoses: list(z.strictObject({ code: icdCode, rank: oneOf(DIAGNOSIS_RANKS), description: text().optional() })).min(
    1,
    { error: 'needs at least one diagnosis' },
  ),
  problems: list(
    z.strictObject({
      id: partId,
      statement: text(),
      diagnoses: list(icdCode).optional(),
      symptoms: list(text()).optional(),
      impairments: list(z.strictObject({ domain: oneOf(IMPAIRMENT_DOMAINS), description: text() })).optional(),
    }),
  ).min(1, { error: 'needs at least one problem' }),
  strengths: list(text()).optional(),
  goals: list(
    z.strictObject({
      id: partId,
      statement: text(),
      problems: list(partId).min(1, { error: 'a goal addresses at least one problem' }),
    }),
  ).min(1, { error: 'needs at least one goal' }),
  objectives: list(
    z.strictObject({
      id: partId,
      goal: partId,
      statement: text().optional(),
      measure: measureSchema.optional(),
      targetDate: isoDate().optional(),
      status: oneOf(OBJECTIVE_STATUSES).optional(),
    }),
  ).min(1, { error: 'needs at least one objective' }),
  interventions: list(
    z.strictObject({
      id: partId,
      objectives: list(partId),
      modality: text(),
      description: text(),
      service: z.strictObject({
        cpt: cptCode,
        type: oneOf(SERVICE_TYPES),
        minutes: integer(1, 600),
        frequency: z.strictObject({ count: integer(1, 31), per: oneOf(FREQUENCY_UNITS) }),
      }),
      justification: text().optional(),
    }),
  ).min(1, { error: 'needs at least one intervention' }),
  services: z.strictObject({
    levelOfCare: oneOf(LEVELS_OF_CARE),
    expectedDuration: z
      .strictObject({ weeks: integer(1, 520).optional(), months: integer(1, 120).optional() })
      .refine((d) => (d.weeks === undefined) !== (d.months === undefined), {
        error: 'give exactly one of weeks or months',
      }),
  }),
  dischargeCriteria: list(z.strictObject({ statement: text(), objectives: list(partId).optional() })).optional(),
  plan: z.strictObject({
    kind: oneOf(PLAN_KINDS),
    version: integer(1, 1000),
    effectiveDate: isoDate(),
    nextReviewDate: isoDate().optional(),
    priorPlanDate: isoDate().optional(),
  }),
  signatures: list(
    z.strictObject({
      role: oneOf(SIGNER_ROLES),
      name: text(),
      credentials: text().optional(),
      signedOn: isoDate().optional(),
    }),
  ).optional(),
  sessions: list(
    z.strictObject({
      date: isoDate(),
      cpt: cptCode,
      minutes: integer(1, 1440).optional(),
      objectives: list(partId).optional(),
      measures: list(z.strictObject({ instrument: text(), score: decimal() })).optional(),
      note: text().optional(),
    }),
  ).optional(),
  discharge: z
    .strictObject({
      date: isoDate(),
      reason: oneOf(DISCHARGE_REASONS),
      summary: text(),
      outcomes: list(
        z.strictObject({ objective: partId, status: oneOf(OBJECTIVE_STATUSES), final: decimal().optional() }),
      ).optional(),
      aftercare: text().optional(),
      referrals: list(text()).optional(),
    })
    .optional(),
});

/** A record as validated: every field typed, references not yet resolved. */
export type RecordData = z.output<typeof recordSchema>;
export type Measure = z.output<typeof measureSchema>;
export type Diagnosis = RecordData['diagnoses'][number];
export type Problem = RecordData['problems'][number];
export type Goal = RecordData['goals'][number];
export type Objective = RecordData['objectives'][number];
export type Intervention = RecordData['interventions'][number];
export type Session = NonNullable<RecordData['sessions']>[number];
export type Signature = NonNullable<RecordData['signatures']>[number];
export type Discharge = NonNullable<RecordData['discharge']>;
