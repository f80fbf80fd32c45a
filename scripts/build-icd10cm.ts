/**
 * Derives `data/icd10cm.json` from the shared behavioral-health subset of the CC0 ICD-10-CM
 * code-lifespan data set.
 *
 *   npx tsx scripts/build-icd10cm.ts [path-to-csv]
 *
 * The default CSV path is `../shared/data/icd10cm/icd10cm-behavioral-fy2016-fy2027.csv` from the repo
 * root. The output depends only on the CSV's bytes, so rebuilding from the same file gives the same file.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  ICD_TABLE_COLUMNS,
  type IcdCoverage,
  type IcdProvenance,
  type IcdRow,
  type IcdTableFile,
  isCoveredBy,
} from '../src/codes/icd10cm-table.js';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const DEFAULT_CSV = '../shared/data/icd10cm/icd10cm-behavioral-fy2016-fy2027.csv';
const OUTPUT = 'data/icd10cm.json';

/** The source's columns, exactly as its header line names them. */
const CSV_COLUMNS = [
  'code',
  'codeDotted',
  'category',
  'firstFy',
  'lastFy',
  'fiscalYearsPresent',
  'hasGap',
  'firstBillableFy',
  'lastBillableFy',
  'status',
  'titleVersions',
  'longTitle',
] as const;

/** The ranges the subset's README says it holds in full (its "What is included" table). */
const COVERAGE: readonly IcdCoverage[] = [
  { prefix: 'F' },
  { prefix: 'R418' },
  { prefix: 'R45' },
  { prefix: 'R46' },
  // Only headers and initial-encounter codes were extracted; subsequent (D) and sequela (S) were not.
  { prefix: 'T74', seventhCharacter: 'A' },
  { prefix: 'T76', seventhCharacter: 'A' },
  ...['Z0389', 'Z046', 'Z047', 'Z133', 'Z134', 'Z55', 'Z56', 'Z57', 'Z59', 'Z60'].map((prefix) => ({ prefix })),
  ...['Z62', 'Z63', 'Z64', 'Z65', 'Z69', 'Z70', 'Z71', 'Z72', 'Z73', 'Z75', 'Z76'].map((prefix) => ({ prefix })),
  ...['Z8659', 'Z8789', 'Z914', 'Z915', 'Z918'].map((prefix) => ({ prefix })),
];

/** Facts about the source, from the subset's README. */
const SOURCE = {
  description:
    'ICD-10-CM behavioral-health subset (chapter F and selected R, T and Z codes), FY2016-FY2027: ' +
    'fiscal years each code is listed and billable.',
  source: {
    repository: 'makevision/icd10cm-open-data',
    path: 'icd10cm/code-lifespans/icd10cm-code-lifespans-fy2016-fy2027.csv',
    commit: 'a90ea0452307e166846140e2283cecbc2d3e2a51',
    publisher: 'MedCoder.ai (https://medcoder.ai)',
    upstream: 'CMS / CDC-NCHS ICD-10-CM order files FY2016-FY2027 (US Government work, public domain)',
  },
  license: 'CC0-1.0',
  extracted: '2026-11-27',
  inputFile: 'icd10cm-behavioral-fy2016-fy2027.csv',
  generator: 'scripts/build-icd10cm.ts',
} as const;

/** Splits CSV text (RFC 4180: quoted fields may hold commas, quotes doubled, LF or CRLF) into rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line += 1;
        field += char;
      }
    } else if (char === '"' && field === '') {
      quoted = true;
    } else if (char === '"') {
      throw new Error(`CSV line ${line}: a quote inside an unquoted field`);
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || (char === '\r' && text[i + 1] === '\n')) {
      if (char === '\r') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      line += 1;
    } else {
      field += char;
    }
  }
  if (quoted) throw new Error(`CSV line ${line}: a quoted field is never closed`);
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Turns the subset's CSV text into the table file, checking every row on the way. */
export function buildIcdTable(csvText: string): IcdTableFile {
  const [header, ...records] = parseCsv(csvText);
  if (header?.join(',') !== CSV_COLUMNS.join(',')) {
    throw new Error(`CSV header is not the expected one: ${CSV_COLUMNS.join(',')}`);
  }
  const seen = new Set<string>();
  const codes = records.map((fields, index) => {
    const row = toRow(fields, index + 2);
    if (seen.has(row[0])) throw new Error(`CSV line ${index + 2}: duplicate code ${row[0]}`);
    seen.add(row[0]);
    return row;
  });
  codes.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const provenance: IcdProvenance = {
    ...SOURCE,
    inputSha256: createHash('sha256').update(csvText, 'utf8').digest('hex'),
    rowCount: codes.length,
    fiscalYears: {
      first: Math.min(...codes.map((row) => row[2])),
      last: Math.max(...codes.map((row) => row[3])),
    },
    coverage: COVERAGE,
  };
  return { provenance, columns: ICD_TABLE_COLUMNS, codes };
}

function toRow(fields: readonly string[], line: number): IcdRow {
  const fail = (what: string): never => {
    throw new Error(`CSV line ${line}: ${what}`);
  };
  if (fields.length !== CSV_COLUMNS.length) fail(`${fields.length} fields, expected ${CSV_COLUMNS.length}`);
  const value = (column: (typeof CSV_COLUMNS)[number]): string => fields[CSV_COLUMNS.indexOf(column)] ?? '';
  const year = (column: (typeof CSV_COLUMNS)[number]): number => {
    const text = value(column);
    return /^20\d\d$/.test(text) ? Number(text) : fail(`${column} is not a fiscal year`);
  };
  const optionalYear = (column: (typeof CSV_COLUMNS)[number]): number | null =>
    value(column) === '' ? null : year(column);

  const code = value('code');
  if (!/^[A-Z][0-9][0-9A-Z][0-9A-Z]{0,4}$/.test(code)) fail('code is not an ICD-10-CM code');
  const dotted = code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code;
  if (value('codeDotted') !== dotted) fail('codeDotted does not match code');
  if (value('category') !== code.slice(0, 3)) fail('category does not match code');
  // A gap would break the firstFy..lastFy model every look-up relies on.
  if (value('hasGap') !== 'false') fail('the code has a gap in its fiscal years');
  if (value('longTitle') === '') fail('longTitle is empty');
  if (!COVERAGE.some((range) => isCoveredBy(code, range))) fail('code lies outside the declared coverage');

  const firstFy = year('firstFy');
  const lastFy = year('lastFy');
  const firstBillableFy = optionalYear('firstBillableFy');
  const lastBillableFy = optionalYear('lastBillableFy');
  if (firstFy > lastFy) fail('firstFy is after lastFy');
  if ((firstBillableFy === null) !== (lastBillableFy === null)) fail('only one billable year is set');
  if (firstBillableFy !== null && lastBillableFy !== null) {
    if (firstBillableFy > lastBillableFy || firstBillableFy < firstFy || lastBillableFy > lastFy) {
      fail('billable years lie outside the listed years');
    }
  }
  return [dotted, value('longTitle'), firstFy, lastFy, firstBillableFy, lastBillableFy];
}

/** The file's text: objects spread over lines, arrays of rows one row per line, each row on one line. */
export function serializeIcdTable(table: IcdTableFile): string {
  return `${formatJson(table, '')}\n`;
}

function formatJson(value: unknown, indent: string): string {
  const inner = `${indent}  `;
  if (Array.isArray(value) && value.some((item) => typeof item === 'object' && item !== null)) {
    return `[\n${value.map((item) => inner + compactJson(item)).join(',\n')}\n${indent}]`;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const fields = Object.entries(value).map(
      ([key, item]) => `${inner}${JSON.stringify(key)}: ${formatJson(item, inner)}`,
    );
    return `{\n${fields.join(',\n')}\n${indent}}`;
  }
  return compactJson(value);
}

function compactJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(compactJson).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const fields = Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${compactJson(item)}`);
    return `{ ${fields.join(', ')} }`;
  }
  return JSON.stringify(value);
}

function main(argv: readonly string[]): void {
  const csvPath = argv[0] === undefined ? resolve(REPO_ROOT, DEFAULT_CSV) : resolve(argv[0]);
  const table = buildIcdTable(readFileSync(csvPath, 'utf8'));
  writeFileSync(resolve(REPO_ROOT, OUTPUT), serializeIcdTable(table));
  process.stdout.write(`wrote ${OUTPUT}: ${table.codes.length} codes\n`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`build-icd10cm: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
