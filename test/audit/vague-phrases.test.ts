import { describe, expect, it } from 'vitest';
import { isQuantified } from '../../src/audit/quantity.js';
import { builtInVaguePhrases, findVaguePhrases, parseVaguePhrases } from '../../src/audit/vague-phrases.js';

describe('the built-in vague phrase list', () => {
  const phrases = builtInVaguePhrases();

  it('holds the phrases the contract names', () => {
    const names = phrases.map((p) => p.phrase);
    for (const phrase of ['feel better', 'improve mood', 'provide therapy', 'supportive counseling', 'as needed']) {
      expect(names).toContain(phrase);
    }
  });

  it('finds every spelling of every phrase in a sentence around it', () => {
    for (const { phrase, spellings } of phrases) {
      for (const spelling of spellings) {
        expect(findVaguePhrases(`The client will ${spelling} here.`), spelling).toContain(phrase);
      }
    }
  });

  it('has no spelling that could never fire because it is itself quantified', () => {
    const quantified = phrases.flatMap((p) => p.spellings).filter(isQuantified);
    expect(quantified).toEqual([]);
  });

  it('spells each phrase once across the list', () => {
    const spellings = phrases.flatMap((p) => p.spellings.map((s) => s.toLowerCase()));
    expect(spellings.filter((s, i) => spellings.indexOf(s) !== i)).toEqual([]);
  });
});

describe('findVaguePhrases', () => {
  it.each([
    ['Client will feel better.', ['feel better']],
    ['Client will FEEL   BETTER and Improve Mood.', ['feel better', 'improve mood']],
    ['Provide supportive counseling as needed.', ['supportive counseling', 'as needed']],
    ['Provide support and explore feelings.', ['provide support', 'explore feelings']],
    ['Talk therapy', ['talk therapy']],
    ['Increase self esteem', ['improve self-esteem']],
    ['Will gain insight into patterns', ['gain insight']],
  ])('flags %j', (statement, expected) => {
    expect(findVaguePhrases(statement)).toEqual(expected);
  });

  it.each([
    ['Client will feel better: PHQ-9 below 10.', 'a score'],
    ['Improve mood, rated 6 or more out of 10.', 'digits'],
    ['Supportive counseling weekly.', 'a frequency word'],
    ['Supportive counseling twice a month.', 'a number word'],
    ['Feel better on most days of the week for a month.', 'a duration'],
    ['Reduce stress by 50%.', 'a percentage'],
    ['Improve mood as shown on the PHQ.', 'an instrument name'],
    ['Improve mood as shown by the score on the mood scale.', 'the word score'],
    ['Reduce anxiety on five of seven days.', 'number words'],
  ])('never flags a quantified statement: %j (%s)', (statement) => {
    expect(findVaguePhrases(statement)).toEqual([]);
  });

  it.each([
    ['Has needed help with forms in the past.', 'as needed inside has needed'],
    ['Works toward the betterment of the family.', 'better inside betterment'],
    ['Reprocess feelingsless memories', 'process feelings inside reprocess'],
    ['Cognitive restructuring of self-critical thoughts.', 'specific wording'],
  ])('matches whole words only: %j (%s)', (statement) => {
    expect(findVaguePhrases(statement)).toEqual([]);
  });

  it('accepts a custom list', () => {
    const list = parseVaguePhrases(
      'format: goldthread/vague-phrases@1\noutcomes:\n  be well: [being well]\ninterventions: {}\n',
    );
    expect(findVaguePhrases('Being well at home', list)).toEqual(['be well']);
    expect(findVaguePhrases('Feel better', list)).toEqual([]);
  });

  it('refuses a malformed list', () => {
    expect(() => parseVaguePhrases('format: goldthread/vague-phrases@1\noutcomes: [feel better]\n')).toThrow();
  });
});

describe('isQuantified', () => {
  it.each([
    'PHQ-9 below 10',
    'three times a week',
    'each session',
    'every other day',
    'for 4 consecutive weeks',
    'nightly',
    'once a month',
    'score in the mild range',
    'GAD-7 in the mild range',
  ])('sees a quantity in %j', (text) => {
    expect(isQuantified(text)).toBe(true);
  });

  it.each(['stable and engaged', 'in a session', 'has a plan for an audit of finances', 'describes the weekend plan'])(
    'sees none in %j',
    (text) => {
      expect(isQuantified(text)).toBe(false);
    },
  );
});
