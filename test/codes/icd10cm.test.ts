import { describe, expect, it } from 'vitest';
import {
  fiscalYearOf,
  icdEntryStatusIn,
  icdStatusOn,
  icdTableFiscalYears,
  isIcdBillable,
  isIcdHeader,
  isIcdValidOn,
  isUnspecifiedIcd,
  isZCode,
  lookupIcd,
  normalizeIcd,
} from '../../src/codes/icd10cm.js';

describe('fiscalYearOf', () => {
  it('starts fiscal year N on 1 October of N-1', () => {
    expect(fiscalYearOf('2021-09-30')).toBe(2021);
    expect(fiscalYearOf('2021-10-01')).toBe(2022);
    expect(fiscalYearOf('2021-12-31')).toBe(2022);
    expect(fiscalYearOf('2022-01-01')).toBe(2022);
  });

  it.each(['2021-13-01', '2021-02-30', '03/09/2021', '2021-3-9', '', '2021-10-01T00:00:00Z'])(
    'rejects %j as a date',
    (date) => {
      expect(() => fiscalYearOf(date)).toThrow(RangeError);
    },
  );
});

describe('lookupIcd', () => {
  it('finds a code written with or without its dot, in any case', () => {
    for (const written of ['F32.A', 'f32.a', 'F32A', ' f32a ']) {
      expect(lookupIcd(written)?.code).toBe('F32.A');
    }
    expect(lookupIcd('F32.A')?.title).toBe('Depression, unspecified');
  });

  it('rejects a dot in the wrong place and malformed codes', () => {
    for (const written of ['F3.2A', 'F32.', 'F32..A', '32.A', 'F32.ABCDE', 'depression']) {
      expect(normalizeIcd(written)).toBeUndefined();
      expect(lookupIcd(written)).toBeUndefined();
    }
  });

  it('gives the fiscal years a code was listed and billable', () => {
    expect(lookupIcd('F42')).toEqual({
      code: 'F42',
      title: 'Obsessive-compulsive disorder',
      firstFy: 2016,
      lastFy: 2027,
      firstBillableFy: 2016,
      lastBillableFy: 2016,
    });
    expect(lookupIcd('F41')?.firstBillableFy).toBeNull();
  });
});

describe('validity on a date', () => {
  it('F32.A (added in FY2022) is not valid on 2021-03-09 but is from 2021-10-01', () => {
    expect(isIcdValidOn('F32.A', '2021-03-09')).toBe(false);
    expect(icdStatusOn('F32.A', '2021-03-09')).toMatchObject({ kind: 'added-later', firstFy: 2022 });
    expect(isIcdValidOn('F32.A', '2021-09-30')).toBe(false);
    expect(isIcdValidOn('F32.A', '2021-10-01')).toBe(true);
    expect(isIcdBillable('F32.A', '2021-03-09')).toBe(false);
  });

  it('F41 is a header, not billable', () => {
    expect(isIcdBillable('F41')).toBe(false);
    expect(isIcdHeader('F41')).toBe(true);
    expect(icdStatusOn('F41', '2024-05-01').kind).toBe('header');
    expect(isIcdBillable('F41.1')).toBe(true);
    expect(isIcdHeader('F41.1')).toBe(false);
  });

  it('follows a code that was billable and then gained children (F42 after FY2016)', () => {
    expect(isIcdValidOn('F42', '2016-09-30')).toBe(true);
    expect(icdStatusOn('F42', '2016-10-01').kind).toBe('header');
    expect(isIcdHeader('F42', '2016-03-01')).toBe(false);
    expect(icdStatusOn('F42.2', '2016-09-30')).toMatchObject({ kind: 'added-later', firstFy: 2017 });
    expect(isIcdValidOn('F43.8', '2022-09-30')).toBe(true);
    expect(isIcdValidOn('F43.8', '2022-10-01')).toBe(false);
    expect(isIcdValidOn('F43.81', '2022-10-01')).toBe(true);
  });

  it('treats dates before ICD-10-CM (FY2016) as before every code', () => {
    expect(icdStatusOn('F33.1', '2015-09-30')).toMatchObject({ kind: 'added-later', firstFy: 2016 });
    expect(isIcdValidOn('F33.1', '2015-10-01')).toBe(true);
  });

  it('judges dates after the table by its newest fiscal year', () => {
    expect(icdTableFiscalYears()).toEqual({ first: 2016, last: 2027 });
    expect(isIcdValidOn('F33.1', '2031-05-01')).toBe(true);
    expect(isIcdHeader('F41', '2031-05-01')).toBe(true);
  });

  it('reports a code last listed before the fiscal year as deleted', () => {
    const entry = {
      code: 'F99.9',
      title: 'x',
      firstFy: 2016,
      lastFy: 2020,
      firstBillableFy: 2016,
      lastBillableFy: 2020,
    };
    expect(icdEntryStatusIn(entry, 2021)).toEqual({ kind: 'deleted', entry, lastFy: 2020 });
    expect(icdEntryStatusIn(entry, 2020)).toEqual({ kind: 'billable', entry });
  });

  it('rejects a malformed date whatever the code', () => {
    expect(() => icdStatusOn('F33.1', '2024-02-30')).toThrow(RangeError);
    expect(() => icdStatusOn('sad', 'yesterday')).toThrow(RangeError);
  });

  it('tells a non-code from a code the table does not cover', () => {
    expect(icdStatusOn('F32.7', '2024-01-01')).toEqual({ kind: 'unknown' });
    expect(icdStatusOn('Z63.99', '2024-01-01')).toEqual({ kind: 'unknown' });
    expect(icdStatusOn('sad', '2024-01-01')).toEqual({ kind: 'unknown' });
    expect(icdStatusOn('E11.9', '2024-01-01')).toEqual({ kind: 'outside-table' });
    expect(icdStatusOn('G30.9', '2024-01-01')).toEqual({ kind: 'outside-table' });
    expect(icdStatusOn('Z81.8', '2024-01-01')).toEqual({ kind: 'outside-table' });
    // Only initial-encounter T74/T76 codes were extracted.
    expect(icdStatusOn('T74.11XD', '2024-01-01')).toEqual({ kind: 'outside-table' });
    expect(icdStatusOn('T74.11XA', '2024-01-01').kind).toBe('billable');
    expect(isIcdValidOn('E11.9', '2024-01-01')).toBe(false);
  });
});

describe('isUnspecifiedIcd', () => {
  it.each(['F32.9', 'F32.A', 'F41.9', 'F43.20', 'F43.9', 'F39', 'F99', 'F90.9', 'F43.10', 'F29', 'Z63.9'])(
    '%s is unspecified',
    (code) => {
      expect(isUnspecifiedIcd(code)).toBe(true);
    },
  );

  it.each(['F33.1', 'F41.1', 'F90.2', 'F43.11', 'F43.12', 'F43.21', 'F10.20', 'Z63.0'])('%s is specific', (code) => {
    expect(isIcdBillable(code)).toBe(true);
    expect(isUnspecifiedIcd(code)).toBe(false);
  });

  it('is false for headers and codes it does not know', () => {
    expect(isUnspecifiedIcd('T74.9')).toBe(false);
    expect(isUnspecifiedIcd('E11.9')).toBe(false);
    expect(isUnspecifiedIcd('not a code')).toBe(false);
  });
});

describe('isZCode', () => {
  it('recognises Z codes in any case and nothing else', () => {
    expect(isZCode('Z63.0')).toBe(true);
    expect(isZCode('z630')).toBe(true);
    expect(isZCode('Z81.8')).toBe(true);
    expect(isZCode('F32.9')).toBe(false);
    expect(isZCode('Zebra')).toBe(false);
  });
});
