/**
 * CPT codes that may not be billed together on one date, as data, and the check over a day's codes.
 *
 * From payer-facts.md, "Pairs not billable the same day" (AAPC CCI 19.0 article and reader Q&A, BCBS IL
 * summary, APA Services 2022 interactive complexity guide; NCCI modifier indicator 0 where stated).
 */
import { CPT_CODES, EM_PRIMARY, isEmCode } from './cpt.js';

/** Stable names of the same-day pair rules. */
export type CptPairRule =
  | 'crisis-with-other-psychotherapy'
  | 'evaluation-with-psychotherapy'
  | 'psychotherapy-with-and-without-em'
  | 'interactive-complexity-excluded';

/** A pair rule: no code of `codes` may be billed on the same date as any code of `notWith`. */
export interface CptPairRuleEntry {
  readonly rule: CptPairRule;
  readonly codes: readonly string[];
  readonly notWith: readonly string[];
}

const PSYCHOTHERAPY = ['90832', '90833', '90834', '90836', '90837', '90838'] as const;

/** The pair rules, in the order findings report them. */
export const CPT_PAIR_RULES: readonly CptPairRuleEntry[] = [
  {
    rule: 'crisis-with-other-psychotherapy',
    codes: ['90839', '90840'],
    notWith: [...PSYCHOTHERAPY, '90785', '90846', '90847', '90853'],
  },
  {
    rule: 'evaluation-with-psychotherapy',
    codes: ['90791', '90792'],
    notWith: [...PSYCHOTHERAPY, '90839', '90840', '90846', '90847', '90853'],
  },
  {
    rule: 'psychotherapy-with-and-without-em',
    codes: ['90832', '90834', '90837'],
    notWith: ['90833', '90836', '90838'],
  },
  {
    // 90785 with 90839/90840 is the crisis rule's; listing it twice would report it twice.
    rule: 'interactive-complexity-excluded',
    codes: ['90785'],
    notWith: ['90846', '90847'],
  },
];

/** Codes that may be billed at most once on a date. */
export const CPT_ONCE_A_DAY: readonly string[] = ['90839'];

/** One reason a day's codes cannot all be billed. `codes` are the codes involved. */
export type CptConflict =
  | { readonly kind: 'pair'; readonly rule: CptPairRule; readonly codes: readonly [string, string] }
  | {
      readonly kind: 'add-on-without-primary';
      readonly codes: readonly [string];
      readonly primaries: readonly string[];
    }
  | { readonly kind: 'more-than-once'; readonly codes: readonly [string]; readonly count: number };

/**
 * Every conflict among the codes billed on one date: forbidden pairs (in rule order), add-ons with
 * none of their primaries (an E/M code satisfies {@link EM_PRIMARY}), and once-a-day codes repeated.
 * Unknown codes take part only as E/M primaries. The list depends only on which codes are present
 * and how often, not on their order.
 */
export function findSameDayConflicts(codes: readonly string[]): CptConflict[] {
  const day = codes.map((code) => code.trim());
  const present = new Set(day);
  const conflicts: CptConflict[] = [];

  for (const { rule, codes: left, notWith } of CPT_PAIR_RULES) {
    for (const code of left) {
      if (!present.has(code)) continue;
      for (const other of notWith) {
        if (present.has(other)) conflicts.push({ kind: 'pair', rule, codes: [code, other] });
      }
    }
  }

  const hasEm = day.some(isEmCode);
  const addOns = Object.values(CPT_CODES).filter((entry) => entry.addOn && present.has(entry.code));
  for (const { code, primaries } of addOns) {
    const satisfied = primaries.some((primary) => (primary === EM_PRIMARY ? hasEm : present.has(primary)));
    if (!satisfied) conflicts.push({ kind: 'add-on-without-primary', codes: [code], primaries });
  }

  for (const code of CPT_ONCE_A_DAY) {
    const count = day.filter((billed) => billed === code).length;
    if (count > 1) conflicts.push({ kind: 'more-than-once', codes: [code], count });
  }
  return conflicts;
}
