import { cptTimeFits, isEmCode, lookupCpt } from '../codes/cpt.js';
import { type CptConflict, findSameDayConflicts } from '../codes/cpt-conflicts.js';
import { fiscalYearOf, icdStatusOn } from '../codes/icd10cm.js';
import type { ServiceType } from '../model/record.js';
import type { FindingDraft, RecordRule, RuleContext } from './context.js';
import { fixed, fromProfile, SOURCES } from './sources.js';

/** The codes family: ICD-10-CM and CPT codes are valid, billable and consistent. */

const icdUnknown: RecordRule = {
  id: 'codes/icd-unknown',
  source: fixed(SOURCES.icd),
  hint: 'Check the code against the ICD-10-CM tabular list; write it with its dot (F33.1).',
  check: ({ record, planDate }) =>
    record.diagnoses
      .filter((d) => icdStatusOn(d.data.code, planDate).kind === 'unknown')
      .map((d) => ({ path: `${d.path}.code`, message: `Diagnosis ${d.data.code} is not an ICD-10-CM code.` })),
};

const icdNotBillable: RecordRule = {
  id: 'codes/icd-not-billable',
  source: fixed(SOURCES.icd),
  hint: 'Use a billable code at full specificity: add the characters the category needs (F32 -> F32.1).',
  check: ({ record, planDate }) =>
    record.diagnoses
      .filter((d) => icdStatusOn(d.data.code, planDate).kind === 'header')
      .map((d) => ({
        path: `${d.path}.code`,
        message: `Diagnosis ${d.data.code} is a category header, not a billable code at full specificity.`,
      })),
};

/**
 * The dates a diagnosis is judged on: the plan date, then each later fiscal year in which a session
 * was held under this plan (sessions before the plan date were billed under the plan it replaced).
 */
function judgedFiscalYears(ctx: RuleContext): { fiscalYear: number; what: string; date: string }[] {
  const years = [{ fiscalYear: fiscalYearOf(ctx.planDate), what: 'the plan date', date: ctx.planDate }];
  for (const session of ctx.record.sessions) {
    if (session.data.date < ctx.planDate) continue;
    const fiscalYear = fiscalYearOf(session.data.date);
    if (years.some((y) => y.fiscalYear === fiscalYear)) continue;
    years.push({ fiscalYear, what: `session ${session.index + 1}`, date: session.data.date });
  }
  return years;
}

const icdNotValidOnDate: RecordRule = {
  id: 'codes/icd-not-valid-on-date',
  source: fixed(SOURCES.icd),
  hint: 'Use the code that is valid in the fiscal year of the date of service (FY N runs 1 October N-1 to 30 September N).',
  check: (ctx) => {
    const findings: FindingDraft[] = [];
    const years = judgedFiscalYears(ctx);
    for (const diagnosis of ctx.record.diagnoses) {
      const code = diagnosis.data.code;
      for (const { fiscalYear, what, date } of years) {
        const status = icdStatusOn(code, date);
        let why: string;
        if (status.kind === 'added-later') why = `it was added in FY${status.firstFy}`;
        else if (status.kind === 'deleted') why = `it was deleted after FY${status.lastFy}`;
        // On the plan date a header is icd-not-billable's; later, a code that lost its billable status is invalid.
        else if (status.kind === 'header' && icdStatusOn(code, ctx.planDate).kind === 'billable') {
          why = 'it is no longer billable at that specificity';
        } else continue;
        findings.push({
          path: `${diagnosis.path}.code`,
          message: `Diagnosis ${code} is not valid in FY${fiscalYear}, the fiscal year of ${what}: ${why}.`,
        });
        // One finding per code is enough to act on; the first judged date is the plan's.
        break;
      }
    }
    return findings;
  },
};

/** Every CPT code the record bills or plans, with its path and how a message names it. */
function billedCodes(ctx: RuleContext): { code: string; path: string; label: string }[] {
  const codes = ctx.record.interventions.map((iv) => ({
    code: iv.data.service.cpt,
    path: `${iv.path}.service.cpt`,
    label: `Intervention ${iv.data.id}'s service`,
  }));
  for (const s of ctx.record.sessions)
    codes.push({ code: s.data.cpt, path: `${s.path}.cpt`, label: `Session ${s.index + 1}` });
  return codes;
}

const cptUnknown: RecordRule = {
  id: 'codes/cpt-unknown',
  source: fixed(SOURCES.cptKnown),
  hint: 'Use a behavioral-health CPT code (90791, 90832-90838, 90839/90840, 90846, 90847, 90853, +90785) or an E/M code.',
  check: (ctx) =>
    billedCodes(ctx)
      // E/M codes (99202-99499) are billed with the psychotherapy add-ons; they are known, just not ours to time.
      .filter(({ code }) => lookupCpt(code) === undefined && !isEmCode(code))
      .map(({ code, path, label }) => ({
        path,
        message: `${label} uses ${code}, which is not a known behavioral-health CPT code.`,
      })),
};

function timeWindowText(code: string): string {
  const time = lookupCpt(code)?.time;
  if (!time) return 'its time window';
  return time.max === undefined ? `${time.min} minutes or more` : `${time.min}-${time.max} minutes`;
}

const cptTimeMismatch: RecordRule = {
  id: 'codes/cpt-time-mismatch',
  source: fixed(SOURCES.cptTime),
  hint: 'Bill the code whose time window holds the minutes (90832 16-37, 90834 38-52, 90837 53+), or correct the minutes.',
  check: ({ record }) => {
    const findings: FindingDraft[] = [];
    const judge = (code: string, minutes: number, path: string, label: string) => {
      if (lookupCpt(code) === undefined || cptTimeFits(code, minutes)) return;
      findings.push({ path, message: `${label}: ${minutes} minutes do not fit ${code} (${timeWindowText(code)}).` });
    };
    for (const iv of record.interventions) {
      const { cpt, minutes } = iv.data.service;
      judge(cpt, minutes, `${iv.path}.service.minutes`, `Intervention ${iv.data.id} plans ${cpt}`);
    }
    for (const s of record.sessions) {
      if (s.data.minutes !== undefined)
        judge(s.data.cpt, s.data.minutes, `${s.path}.minutes`, `Session ${s.index + 1}`);
    }
    return findings;
  },
};

function conflictText(conflict: CptConflict): string {
  switch (conflict.kind) {
    case 'pair':
      return `${conflict.codes[0]} and ${conflict.codes[1]} may not be billed on the same date`;
    case 'add-on-without-primary':
      return `add-on ${conflict.codes[0]} is billed without its primary code (${conflict.primaries.join(', ')})`;
    case 'more-than-once':
      return `${conflict.codes[0]} is billed ${conflict.count} times on one date; it is billable once a day`;
  }
}

const cptConflict: RecordRule = {
  id: 'codes/cpt-conflict',
  source: fixed(SOURCES.cptPairs),
  hint: 'Bill only one of the conflicting codes for the date (the one the documentation supports), or correct the session.',
  check: ({ record }) => {
    const byDate = new Map<string, { code: string; path: string }[]>();
    const add = (date: string, code: string, path: string) => {
      const day = byDate.get(date) ?? [];
      day.push({ code, path });
      byDate.set(date, day);
    };
    const { assessment } = record.data;
    add(assessment.date, assessment.cpt, 'assessment.cpt');
    for (const s of record.sessions) add(s.data.date, s.data.cpt, `${s.path}.cpt`);
    const findings: FindingDraft[] = [];
    for (const day of [...byDate.values()]) {
      if (day.length < 2 && !day.some(({ code }) => lookupCpt(code)?.addOn)) continue;
      for (const conflict of findSameDayConflicts(day.map((d) => d.code))) {
        // Point at the last part of the day that bills a conflicting code: the one added to an existing visit.
        const involved = day.filter((d) => (conflict.codes as readonly string[]).includes(d.code));
        const at = involved[involved.length - 1] ?? day[0];
        const parts = involved.map((d) => d.path.replace(/\.cpt$/, '')).join(', ');
        findings.push({ path: at?.path ?? 'sessions', message: `On one date (${parts}), ${conflictText(conflict)}.` });
      }
    }
    return findings;
  },
};

const unjustifiedCode: RecordRule = {
  id: 'codes/90837-unjustified',
  source: fromProfile('cpt.needJustification'),
  hint: 'Add a `justification` saying why the session needs the longer code (complexity, risk, co-occurring disorders).',
  check: ({ record, profile }) =>
    record.interventions
      .filter(
        (iv) => profile.cpt.needJustification.includes(iv.data.service.cpt) && iv.data.justification === undefined,
      )
      .map((iv) => ({
        path: `${iv.path}.service.cpt`,
        message: `Intervention ${iv.data.id} plans ${iv.data.service.cpt} with no justification.`,
      })),
};

const cptNotCovered: RecordRule = {
  id: 'codes/cpt-not-covered',
  source: fromProfile('cpt.notCovered'),
  hint: "Plan the service under a code this payer covers, or record the payer's written exception.",
  check: ({ record, profile }) => {
    const excluded = new Set(profile.cpt.notCovered);
    return [
      ...record.interventions
        .filter((iv) => excluded.has(iv.data.service.cpt))
        .map((iv) => ({
          path: `${iv.path}.service.cpt`,
          message: `Intervention ${iv.data.id} plans ${iv.data.service.cpt}, which this payer does not cover.`,
        })),
      ...record.sessions
        .filter((s) => excluded.has(s.data.cpt))
        .map((s) => ({
          path: `${s.path}.cpt`,
          message: `Session ${s.index + 1} is billed as ${s.data.cpt}, which this payer does not cover.`,
        })),
    ];
  },
};

/** The service types each kind of code may be planned as. */
const TYPES_FOR: Readonly<Record<string, readonly ServiceType[]>> = {
  individual: ['individual'],
  family: ['family'],
  group: ['group'],
  // A crisis or an evaluation may be held with the family present; it is never a group service.
  crisis: ['individual', 'family'],
  evaluation: ['individual', 'family'],
};

const serviceTypeMismatch: RecordRule = {
  id: 'codes/service-type-mismatch',
  source: fixed(SOURCES.cptType),
  hint: "Make the service's `type` match its code: 90853 is group, 90846/90847 are family, 90832-90838 are individual.",
  check: ({ record }) => {
    const findings: FindingDraft[] = [];
    for (const iv of record.interventions) {
      const { cpt, type } = iv.data.service;
      const codeType = lookupCpt(cpt)?.serviceType ?? (isEmCode(cpt) ? 'individual' : null);
      const allowed = codeType === null ? undefined : TYPES_FOR[codeType];
      if (!allowed || allowed.includes(type)) continue;
      findings.push({
        path: `${iv.path}.service.type`,
        message: `Intervention ${iv.data.id}'s service is marked ${type}, but ${cpt} is a ${codeType} code.`,
      });
    }
    return findings;
  },
};

/** Every codes rule, in catalogue order. */
export const CODES_RULES: readonly RecordRule[] = [
  icdUnknown,
  icdNotBillable,
  icdNotValidOnDate,
  cptUnknown,
  cptTimeMismatch,
  cptConflict,
  unjustifiedCode,
  serviceTypeMismatch,
  cptNotCovered,
];
