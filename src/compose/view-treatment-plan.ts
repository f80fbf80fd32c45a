import { lookupCpt } from '../codes/cpt.js';
import type { LinkedRecord } from '../model/linked.js';
import type { ResolvedProfile } from '../payers/resolved-profile.js';
import { reviewCadenceDays, reviewDueDate } from '../payers/review-schedule.js';
import { formatDate } from './helpers.js';
import {
  diagnosesView,
  identificationView,
  measureText,
  objectiveStatement,
  providerView,
  scoreText,
  signersView,
  statusLabel,
} from './view-common.js';

const RISK_LABELS: Readonly<Record<string, string>> = { none: 'None', low: 'Low', moderate: 'Moderate', high: 'High' };
const TYPE_LABELS: Readonly<Record<string, string>> = { individual: 'Individual', family: 'Family', group: 'Group' };
const LEVEL_LABELS: Readonly<Record<string, string>> = {
  outpatient: 'Outpatient',
  'intensive-outpatient': 'Intensive outpatient',
  'partial-hospitalization': 'Partial hospitalization',
};
const DOMAIN_LABELS: Readonly<Record<string, string>> = {
  occupational: 'Occupational',
  academic: 'Academic',
  social: 'Social',
  family: 'Family',
  'self-care': 'Self-care',
  health: 'Health',
  legal: 'Legal',
  housing: 'Housing',
  financial: 'Financial',
};

export function frequencyText(frequency: { count: number; per: string }): string {
  const times = frequency.count === 1 ? 'Once' : frequency.count === 2 ? 'Twice' : `${frequency.count} times`;
  return `${times} a ${frequency.per}`;
}

export function durationText(duration: { weeks?: number | undefined; months?: number | undefined }): string {
  if (duration.weeks !== undefined) return `${duration.weeks} week${duration.weeks === 1 ? '' : 's'}`;
  return `${duration.months} month${duration.months === 1 ? '' : 's'}`;
}

/** Everything the treatment-plan templates show, as display text. */
export function treatmentPlanView(record: LinkedRecord, profile: ResolvedProfile | undefined) {
  const { data } = record;
  const risk = data.assessment.risk;
  const review = profile ? reviewDueDate(record, profile) : data.plan.nextReviewDate;
  const expected = durationText(data.services.expectedDuration);
  return {
    identification: identificationView(record, profile),
    provider: providerView(record),
    assessment: {
      date: formatDate(data.assessment.date),
      cpt: data.assessment.cpt,
      cptDescription: lookupCpt(data.assessment.cpt)?.description ?? '',
      summary: data.assessment.summary,
      instruments: (data.assessment.instruments ?? []).map((m) => ({
        instrument: m.instrument,
        score: scoreText(m.instrument, m.score),
        date: formatDate(m.date ?? data.assessment.date),
      })),
      risk: risk
        ? {
            suicide: risk.suicide ? RISK_LABELS[risk.suicide] : 'Not stated',
            homicide: risk.homicide ? RISK_LABELS[risk.homicide] : 'Not stated',
            notes: risk.notes ?? null,
          }
        : null,
    },
    diagnoses: diagnosesView(record),
    problems: record.problems.map((p) => ({
      id: p.data.id,
      statement: p.data.statement,
      diagnoses: p.diagnoses.map((d) => d.data.code).join(', '),
      goals: p.goals.map((g) => g.data.id).join(', '),
      symptoms: p.data.symptoms ?? [],
      impairments: (p.data.impairments ?? []).map((i) => ({
        domain: DOMAIN_LABELS[i.domain] ?? i.domain,
        description: i.description,
      })),
    })),
    strengths: data.strengths ?? [],
    goals: record.goals.map((g) => ({
      id: g.data.id,
      statement: g.data.statement,
      problems: g.problems.map((p) => p.data.id).join(', '),
      objectives: g.objectives.map((o) => ({
        id: o.data.id,
        statement: objectiveStatement(o),
        measure: measureText(o.data.measure),
        targetDate: formatDate(o.data.targetDate) || 'Not set',
        status: statusLabel(o.data.status),
        interventions: o.interventions.map((i) => i.data.id).join(', '),
      })),
    })),
    interventions: record.interventions.map((i) => ({
      id: i.data.id,
      objectives: i.objectives.map((o) => o.data.id).join(', '),
      modality: i.data.modality,
      description: i.data.description,
      justification: i.data.justification ?? null,
      cpt: i.data.service.cpt,
      type: TYPE_LABELS[i.data.service.type] ?? i.data.service.type,
      minutes: `${i.data.service.minutes} min`,
      frequency: frequencyText(i.data.service.frequency),
      duration: expected,
    })),
    services: {
      levelOfCare: LEVEL_LABELS[data.services.levelOfCare] ?? data.services.levelOfCare,
      expectedDuration: expected,
    },
    dischargeCriteria: (data.dischargeCriteria ?? []).map((c) => ({
      statement: c.statement,
      objectives: (c.objectives ?? []).join(', '),
    })),
    planDates: {
      kind: { initial: 'Initial plan', review: 'Plan review', update: 'Plan update' }[data.plan.kind],
      version: String(data.plan.version),
      effectiveDate: formatDate(data.plan.effectiveDate),
      nextReviewDate: review ? formatDate(review) : 'Not set',
      cadence: profile ? `every ${reviewCadenceDays(record, profile)} days, ${profile.name}` : null,
      priorPlanDate: data.plan.priorPlanDate ? formatDate(data.plan.priorPlanDate) : null,
      assessmentDate: formatDate(data.assessment.date),
    },
    signers: signersView(record),
  };
}

export type TreatmentPlanView = ReturnType<typeof treatmentPlanView>;
