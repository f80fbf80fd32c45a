import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jaccard, NAME_TOKEN, nameTokens, similarPairs, textTokens } from '../../src/audit/similarity.js';

describe('textTokens', () => {
  it('folds case, accents, punctuation and spacing', () => {
    expect(textTokens('  José  will RE-ENTER work;\tdaily!')).toEqual(['jose', 'will', 're', 'enter', 'work', 'daily']);
  });

  it("masks the patient's names", () => {
    const names = nameTokens(['Dana', 'Whitfield', 'Pat Whitfield']);
    expect(textTokens("Ms. Whitfield's plan for Dana", names)).toEqual([
      'ms',
      NAME_TOKEN,
      's',
      'plan',
      'for',
      NAME_TOKEN,
    ]);
  });
});

describe('jaccard', () => {
  it('is shared tokens over all tokens', () => {
    expect(jaccard(new Set(['a', 'b', 'c']), new Set(['b', 'c', 'd']))).toBe(0.5);
    expect(jaccard(new Set(['a']), new Set(['a']))).toBe(1);
    expect(jaccard(new Set(['a']), new Set(['b']))).toBe(0);
  });
});

describe('similarPairs', () => {
  const bruteForce = (sets: readonly Set<string>[], threshold: number) => {
    const pairs: [number, number][] = [];
    for (let j = 0; j < sets.length; j += 1) {
      for (let i = 0; i < j; i += 1)
        if (jaccard(sets[i] as Set<string>, sets[j] as Set<string>) >= threshold) pairs.push([i, j]);
    }
    return pairs;
  };
  const sortPairs = (pairs: [number, number][]) => [...pairs].sort((a, b) => a[1] - b[1] || a[0] - b[0]);

  it('finds exactly the pairs a comparison of all pairs finds', () => {
    const word = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l');
    const set = fc.array(word, { minLength: 1, maxLength: 10 }).map((words) => new Set(words));
    fc.assert(
      fc.property(fc.array(set, { maxLength: 25 }), fc.constantFrom(0.5, 0.7, 0.85, 0.9, 1), (sets, threshold) => {
        expect(sortPairs(similarPairs(sets, threshold))).toEqual(sortPairs(bruteForce(sets, threshold)));
      }),
      { numRuns: 300 },
    );
  });

  it('pairs a text with one word added to it at 0.85, but not two different objectives', () => {
    const a = new Set(
      textTokens('Scheduled worry time and progressive muscle relaxation practiced in session and at home.'),
    );
    const b = new Set(
      textTokens('Scheduled worry time and progressive muscle relaxation practiced in session and daily at home.'),
    );
    const c = new Set(textTokens('PHQ-9 falls from 18 to 9 or below within 12 weeks.'));
    const d = new Set(textTokens('PHQ-9 falls from 16 to 8 or below within 12 weeks.'));
    expect(similarPairs([a, b, c, d], 0.85)).toEqual([[0, 1]]);
  });
});
