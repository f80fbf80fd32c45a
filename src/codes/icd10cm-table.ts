/**
 * The committed ICD-10-CM table (`data/icd10cm.json`): its file format and its one-time loading.
 *
 * `scripts/build-icd10cm.ts` writes the file from the shared CC0 subset; this module reads it, checks
 * its shape, and indexes it. The look-ups live in `icd10cm.ts`.
 */
import { readFileSync } from 'node:fs';

/** One ICD-10-CM code and the fiscal years in which the CMS order files list it. */
export interface IcdCode {
  /** The code with its dot after the third character, e.g. `F32.A`; upper case. */
  readonly code: string;
  /** The latest long title (the FY of `lastFy`). */
  readonly title: string;
  /** First fiscal year whose order file lists the code. */
  readonly firstFy: number;
  /** Last fiscal year whose order file lists the code. */
  readonly lastFy: number;
  /** First fiscal year in which the code was billable; null when it never was. */
  readonly firstBillableFy: number | null;
  /** Last fiscal year in which the code was billable; null when it never was. */
  readonly lastBillableFy: number | null;
}

/** A range of codes the table holds completely: every code starting with `prefix` (dotless). */
export interface IcdCoverage {
  readonly prefix: string;
  /** When set, only codes of fewer than 7 characters or whose 7th character is this one. */
  readonly seventhCharacter?: string;
}

/** Whether a dotless code lies in a coverage range. */
export function isCoveredBy(bareCode: string, range: IcdCoverage): boolean {
  if (!bareCode.startsWith(range.prefix)) return false;
  return range.seventhCharacter === undefined || bareCode.length < 7 || bareCode[6] === range.seventhCharacter;
}

/** Where the table came from, written into the file by the build script. */
export interface IcdProvenance {
  readonly description: string;
  readonly source: {
    readonly repository: string;
    readonly path: string;
    readonly commit: string;
    readonly publisher: string;
    readonly upstream: string;
  };
  readonly license: string;
  readonly extracted: string;
  readonly inputFile: string;
  readonly inputSha256: string;
  readonly generator: string;
  readonly rowCount: number;
  readonly fiscalYears: { readonly first: number; readonly last: number };
  readonly coverage: readonly IcdCoverage[];
}

/** A row of the `codes` array, in the order of {@link ICD_TABLE_COLUMNS}. */
export type IcdRow = readonly [string, string, number, number, number | null, number | null];

/** The column names the file declares, in order. */
export const ICD_TABLE_COLUMNS = ['code', 'title', 'firstFy', 'lastFy', 'firstBillableFy', 'lastBillableFy'] as const;

/** The whole `data/icd10cm.json` file. */
export interface IcdTableFile {
  readonly provenance: IcdProvenance;
  readonly columns: typeof ICD_TABLE_COLUMNS;
  readonly codes: readonly IcdRow[];
}

/** The loaded table, indexed for look-ups. */
export interface IcdTable {
  readonly provenance: IcdProvenance;
  readonly byCode: ReadonlyMap<string, IcdCode>;
  /** Codes by 3-character category, in table order. */
  readonly byCategory: ReadonlyMap<string, readonly IcdCode[]>;
}

const TABLE_URL = new URL('../../data/icd10cm.json', import.meta.url);

let loaded: IcdTable | undefined;

/** The table, read from `data/icd10cm.json` on first use and kept for the life of the process. */
export function icdTable(): IcdTable {
  loaded ??= indexIcdTable(JSON.parse(readFileSync(TABLE_URL, 'utf8')) as unknown);
  return loaded;
}

/** Checks the parsed file's shape and indexes it; throws when the file is not what the build writes. */
export function indexIcdTable(file: unknown): IcdTable {
  const table = file as Partial<IcdTableFile> | null;
  if (
    table === null ||
    typeof table !== 'object' ||
    typeof table.provenance !== 'object' ||
    !Array.isArray(table.codes) ||
    JSON.stringify(table.columns) !== JSON.stringify(ICD_TABLE_COLUMNS)
  ) {
    throw new Error('data/icd10cm.json is not an ICD-10-CM table; rebuild it with npm run codes:build');
  }
  const byCode = new Map<string, IcdCode>();
  const byCategory = new Map<string, IcdCode[]>();
  table.codes.forEach((row, index) => {
    const entry = toIcdCode(row, index);
    byCode.set(entry.code, entry);
    const category = entry.code.slice(0, 3);
    const siblings = byCategory.get(category) ?? [];
    siblings.push(entry);
    byCategory.set(category, siblings);
  });
  return { provenance: table.provenance as IcdProvenance, byCode, byCategory };
}

function toIcdCode(row: unknown, index: number): IcdCode {
  const isYear = (value: unknown): value is number => Number.isInteger(value);
  const isOptionalYear = (value: unknown): value is number | null => value === null || isYear(value);
  const cells: readonly unknown[] = Array.isArray(row) && row.length === ICD_TABLE_COLUMNS.length ? row : [];
  const [code, title, firstFy, lastFy, firstBillableFy, lastBillableFy] = cells;
  if (
    typeof code !== 'string' ||
    typeof title !== 'string' ||
    !isYear(firstFy) ||
    !isYear(lastFy) ||
    !isOptionalYear(firstBillableFy) ||
    !isOptionalYear(lastBillableFy)
  ) {
    throw new Error(`data/icd10cm.json: codes[${index}] is not a valid row; rebuild the table`);
  }
  return { code, title, firstFy, lastFy, firstBillableFy, lastBillableFy };
}
