import type { RecordRule } from './context.js';
import { isQuantified } from './quantity.js';
import { fixed, SOURCES } from './sources.js';

/** The discharge family: the episode's end is documented, and how it will be recognised. */

const outcomeMissing: RecordRule = {
  id: 'discharge/outcome-missing',
  source: fixed(SOURCES.discharge),
  hint: 'Add an outcome for the objective under `discharge.outcomes` (its status and, where measured, the final value).',
  check: ({ record }) => {
    const discharge = record.data.discharge;
    if (!discharge) return [];
    const outcomes = discharge.outcomes ?? [];
    return record.objectives
      .filter((o) => !outcomes.some((outcome) => outcome.objective === o.data.id))
      .map((o) => ({
        path: outcomes.length > 0 ? 'discharge.outcomes' : 'discharge',
        message: `The discharge has no outcome for objective ${o.data.id}.`,
      }));
  },
};

const noAftercare: RecordRule = {
  id: 'discharge/no-aftercare',
  source: fixed(SOURCES.discharge),
  hint: 'Say what follows the episode: an aftercare plan (`aftercare`) or the services referred to (`referrals`).',
  check: ({ record }) => {
    const discharge = record.data.discharge;
    if (!discharge || discharge.aftercare !== undefined || (discharge.referrals ?? []).length > 0) return [];
    return [{ path: 'discharge', message: 'The discharge has no aftercare plan and no referral.' }];
  },
};

const criteriaNotMeasurable: RecordRule = {
  id: 'discharge/criteria-not-measurable',
  source: fixed(SOURCES.discharge),
  hint: 'Say how the criterion is recognised: a score, a count, a frequency or how long it must hold.',
  check: ({ record }) =>
    (record.data.dischargeCriteria ?? []).flatMap((criterion, i) =>
      isQuantified(criterion.statement)
        ? []
        : [
            {
              path: `dischargeCriteria[${i}].statement`,
              message: `Discharge criterion ${i + 1} has no number, score, frequency or duration to recognise it by.`,
            },
          ],
    ),
};

/** Every discharge rule, in catalogue order. */
export const DISCHARGE_RULES: readonly RecordRule[] = [outcomeMissing, noAftercare, criteriaNotMeasurable];
