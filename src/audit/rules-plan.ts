import { daysBetween } from '../model/dates.js';
import type { LinkedRecord } from '../model/linked.js';
import type { SectionName } from '../payers/resolved-profile.js';
import type { FindingDraft, RecordRule } from './context.js';
import { fixed, fromProfile, SOURCES } from './sources.js';

/** The plan family: the plan is complete, current and within its authorization. */

/**
 * Where each required section lives in the record, and whether it is empty there. Sections the
 * loader already requires (diagnoses, goals, ...) can never be empty; they are listed so every
 * section name a profile may use has a meaning. `impairments` is empty when no problem documents one
 * (a problem that is a risk or a symptom cluster may have none of its own).
 */
function emptyParts(section: SectionName, record: LinkedRecord): { path: string; what: string }[] {
  const { data } = record;
  const none = (path: string, what: string) => [{ path, what }];
  switch (section) {
    case 'risk': {
      const risk = data.assessment.risk;
      const stated = risk && (risk.suicide !== undefined || risk.homicide !== undefined || risk.notes !== undefined);
      return stated ? [] : none('assessment.risk', 'The risk assessment (assessment.risk) is missing.');
    }
    case 'impairments':
      return record.problems.some((p) => (p.data.impairments ?? []).length > 0)
        ? []
        : none('problems', 'No problem documents a functional impairment (problems[].impairments).');
    case 'strengths':
      return (data.strengths ?? []).length > 0 ? [] : none('strengths', 'The strengths section is empty.');
    case 'dischargeCriteria':
      return (data.dischargeCriteria ?? []).length > 0
        ? []
        : none('dischargeCriteria', 'The discharge criteria are missing.');
    case 'signatures':
      return (data.signatures ?? []).length > 0 ? [] : none('signatures', 'The plan lists no signatures.');
    case 'demographics':
    case 'coverage':
    case 'assessment':
    case 'diagnoses':
    case 'problems':
    case 'goals':
    case 'objectives':
    case 'interventions':
    case 'services':
      return [];
  }
}

const missingSection: RecordRule = {
  id: 'plan/missing-section',
  source: fromProfile('sections.required'),
  hint: 'Fill in the section: this payer requires it in every treatment plan.',
  check: ({ record, profile }) =>
    profile.sections.required
      .flatMap((section) => emptyParts(section, record))
      .map(({ path, what }) => ({ path, message: what })),
};

const reviewOverdue: RecordRule = {
  id: 'plan/review-overdue',
  source: fromProfile('review.everyDays'),
  hint: 'Review the plan with the patient (progress on each objective, changes) and record it as a plan of kind review.',
  check: ({ record, planDate, judgedOn, reviewDue, reviewCadenceDays }) => {
    if (judgedOn <= reviewDue) return [];
    const stated = record.data.plan.nextReviewDate !== undefined;
    const due = stated
      ? `due on the plan's stated next review date, ${daysBetween(planDate, reviewDue)} days after the plan date`
      : `due ${reviewCadenceDays} days after the plan date (the payer's review cadence)`;
    return [
      {
        path: stated ? 'plan.nextReviewDate' : 'plan.effectiveDate',
        message: `The plan's review was ${due}; it is ${daysBetween(reviewDue, judgedOn)} days overdue as of the audit date.`,
      },
    ];
  },
};

const expired: RecordRule = {
  id: 'plan/expired',
  source: fromProfile('maxPlanAgeDays'),
  hint: 'Write a new or reviewed plan: a plan older than the payer allows does not cover the services delivered under it.',
  check: ({ record, profile, planDate, judgedOn }) => {
    const limit = profile.maxPlanAgeDays;
    const findings: FindingDraft[] = [];
    const lateSession = record.sessions.find((s) => daysBetween(planDate, s.data.date) > limit);
    if (lateSession) {
      findings.push({
        path: `${lateSession.path}.date`,
        message: `Session ${lateSession.index + 1} was held ${daysBetween(planDate, lateSession.data.date)} days after the plan date; the payer allows a plan of at most ${limit} days.`,
      });
    }
    if (daysBetween(planDate, judgedOn) > limit) {
      findings.push({
        path: 'plan.effectiveDate',
        message: `As of the audit date the plan is ${daysBetween(planDate, judgedOn)} days old; the payer allows at most ${limit} days.`,
      });
    }
    return findings;
  },
};

/** Visits before the plan: the intake (unless a session already records it) and the sessions held. */
function visitNumberOfPlan(record: LinkedRecord): number {
  const { assessment, plan } = record.data;
  const before = record.sessions.filter((s) => s.data.date < plan.effectiveDate);
  const intakeIsSession = record.sessions.some((s) => s.data.date === assessment.date && s.data.cpt === assessment.cpt);
  const intake = assessment.date < plan.effectiveDate && !intakeIsSession ? 1 : 0;
  return intake + before.length + 1;
}

const initialPlanLate: RecordRule = {
  id: 'plan/initial-plan-late',
  source: fromProfile('initialPlan'),
  hint: 'Complete the initial plan within the payer limit after intake; if it was, correct the plan date.',
  check: ({ record, profile, planDate }) => {
    if (record.data.plan.kind !== 'initial') return [];
    const { maxDaysAfterIntake, maxVisits } = profile.initialPlan;
    const findings: FindingDraft[] = [];
    const days = daysBetween(record.data.assessment.date, planDate);
    if (maxDaysAfterIntake !== undefined && days > maxDaysAfterIntake) {
      findings.push({
        path: 'plan.effectiveDate',
        message: `The initial plan is dated ${days} days after intake; the payer allows ${maxDaysAfterIntake}.`,
      });
    }
    const visit = visitNumberOfPlan(record);
    if (maxVisits !== undefined && visit > maxVisits) {
      findings.push({
        path: 'plan.effectiveDate',
        message: `The initial plan came at visit ${visit}; the payer wants it in place by visit ${maxVisits}.`,
      });
    }
    return findings;
  },
};

const durationTooLong: RecordRule = {
  id: 'plan/duration-too-long',
  source: fromProfile('maxDurationDays'),
  hint: 'State an expected duration under one year (and within the payer limit); extend it at review if needed.',
  check: ({ record, profile }) => {
    const { weeks, months } = record.data.services.expectedDuration;
    const days = weeks !== undefined ? weeks * 7 : Math.round(((months ?? 0) * 365) / 12);
    const stated = weeks !== undefined ? `${weeks} weeks` : `${months} months`;
    const yearOrMore = (weeks ?? 0) >= 52 || (months ?? 0) >= 12;
    if (!yearOrMore && days <= profile.maxDurationDays) return [];
    const limit = yearOrMore ? 'a year or more' : `longer than the payer's ${profile.maxDurationDays} days`;
    return [{ path: 'services.expectedDuration', message: `The expected duration (${stated}) is ${limit}.` }];
  },
};

const authorizationExceeded: RecordRule = {
  id: 'plan/authorization-exceeded',
  source: fixed(SOURCES.authorization),
  hint: 'Request an extended or new authorization, or correct the session dates.',
  check: ({ record }) => {
    const auth = record.data.coverage.authorization;
    if (!auth) return [];
    const findings: FindingDraft[] = [];
    const inside = record.sessions.filter((s) => {
      const outside =
        (auth.start !== undefined && s.data.date < auth.start) || (auth.end !== undefined && s.data.date > auth.end);
      if (outside) {
        findings.push({
          path: `${s.path}.date`,
          message: `Session ${s.index + 1} falls outside the authorization dates.`,
        });
      }
      return !outside;
    });
    if (auth.sessionsApproved !== undefined && inside.length > auth.sessionsApproved) {
      findings.push({
        path: 'coverage.authorization.sessionsApproved',
        message: `${inside.length} sessions were held under an authorization for ${auth.sessionsApproved}.`,
      });
    }
    return findings;
  },
};

/** Every plan rule, in catalogue order. */
export const PLAN_RULES: readonly RecordRule[] = [
  missingSection,
  reviewOverdue,
  expired,
  initialPlanLate,
  durationTooLong,
  authorizationExceeded,
];
