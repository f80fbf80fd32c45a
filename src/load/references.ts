import type { LoadErrorCode } from '../errors.js';
import type { RecordData } from '../model/record.js';

/** A rule the schema alone cannot state, broken at a path. */
export interface ReferenceProblem {
  readonly code: LoadErrorCode;
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * Checks the rules that span the record: ids unique within their list, exactly one primary
 * diagnosis, one kind of measure per objective, and every reference of the golden thread resolving.
 * A dangling reference is reported at the reference, since the record cannot be composed without it.
 */
export function checkReferences(record: RecordData): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const unique = (list: string, items: readonly { id: string }[] | readonly { code: string }[]) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const id = 'id' in item ? item.id : item.code;
      const field = 'id' in item ? 'id' : 'code';
      if (seen.has(id)) {
        problems.push({
          code: 'duplicate-id',
          path: [list, index, field],
          message: `${id} is listed twice in ${list}; ids must be unique`,
        });
      }
      seen.add(id);
    });
    return seen;
  };
  const codes = unique('diagnoses', record.diagnoses);
  const problemIds = unique('problems', record.problems);
  const goalIds = unique('goals', record.goals);
  const objectiveIds = unique('objectives', record.objectives);
  unique('interventions', record.interventions);

  const primaries = record.diagnoses.filter((d) => d.rank === 'primary').length;
  if (primaries !== 1) {
    problems.push({
      code: 'schema',
      path: ['diagnoses'],
      message: `exactly one diagnosis must have rank: primary (found ${primaries})`,
    });
  }

  const resolve = (known: Set<string>, what: string, id: string, path: (string | number)[]) => {
    if (!known.has(id))
      problems.push({ code: 'reference', path, message: `refers to ${what} ${id}, which is not in the record` });
  };
  record.problems.forEach((p, i) =>
    (p.diagnoses ?? []).forEach((code, k) => resolve(codes, 'diagnosis', code, ['problems', i, 'diagnoses', k])),
  );
  record.goals.forEach((g, i) =>
    g.problems.forEach((id, k) => resolve(problemIds, 'problem', id, ['goals', i, 'problems', k])),
  );
  record.objectives.forEach((o, i) => {
    resolve(goalIds, 'goal', o.goal, ['objectives', i, 'goal']);
    if (o.measure && (o.measure.instrument === undefined) === (o.measure.behavior === undefined)) {
      problems.push({
        code: 'schema',
        path: ['objectives', i, 'measure'],
        message: 'a measure has exactly one of instrument (a scored measure) or behavior (a counted behaviour)',
      });
    }
  });
  record.interventions.forEach((iv, i) =>
    iv.objectives.forEach((id, k) => resolve(objectiveIds, 'objective', id, ['interventions', i, 'objectives', k])),
  );
  (record.dischargeCriteria ?? []).forEach((c, i) =>
    (c.objectives ?? []).forEach((id, k) =>
      resolve(objectiveIds, 'objective', id, ['dischargeCriteria', i, 'objectives', k]),
    ),
  );
  (record.sessions ?? []).forEach((s, i) =>
    (s.objectives ?? []).forEach((id, k) => resolve(objectiveIds, 'objective', id, ['sessions', i, 'objectives', k])),
  );
  (record.discharge?.outcomes ?? []).forEach((o, i) =>
    resolve(objectiveIds, 'objective', o.objective, ['discharge', 'outcomes', i, 'objective']),
  );
  return problems;
}
