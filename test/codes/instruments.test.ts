import { describe, expect, it } from 'vitest';
import { INSTRUMENTS, isInRange, lookupInstrument, severityOf } from '../../src/codes/instruments.js';

const instrument = (name: string) => {
  const found = lookupInstrument(name);
  if (found === undefined) throw new Error(`test needs ${name}`);
  return found;
};

describe('lookupInstrument', () => {
  it('finds an instrument however its name is written', () => {
    for (const name of ['PHQ-9', 'phq9', 'PHQ 9', ' phq-9 ', 'Phq_9']) expect(lookupInstrument(name)?.id).toBe('PHQ-9');
    expect(lookupInstrument('gad7')?.id).toBe('GAD-7');
    expect(lookupInstrument('pcl 5')?.id).toBe('PCL-5');
    expect(lookupInstrument('Audit')?.id).toBe('AUDIT');
  });

  it('returns undefined for an instrument it does not know', () => {
    for (const name of ['BDI-II', 'PHQ', 'PHQ-99', '']) expect(lookupInstrument(name)).toBeUndefined();
  });
});

describe('severityOf', () => {
  it.each([
    ['PHQ-9', 0, 'minimal'],
    ['PHQ-9', 4, 'minimal'],
    ['PHQ-9', 5, 'mild'],
    ['PHQ-9', 9, 'mild'],
    ['PHQ-9', 10, 'moderate'],
    ['PHQ-9', 14, 'moderate'],
    ['PHQ-9', 15, 'moderately severe'],
    ['PHQ-9', 19, 'moderately severe'],
    ['PHQ-9', 20, 'severe'],
    ['PHQ-9', 27, 'severe'],
    ['GAD-7', 4, 'minimal'],
    ['GAD-7', 5, 'mild'],
    ['GAD-7', 10, 'moderate'],
    ['GAD-7', 15, 'severe'],
    ['GAD-7', 21, 'severe'],
    ['PCL-5', 30, 'below the probable-PTSD cut-point'],
    ['PCL-5', 31, 'probable PTSD'],
    ['PCL-5', 80, 'probable PTSD'],
    ['AUDIT', 7, 'zone I: low risk'],
    ['AUDIT', 8, 'zone II: hazardous use'],
    ['AUDIT', 15, 'zone II: hazardous use'],
    ['AUDIT', 16, 'zone III: harmful use'],
    ['AUDIT', 19, 'zone III: harmful use'],
    ['AUDIT', 20, 'zone IV: possible dependence'],
    ['AUDIT', 40, 'zone IV: possible dependence'],
  ] as const)('%s %i is %s', (name, score, label) => {
    expect(severityOf(instrument(name), score)?.label).toBe(label);
  });

  it('has no band for a score outside the range or not a whole number', () => {
    expect(severityOf(instrument('PHQ-9'), 28)).toBeUndefined();
    expect(severityOf(instrument('PHQ-9'), -1)).toBeUndefined();
    expect(severityOf(instrument('PHQ-9'), 9.5)).toBeUndefined();
  });
});

describe('isInRange', () => {
  it.each([
    ['PHQ-9', 0, 27],
    ['GAD-7', 0, 21],
    ['PCL-5', 0, 80],
    ['AUDIT', 0, 40],
    ['PHQ-2', 0, 6],
    ['GAD-2', 0, 6],
  ] as const)('%s runs from %i to %i', (name, min, max) => {
    const found = instrument(name);
    expect([
      isInRange(found, min - 1),
      isInRange(found, min),
      isInRange(found, max),
      isInRange(found, max + 1),
    ]).toEqual([false, true, true, false]);
    expect(isInRange(found, Number.NaN)).toBe(false);
  });
});

describe('INSTRUMENTS', () => {
  it('gives the published thresholds', () => {
    const facts = (name: string) => {
      const { clinicalThreshold, minimalBelow } = instrument(name);
      return { clinicalThreshold, minimalBelow };
    };
    expect(facts('PHQ-9')).toEqual({ clinicalThreshold: 10, minimalBelow: 5 });
    expect(facts('GAD-7')).toEqual({ clinicalThreshold: 10, minimalBelow: 5 });
    expect(facts('PCL-5')).toEqual({ clinicalThreshold: 31, minimalBelow: null });
    expect(facts('AUDIT')).toEqual({ clinicalThreshold: 8, minimalBelow: null });
    expect(facts('PHQ-2')).toEqual({ clinicalThreshold: 3, minimalBelow: null });
  });

  it.each(INSTRUMENTS.map((entry) => [entry.id, entry] as const))(
    '%s: every score has exactly one band',
    (_, entry) => {
      for (let score = entry.range.min; score <= entry.range.max; score += 1) {
        expect(entry.bands.filter((band) => score >= band.from && score <= band.to)).toHaveLength(1);
      }
      expect(entry.bands[0]?.from).toBe(entry.range.min);
      expect(entry.bands.at(-1)?.to).toBe(entry.range.max);
      expect(isInRange(entry, entry.clinicalThreshold)).toBe(true);
      // The threshold starts a band, so "clinically significant" and the bands agree.
      expect(entry.bands.some((band) => band.from === entry.clinicalThreshold)).toBe(true);
      expect(entry.citation).toMatch(/\d{4}/);
      expect(entry.direction).toBe('decrease');
    },
  );
});
