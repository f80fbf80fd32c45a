import { describe, expect, it } from 'vitest';
import { lookupCpt } from '../../src/codes/cpt.js';
import { CPT_PAIR_RULES, findSameDayConflicts } from '../../src/codes/cpt-conflicts.js';

const pairs = (codes: readonly string[]) =>
  findSameDayConflicts(codes)
    .filter((conflict) => conflict.kind === 'pair')
    .map((conflict) => [conflict.rule, ...conflict.codes]);

describe('findSameDayConflicts', () => {
  it.each([
    [[]],
    [['90837']],
    [['90791']],
    [['99214', '90833']],
    [['90834', '90785']],
    [['90791', '90785']],
    [['99213', '90836', '90785']],
    [['90839', '90840', '90840']],
    [['90847', '90846']],
    [['90853', '90785']],
  ])('finds nothing wrong with %j', (codes) => {
    expect(findSameDayConflicts(codes)).toEqual([]);
  });

  it('forbids crisis psychotherapy with other psychotherapy the same day', () => {
    expect(pairs(['90834', '90839'])).toEqual([['crisis-with-other-psychotherapy', '90839', '90834']]);
    expect(pairs(['90839', '90840', '90847'])).toEqual([
      ['crisis-with-other-psychotherapy', '90839', '90847'],
      ['crisis-with-other-psychotherapy', '90840', '90847'],
    ]);
    expect(pairs(['90839', '90853'])).toEqual([['crisis-with-other-psychotherapy', '90839', '90853']]);
  });

  it('forbids a diagnostic evaluation with psychotherapy', () => {
    expect(pairs(['90791', '90837'])).toEqual([['evaluation-with-psychotherapy', '90791', '90837']]);
    expect(pairs(['90792', '90853'])).toEqual([['evaluation-with-psychotherapy', '90792', '90853']]);
    expect(pairs(['90791', '90846'])).toEqual([['evaluation-with-psychotherapy', '90791', '90846']]);
  });

  it('forbids psychotherapy with and without E/M together', () => {
    expect(findSameDayConflicts(['90832', '90833', '99213'])).toEqual([
      { kind: 'pair', rule: 'psychotherapy-with-and-without-em', codes: ['90832', '90833'] },
    ]);
  });

  it('forbids interactive complexity with family or crisis psychotherapy, reporting each pair once', () => {
    expect(findSameDayConflicts(['90846', '90785'])).toEqual([
      { kind: 'pair', rule: 'interactive-complexity-excluded', codes: ['90785', '90846'] },
      { kind: 'add-on-without-primary', codes: ['90785'], primaries: lookupCpt('90785')?.primaries },
    ]);
    expect(pairs(['90839', '90785'])).toEqual([['crisis-with-other-psychotherapy', '90839', '90785']]);
  });

  it('needs a primary for every add-on', () => {
    expect(findSameDayConflicts(['90833'])).toEqual([
      { kind: 'add-on-without-primary', codes: ['90833'], primaries: ['E/M'] },
    ]);
    expect(findSameDayConflicts(['90840'])).toEqual([
      { kind: 'add-on-without-primary', codes: ['90840'], primaries: ['90839'] },
    ]);
    // Interactive complexity with an E/M alone has no psychotherapy to attach to.
    expect(findSameDayConflicts(['99214', '90785']).map((conflict) => conflict.kind)).toEqual([
      'add-on-without-primary',
    ]);
  });

  it('allows crisis psychotherapy once a day', () => {
    expect(findSameDayConflicts(['90839', '90839'])).toEqual([{ kind: 'more-than-once', codes: ['90839'], count: 2 }]);
  });

  it('does not depend on the order the codes are given in', () => {
    const day = ['90785', '90839', '90833', '90837', '90839'];
    expect(findSameDayConflicts([...day].reverse())).toEqual(findSameDayConflicts(day));
  });
});

describe('CPT_PAIR_RULES', () => {
  it('names every forbidden pair once, with known codes', () => {
    const seen = new Set<string>();
    for (const { codes, notWith } of CPT_PAIR_RULES) {
      for (const code of codes) {
        for (const other of notWith) {
          const key = [code, other].sort().join('+');
          expect(seen.has(key), key).toBe(false);
          seen.add(key);
          expect(lookupCpt(code) && lookupCpt(other)).toBeTruthy();
        }
      }
    }
  });
});
