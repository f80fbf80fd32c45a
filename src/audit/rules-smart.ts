import { lookupInstrument } from '../codes/instruments.js';
import { daysBetween } from '../model/dates.js';
import type { ObjectiveNode } from '../model/linked.js';
import type { FindingDraft, RecordRule, RuleContext } from './context.js';
import { isActiveObjective } from './rules-thread.js';
import { fixed, fromProfile, SOURCES } from './sources.js';
import { findVaguePhrases } from './vague-phrases.js';

/** The smart family: objectives are specific, measurable, achievable, relevant and time-bound. */

const noMeasure: RecordRule = {
  id: 'smart/no-measure',
  source: fixed(SOURCES.measurable),
  hint: 'Give the objective a `measure`: a scored instrument (e.g. PHQ-9) or a counted behavior, with baseline, target and direction.',
  check: ({ record }) =>
    record.objectives
      .filter((o) => o.data.measure === undefined)
      .map((o) => ({ path: o.path, message: `Objective ${o.data.id} has no measure.` })),
};

const noTargetDate: RecordRule = {
  id: 'smart/no-target-date',
  source: fixed(SOURCES.measurable),
  hint: 'Give the objective a `targetDate` on or before the next plan review.',
  check: ({ record }) =>
    record.objectives
      .filter((o) => o.data.targetDate === undefined)
      .map((o) => ({ path: o.path, message: `Objective ${o.data.id} has no target date.` })),
};

const targetBeyondHorizon: RecordRule = {
  id: 'smart/target-beyond-horizon',
  source: fromProfile('objectiveHorizonDays'),
  hint: 'Set a target date no later than the next review; a longer aim belongs in the goal, reached through nearer objectives.',
  check: ({ record, profile, planDate, reviewDue }) => {
    const findings: FindingDraft[] = [];
    for (const objective of record.objectives) {
      const target = objective.data.targetDate;
      if (target === undefined) continue;
      const days = daysBetween(planDate, target);
      const reasons: string[] = [];
      if (target > reviewDue)
        reasons.push(`after the review due ${daysBetween(planDate, reviewDue)} days after the plan date`);
      if (days > profile.objectiveHorizonDays)
        reasons.push(`beyond the payer's ${profile.objectiveHorizonDays}-day objective horizon`);
      if (reasons.length === 0) continue;
      findings.push({
        path: `${objective.path}.targetDate`,
        message: `Objective ${objective.data.id}'s target date is ${days} days after the plan date, ${reasons.join(' and ')}.`,
      });
    }
    return findings;
  },
};

/**
 * Whether someone has taken stock of an objective whose target date passed: a review or update
 * dated on or after the target records a verdict on it, or the discharge records its outcome.
 */
function reviewedSinceTarget(objective: ObjectiveNode, ctx: RuleContext, target: string): boolean {
  const { plan, discharge } = ctx.record.data;
  if ((discharge?.outcomes ?? []).some((o) => o.objective === objective.data.id)) return true;
  const verdict = objective.data.status === 'partially-met' || objective.data.status === 'not-met';
  return plan.kind !== 'initial' && plan.effectiveDate >= target && verdict;
}

const targetDatePassed: RecordRule = {
  id: 'smart/target-date-passed',
  source: fixed(SOURCES.progress),
  hint: 'Review the objective: record its status (met, partially met, not met, discontinued) and set a new target date if it continues.',
  check: (ctx) => {
    const findings: FindingDraft[] = [];
    for (const objective of ctx.record.objectives) {
      const target = objective.data.targetDate;
      if (target === undefined || target >= ctx.judgedOn) continue;
      if (!isActiveObjective(objective) || reviewedSinceTarget(objective, ctx, target)) continue;
      findings.push({
        path: `${objective.path}.targetDate`,
        message: `Objective ${objective.data.id}'s target date passed ${daysBetween(target, ctx.judgedOn)} days before the audit date and its status was not updated.`,
      });
    }
    return findings;
  },
};

const targetNotImprovement: RecordRule = {
  id: 'smart/target-not-improvement',
  source: fixed(SOURCES.measurable),
  hint: "Set the target beyond the baseline in the measure's direction (a lower score for a symptom scale).",
  check: ({ record }) => {
    const findings: FindingDraft[] = [];
    for (const objective of record.objectives) {
      const measure = objective.data.measure;
      if (!measure) continue;
      const id = objective.data.id;
      const instrument = measure.instrument === undefined ? undefined : lookupInstrument(measure.instrument);
      if (instrument && instrument.direction !== measure.direction) {
        findings.push({
          path: `${objective.path}.measure.direction`,
          message: `Objective ${id} measures ${instrument.id} in the direction "${measure.direction}", but improvement on ${instrument.id} is a ${instrument.direction}.`,
        });
        continue;
      }
      const improves =
        measure.direction === 'decrease' ? measure.target < measure.baseline : measure.target > measure.baseline;
      if (!improves) {
        findings.push({
          path: `${objective.path}.measure.target`,
          message: `Objective ${id}'s target is not a ${measure.direction} from its baseline.`,
        });
      }
    }
    return findings;
  },
};

const measureOutOfRange: RecordRule = {
  id: 'smart/measure-out-of-range',
  source: fixed('Published scoring of each instrument (PHQ-9: Kroenke et al. 2001; GAD-7: Spitzer et al. 2006; ...)'),
  hint: "Correct the score: it must be a whole number within the instrument's range.",
  check: ({ record }) => {
    const findings: FindingDraft[] = [];
    const check = (name: string, score: number, path: string, what: string) => {
      const instrument = lookupInstrument(name);
      if (!instrument) return;
      const { min, max } = instrument.range;
      if (Number.isInteger(score) && score >= min && score <= max) return;
      findings.push({ path, message: `${what} is not a valid ${instrument.id} score (whole numbers ${min}-${max}).` });
    };
    const { assessment, discharge } = record.data;
    (assessment.instruments ?? []).forEach((m, i) =>
      check(m.instrument, m.score, `assessment.instruments[${i}].score`, `Intake measure ${i + 1}`),
    );
    for (const objective of record.objectives) {
      const measure = objective.data.measure;
      if (measure?.instrument === undefined) continue;
      const id = objective.data.id;
      check(measure.instrument, measure.baseline, `${objective.path}.measure.baseline`, `Objective ${id}'s baseline`);
      check(measure.instrument, measure.target, `${objective.path}.measure.target`, `Objective ${id}'s target`);
      (discharge?.outcomes ?? []).forEach((outcome, i) => {
        if (outcome.objective !== id || outcome.final === undefined) return;
        check(
          measure.instrument as string,
          outcome.final,
          `discharge.outcomes[${i}].final`,
          `The discharge outcome for ${id}`,
        );
      });
    }
    for (const session of record.sessions) {
      (session.data.measures ?? []).forEach((m, i) =>
        check(
          m.instrument,
          m.score,
          `${session.path}.measures[${i}].score`,
          `Session ${session.index + 1}'s measure ${i + 1}`,
        ),
      );
    }
    return findings;
  },
};

/** The statements vague-language reads: each with its path and how a message names it. */
function statementsOf(ctx: RuleContext): { path: string; label: string; text: string }[] {
  const { record } = ctx;
  const statements: { path: string; label: string; text: string }[] = [];
  for (const g of record.goals)
    statements.push({ path: `${g.path}.statement`, label: `Goal ${g.data.id}`, text: g.data.statement });
  for (const o of record.objectives) {
    if (o.data.statement !== undefined)
      statements.push({ path: `${o.path}.statement`, label: `Objective ${o.data.id}`, text: o.data.statement });
  }
  for (const iv of record.interventions) {
    const label = `Intervention ${iv.data.id}`;
    statements.push({ path: `${iv.path}.modality`, label, text: iv.data.modality });
    statements.push({ path: `${iv.path}.description`, label, text: iv.data.description });
  }
  (record.data.dischargeCriteria ?? []).forEach((c, i) =>
    statements.push({
      path: `dischargeCriteria[${i}].statement`,
      label: `Discharge criterion ${i + 1}`,
      text: c.statement,
    }),
  );
  return statements;
}

const vagueLanguage: RecordRule = {
  id: 'smart/vague-language',
  source: fixed(SOURCES.measurable),
  hint: 'Say what will change and how it is counted (a score, a frequency, a number) or what exactly the clinician does.',
  check: (ctx) =>
    statementsOf(ctx).flatMap(({ path, label, text }) => {
      const phrases = findVaguePhrases(text);
      if (phrases.length === 0) return [];
      const quoted = phrases.map((p) => `"${p}"`).join(', ');
      return [{ path, message: `${label} uses generic wording (${quoted}) with nothing to measure it by.` }];
    }),
};

/** Every smart rule, in catalogue order. */
export const SMART_RULES: readonly RecordRule[] = [
  noMeasure,
  noTargetDate,
  targetBeyondHorizon,
  targetDatePassed,
  targetNotImprovement,
  measureOutOfRange,
  vagueLanguage,
];
