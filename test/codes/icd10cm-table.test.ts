import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildIcdTable, parseCsv, serializeIcdTable } from '../../scripts/build-icd10cm.js';
import { lookupIcd } from '../../src/codes/icd10cm.js';
import { icdTable, indexIcdTable } from '../../src/codes/icd10cm-table.js';

const TABLE_PATH = fileURLToPath(new URL('../../data/icd10cm.json', import.meta.url));
const CSV_PATH = fileURLToPath(
  new URL('../../../shared/data/icd10cm/icd10cm-behavioral-fy2016-fy2027.csv', import.meta.url),
);
const HEADER =
  'code,codeDotted,category,firstFy,lastFy,fiscalYearsPresent,hasGap,firstBillableFy,lastBillableFy,status,titleVersions,longTitle';

describe('parseCsv', () => {
  it('keeps commas and doubled quotes inside quoted fields', () => {
    expect(parseCsv('a,"b, c","say ""hi"""\nd,,e\n')).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['d', '', 'e'],
    ]);
  });

  it('accepts CRLF and a last line without a newline', () => {
    expect(parseCsv('a,b\r\nc,"d\r\ne"')).toEqual([
      ['a', 'b'],
      ['c', 'd\r\ne'],
    ]);
  });

  it('rejects an unclosed quote and a stray quote', () => {
    expect(() => parseCsv('a,"b\n')).toThrow(/never closed/);
    expect(() => parseCsv('a,b"c\n')).toThrow(/quote inside/);
  });
});

describe('buildIcdTable', () => {
  const row = 'F411,F41.1,F41,2016,2027,12,false,2016,2027,active,1,Generalized anxiety disorder';

  it('derives dotted codes, titles and years, sorted by code', () => {
    const header = 'F41,F41,F41,2016,2027,12,false,,,header,1,"Other anxiety disorders, x"';
    const table = buildIcdTable(`${HEADER}\n${row}\n${header}\n`);
    expect(table.codes).toEqual([
      ['F41', 'Other anxiety disorders, x', 2016, 2027, null, null],
      ['F41.1', 'Generalized anxiety disorder', 2016, 2027, 2016, 2027],
    ]);
    expect(table.provenance.rowCount).toBe(2);
    expect(table.provenance.license).toBe('CC0-1.0');
  });

  it.each([
    ['a different header', `${HEADER.replace('longTitle', 'title')}\n${row}\n`, /header/],
    ['a short row', `${HEADER}\nF411,F41.1,F41\n`, /line 2: 3 fields/],
    ['a duplicate code', `${HEADER}\n${row}\n${row}\n`, /line 3: duplicate/],
    ['a wrong dotted code', `${HEADER}\n${row.replace('F41.1', 'F4.11')}\n`, /codeDotted/],
    ['a gap', `${HEADER}\n${row.replace('false', 'true')}\n`, /gap/],
    ['one billable year only', `${HEADER}\n${row.replace('2016,2027,active', ',2027,active')}\n`, /billable/],
    ['a code outside the coverage', `${HEADER}\n${row.replaceAll('F41', 'E11')}\n`, /coverage/],
  ])('rejects %s', (_, csv, message) => {
    expect(() => buildIcdTable(csv)).toThrow(message);
  });

  it('serializes the same table to the same bytes, one code per line', () => {
    const text = serializeIcdTable(buildIcdTable(`${HEADER}\n${row}\n`));
    expect(text).toBe(serializeIcdTable(buildIcdTable(`${HEADER}\n${row}\n`)));
    expect(text).toContain('\n    ["F41.1", "Generalized anxiety disorder", 2016, 2027, 2016, 2027]\n');
    expect(JSON.parse(text)).toEqual(buildIcdTable(`${HEADER}\n${row}\n`));
  });
});

describe('indexIcdTable', () => {
  it('rejects a file that is not the table', () => {
    expect(() => indexIcdTable({ codes: [] })).toThrow(/not an ICD-10-CM table/);
    const file = JSON.parse(readFileSync(TABLE_PATH, 'utf8')) as { codes: unknown[] };
    file.codes[5] = ['F32.9', 'title', '2016', 2027, null, null];
    expect(() => indexIcdTable(file)).toThrow(/codes\[5\]/);
  });
});

describe('data/icd10cm.json', () => {
  const table = icdTable();

  it('carries its provenance', () => {
    expect(table.provenance).toMatchObject({
      source: {
        repository: 'makevision/icd10cm-open-data',
        commit: 'a90ea0452307e166846140e2283cecbc2d3e2a51',
      },
      license: 'CC0-1.0',
      extracted: '2026-11-27',
      rowCount: 1533,
      fiscalYears: { first: 2016, last: 2027 },
    });
    expect(table.byCode.size).toBe(1533);
  });

  it('lists codes in ascending order, each once', () => {
    const codes = [...table.byCode.keys()];
    expect(codes).toEqual([...codes].sort());
  });
});

describe.skipIf(!existsSync(CSV_PATH))('data/icd10cm.json against the shared CSV', () => {
  const csv = existsSync(CSV_PATH) ? readFileSync(CSV_PATH, 'utf8') : '';
  const lines = csv.split('\n').filter((line) => line !== '');

  it('parses every line back to itself (the parser loses nothing)', () => {
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(lines.length);
    const quote = (field: string): string => (/[",\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field);
    rows.forEach((fields, index) => {
      expect(fields.map(quote).join(',')).toBe(lines[index]);
    });
  });

  it('holds every CSV row with its title, years and billable status', () => {
    const [header, ...rows] = parseCsv(csv);
    const column = (name: string): number => header?.indexOf(name) ?? -1;
    const optional = (text: string | undefined): number | null => (text ? Number(text) : null);
    expect(rows).toHaveLength(1533);
    expect(icdTable().byCode.size).toBe(rows.length);
    for (const fields of rows) {
      expect(lookupIcd(fields[column('codeDotted')] ?? '')).toEqual({
        code: fields[column('codeDotted')],
        title: fields[column('longTitle')],
        firstFy: Number(fields[column('firstFy')]),
        lastFy: Number(fields[column('lastFy')]),
        firstBillableFy: optional(fields[column('firstBillableFy')]),
        lastBillableFy: optional(fields[column('lastBillableFy')]),
      });
    }
  });

  it('is exactly what the build script writes from it', () => {
    expect(readFileSync(TABLE_PATH, 'utf8')).toBe(serializeIcdTable(buildIcdTable(csv)));
    expect(icdTable().provenance.inputSha256).toBe(createHash('sha256').update(readFileSync(CSV_PATH)).digest('hex'));
  });
});
