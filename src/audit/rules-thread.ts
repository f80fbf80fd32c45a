import { daysBetween, earlier } from '../model/dates.js';
import type { ObjectiveNode } from '../model/linked.js';
import type { FindingDraft, RecordRule, RuleContext } from './context.js';
import { fixed, SOURCES } from './sources.js';

/** The thread family: assessment -> diagnosis -> problem -> goal -> objective -> intervention -> session. */

/** The shortest period over which an objective is expected to come up in a session. */
export const OBJECTIVE_PERIOD_DAYS = 30;

/** Whether an objective is still being worked on (not met, not discontinued). */
export function isActiveObjective(objective: ObjectiveNode): boolean {
  const status = objective.data.status;
  return status !== 'met' && status !== 'discontinued';
}

const problemWithoutGoal: RecordRule = {
  id: 'thread/problem-without-goal',
  source: fixed(SOURCES.thread),
  hint: "Add a goal that addresses this problem (list the problem's id in the goal's `problems`), or remove the problem.",
  check: ({ record }) =>
    record.problems
      .filter((p) => p.goals.length === 0)
      .map((p) => ({ path: p.path, message: `Problem ${p.data.id} is addressed by no goal.` })),
};

const goalWithoutObjective: RecordRule = {
  id: 'thread/goal-without-objective',
  source: fixed(SOURCES.thread),
  hint: 'Add at least one measurable short-term objective whose `goal` is this goal.',
  check: ({ record }) =>
    record.goals
      .filter((g) => g.objectives.length === 0)
      .map((g) => ({ path: g.path, message: `Goal ${g.data.id} has no objective.` })),
};

const objectiveWithoutIntervention: RecordRule = {
  id: 'thread/objective-without-intervention',
  source: fixed(SOURCES.thread),
  hint: "Name the intervention that works toward this objective (list the objective's id in its `objectives`).",
  check: ({ record }) =>
    record.objectives
      .filter((o) => o.interventions.length === 0)
      .map((o) => ({ path: o.path, message: `Objective ${o.data.id} is targeted by no intervention.` })),
};

const diagnosisWithoutProblem: RecordRule = {
  id: 'thread/diagnosis-without-problem',
  source: fixed(SOURCES.thread),
  hint: "Tie the diagnosis to the problem it explains (list its code in the problem's `diagnoses`), or remove it.",
  check: ({ record }) =>
    record.diagnoses
      .filter((d) => d.problems.length === 0)
      .map((d) => ({
        path: d.path,
        message: `Diagnosis ${d.data.code} is tied to no problem: nothing in the plan treats it.`,
      })),
};

const sessionOffPlan: RecordRule = {
  id: 'thread/session-off-plan',
  source: fixed(SOURCES.thread),
  hint: 'List the objectives the session worked on in its `objectives`.',
  check: ({ record }) =>
    record.sessions
      .filter((s) => s.objectives.length === 0)
      .map((s) => ({
        path: s.path,
        message: `Session ${s.index + 1} (code ${s.data.cpt}) works on no objective of the plan.`,
      })),
};

/**
 * The period sessions are judged over: from the plan date to the last session (or the discharge,
 * when the episode is closed), never past the as-of date. Undefined when there are no sessions.
 */
function sessionPeriod(ctx: RuleContext): { from: string; to: string } | undefined {
  const dates = ctx.record.sessions.map((s) => s.data.date).filter((d) => d >= ctx.planDate);
  if (dates.length === 0) return undefined;
  const end = ctx.record.data.discharge?.date ?? (dates.sort().at(-1) as string);
  return { from: ctx.planDate, to: earlier(ctx.asOf, end) };
}

const objectiveNotAddressed: RecordRule = {
  id: 'thread/objective-not-addressed',
  source: fixed(SOURCES.thread),
  hint: 'Work on the objective in session and list it in the session notes, or mark it discontinued with a reason at review.',
  check: (ctx) => {
    const period = sessionPeriod(ctx);
    if (!period) return [];
    const days = daysBetween(period.from, period.to);
    if (days < OBJECTIVE_PERIOD_DAYS) return [];
    const findings: FindingDraft[] = [];
    for (const objective of ctx.record.objectives) {
      if (!isActiveObjective(objective)) continue;
      const worked = objective.sessions.some((s) => s.data.date >= period.from && s.data.date <= period.to);
      if (!worked) {
        findings.push({
          path: objective.path,
          message: `Objective ${objective.data.id} was worked on in no session of the ${days} days since the plan date.`,
        });
      }
    }
    return findings;
  },
};

/** Every thread rule, in catalogue order. */
export const THREAD_RULES: readonly RecordRule[] = [
  problemWithoutGoal,
  goalWithoutObjective,
  objectiveWithoutIntervention,
  diagnosisWithoutProblem,
  sessionOffPlan,
  objectiveNotAddressed,
];
