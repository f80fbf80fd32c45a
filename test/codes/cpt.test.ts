import { describe, expect, it } from 'vitest';
import { CPT_CODES, cptTimeFits, EM_PRIMARY, isEmCode, lookupCpt } from '../../src/codes/cpt.js';

const BEHAVIORAL = [
  '90791',
  '90792',
  '90832',
  '90833',
  '90834',
  '90836',
  '90837',
  '90838',
  '90839',
  '90840',
  '90785',
  '90846',
  '90847',
  '90853',
];

describe('lookupCpt', () => {
  it('knows the behavioral-health codes and nothing else', () => {
    expect(Object.keys(CPT_CODES).sort()).toEqual([...BEHAVIORAL].sort());
    for (const code of BEHAVIORAL) expect(lookupCpt(code)?.code).toBe(code);
    expect(lookupCpt(' 90837 ')?.code).toBe('90837');
    for (const code of ['99214', '90845', '9083', 'constructor', 'toString', '']) {
      expect(lookupCpt(code)).toBeUndefined();
    }
  });

  it('gives each code the service type the audit checks against', () => {
    const typeOf = (code: string) => lookupCpt(code)?.serviceType;
    expect(typeOf('90853')).toBe('group');
    expect([typeOf('90846'), typeOf('90847')]).toEqual(['family', 'family']);
    for (const code of ['90832', '90833', '90834', '90836', '90837', '90838']) expect(typeOf(code)).toBe('individual');
    expect([typeOf('90791'), typeOf('90792')]).toEqual(['evaluation', 'evaluation']);
    expect([typeOf('90839'), typeOf('90840')]).toEqual(['crisis', 'crisis']);
    expect(typeOf('90785')).toBeNull();
  });

  it('lists primaries for add-ons only, each a known code or E/M', () => {
    for (const entry of Object.values(CPT_CODES)) {
      expect(entry.primaries.length > 0).toBe(entry.addOn);
      for (const primary of entry.primaries) {
        expect(primary === EM_PRIMARY || lookupCpt(primary) !== undefined).toBe(true);
      }
    }
    expect(lookupCpt('90833')?.primaries).toEqual([EM_PRIMARY]);
    expect(lookupCpt('90840')?.primaries).toEqual(['90839']);
    expect(lookupCpt('90785')?.primaries).not.toContain('90846');
  });
});

describe('cptTimeFits', () => {
  it.each([
    ['90832', 15, false],
    ['90832', 16, true],
    ['90832', 37, true],
    ['90832', 38, false],
    ['90833', 16, true],
    ['90833', 38, false],
    ['90834', 37, false],
    ['90834', 38, true],
    ['90834', 52, true],
    ['90834', 53, false],
    ['90836', 38, true],
    ['90836', 53, false],
    ['90837', 52, false],
    ['90837', 53, true],
    ['90837', 180, true],
    ['90838', 52, false],
    ['90838', 53, true],
    ['90846', 25, false],
    ['90846', 26, true],
    ['90846', 120, true],
    ['90847', 25, false],
    ['90847', 26, true],
    ['90839', 29, false],
    ['90839', 30, true],
    ['90839', 74, true],
    ['90839', 75, false],
    ['90840', 74, false],
    ['90840', 75, true],
  ] as const)('%s for %i minutes: %s', (code, minutes, fits) => {
    expect(cptTimeFits(code, minutes)).toBe(fits);
  });

  it('lets any length fit a code that is not time-based', () => {
    for (const code of ['90791', '90792', '90853', '90785']) {
      expect(cptTimeFits(code, 5)).toBe(true);
      expect(cptTimeFits(code, 240)).toBe(true);
    }
  });

  it('is false for an unknown code or an impossible length', () => {
    expect(cptTimeFits('99214', 30)).toBe(false);
    expect(cptTimeFits('90837', Number.NaN)).toBe(false);
    expect(cptTimeFits('90837', Number.POSITIVE_INFINITY)).toBe(false);
    expect(cptTimeFits('90791', -1)).toBe(false);
  });
});

describe('isEmCode', () => {
  it('recognises the E/M range 99202-99499', () => {
    for (const code of ['99202', '99213', '99214', '99215', '99499', ' 99214 ']) expect(isEmCode(code)).toBe(true);
    for (const code of ['99201', '99500', '90837', '9921', '99214x']) expect(isEmCode(code)).toBe(false);
  });
});
