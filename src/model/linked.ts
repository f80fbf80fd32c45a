import type { Diagnosis, Goal, Intervention, Objective, Problem, RecordData, Session } from './record.js';

/**
 * The linked model: the record with its golden thread resolved into object references, so every
 * later stage walks it directly (an objective knows its goal, interventions and sessions; a problem
 * its diagnoses and goals). Each part keeps its index and its record path for findings.
 */

interface Part<T> {
  readonly index: number;
  /** Record path in the contract's notation, e.g. `objectives[2]`. */
  readonly path: string;
  readonly data: T;
}

export interface DiagnosisNode extends Part<Diagnosis> {
  readonly problems: readonly ProblemNode[];
}
export interface ProblemNode extends Part<Problem> {
  readonly diagnoses: readonly DiagnosisNode[];
  readonly goals: readonly GoalNode[];
}
export interface GoalNode extends Part<Goal> {
  readonly problems: readonly ProblemNode[];
  readonly objectives: readonly ObjectiveNode[];
}
export interface ObjectiveNode extends Part<Objective> {
  readonly goal: GoalNode;
  readonly interventions: readonly InterventionNode[];
  readonly sessions: readonly SessionNode[];
}
export interface InterventionNode extends Part<Intervention> {
  readonly objectives: readonly ObjectiveNode[];
}
export interface SessionNode extends Part<Session> {
  readonly objectives: readonly ObjectiveNode[];
}

/** A loaded, validated record with its thread resolved. */
export interface LinkedRecord {
  /** The file it came from (or `<stdin>`, `file.ndjson:12`): for reports, never shown in documents. */
  readonly source: string;
  /** SHA-256 (hex) of the record's text as read: identifies this exact input in reports and audit trails. */
  readonly sha256: string;
  readonly data: RecordData;
  readonly diagnoses: readonly DiagnosisNode[];
  readonly problems: readonly ProblemNode[];
  readonly goals: readonly GoalNode[];
  readonly objectives: readonly ObjectiveNode[];
  readonly interventions: readonly InterventionNode[];
  readonly sessions: readonly SessionNode[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };

/**
 * Resolves the thread. The references must already have been checked (checkReferences): a
 * dangling id here is a bug, not a user error.
 */
export function linkRecord(data: RecordData, source: string, sha256: string): LinkedRecord {
  const byKey = <N>(nodes: N[], key: (n: N) => string) => new Map(nodes.map((n) => [key(n), n]));
  const get = <N>(map: Map<string, N>, id: string): N => {
    const node = map.get(id);
    if (!node) throw new Error(`internal: unresolved reference ${id} after reference check`);
    return node;
  };

  const diagnoses: Mutable<DiagnosisNode>[] = data.diagnoses.map((d, index) => ({
    index,
    path: `diagnoses[${index}]`,
    data: d,
    problems: [],
  }));
  const problems: Mutable<ProblemNode>[] = data.problems.map((p, index) => ({
    index,
    path: `problems[${index}]`,
    data: p,
    diagnoses: [],
    goals: [],
  }));
  const goals: Mutable<GoalNode>[] = data.goals.map((g, index) => ({
    index,
    path: `goals[${index}]`,
    data: g,
    problems: [],
    objectives: [],
  }));
  const diagnosisByCode = byKey(diagnoses, (n) => n.data.code);
  const problemById = byKey(problems, (n) => n.data.id);
  const goalById = byKey(goals, (n) => n.data.id);

  for (const problem of problems) {
    for (const code of problem.data.diagnoses ?? []) {
      const diagnosis = get(diagnosisByCode, code);
      problem.diagnoses.push(diagnosis);
      diagnosis.problems.push(problem);
    }
  }
  for (const goal of goals) {
    for (const id of goal.data.problems) {
      const problem = get(problemById, id);
      goal.problems.push(problem);
      problem.goals.push(goal);
    }
  }
  const objectives: Mutable<ObjectiveNode>[] = data.objectives.map((o, index) => {
    const goal = get(goalById, o.goal);
    const node: Mutable<ObjectiveNode> = {
      index,
      path: `objectives[${index}]`,
      data: o,
      goal,
      interventions: [],
      sessions: [],
    };
    goal.objectives.push(node);
    return node;
  });
  const objectiveById = byKey(objectives, (n) => n.data.id);
  const interventions: Mutable<InterventionNode>[] = data.interventions.map((iv, index) => {
    const node: Mutable<InterventionNode> = { index, path: `interventions[${index}]`, data: iv, objectives: [] };
    for (const id of iv.objectives) {
      const objective = get(objectiveById, id);
      node.objectives.push(objective);
      objective.interventions.push(node);
    }
    return node;
  });
  const sessions: Mutable<SessionNode>[] = (data.sessions ?? []).map((s, index) => {
    const node: Mutable<SessionNode> = { index, path: `sessions[${index}]`, data: s, objectives: [] };
    for (const id of s.objectives ?? []) {
      const objective = get(objectiveById, id);
      node.objectives.push(objective);
      objective.sessions.push(node);
    }
    return node;
  });
  return { source, sha256, data, diagnoses, problems, goals, objectives, interventions, sessions };
}
