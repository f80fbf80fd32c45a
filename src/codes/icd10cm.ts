/**
 * ICD-10-CM look-ups: is a code known, billable, valid on a date, unspecified, a Z code.
 *
 * The table (`data/icd10cm.json`) covers the behavioral-health ranges for FY2016-FY2027. A code from
 * outside those ranges (E11.9, G30.9, ...) is reported as `outside-table`, not as unknown: the table
 * cannot say whether it is valid.
 */
import { type IcdCode, icdTable, isCoveredBy } from './icd10cm-table.js';

export type { IcdCode } from './icd10cm-table.js';

/** What the table says about a code on a date. */
export type IcdStatus =
  /** Billable at full specificity in that fiscal year. */
  | { readonly kind: 'billable'; readonly entry: IcdCode }
  /** Listed that year but not billable: a category or subcategory that needs more characters. */
  | { readonly kind: 'header'; readonly entry: IcdCode }
  /** Not yet in the code set that year: it was added in `firstFy`. */
  | { readonly kind: 'added-later'; readonly entry: IcdCode; readonly firstFy: number }
  /** No longer in the code set that year: it was last listed in `lastFy`. */
  | { readonly kind: 'deleted'; readonly entry: IcdCode; readonly lastFy: number }
  /** Not an ICD-10-CM code: malformed, or absent from a range the table holds in full. */
  | { readonly kind: 'unknown' }
  /** Shaped like a code but in a range the table does not hold, so its validity is not known. */
  | { readonly kind: 'outside-table' };

// A dot, when written, comes right after the category's three characters.
const CODE_SHAPE = /^[A-Z][0-9][0-9A-Z](?:\.?[0-9A-Z]{1,4})?$/;
const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The ICD-10-CM fiscal year of a `YYYY-MM-DD` date: FY N runs 1 October N-1 to 30 September N. */
export function fiscalYearOf(date: string): number {
  const match = DATE_SHAPE.exec(date);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  if (!match || parsed.getUTCMonth() !== month - 1 || parsed.getUTCDate() !== day) {
    throw new RangeError('fiscalYearOf expects a calendar date written YYYY-MM-DD');
  }
  return month >= 10 ? year + 1 : year;
}

/** The fiscal years the table spans (FY2016-FY2027 for the current data). */
export function icdTableFiscalYears(): { readonly first: number; readonly last: number } {
  return icdTable().provenance.fiscalYears;
}

/** The dotted, upper-case form of a code (`f411` and `F41.1` give `F41.1`), or undefined if malformed. */
export function normalizeIcd(code: string): string | undefined {
  const upper = code.trim().toUpperCase();
  if (!CODE_SHAPE.test(upper)) return undefined;
  const bare = upper.replace('.', '');
  return bare.length > 3 ? `${bare.slice(0, 3)}.${bare.slice(3)}` : bare;
}

/** The table's entry for a code, written with or without its dot, in any case. */
export function lookupIcd(code: string): IcdCode | undefined {
  const normalized = normalizeIcd(code);
  return normalized === undefined ? undefined : icdTable().byCode.get(normalized);
}

/**
 * The status of a code on a `YYYY-MM-DD` date (throws a RangeError for any other date). Dates after
 * the table's last fiscal year are judged by that year, the newest code set the table knows; see
 * {@link icdTableFiscalYears}.
 */
export function icdStatusOn(code: string, date: string): IcdStatus {
  const fiscalYear = Math.min(fiscalYearOf(date), icdTableFiscalYears().last);
  const normalized = normalizeIcd(code);
  if (normalized === undefined) return { kind: 'unknown' };
  const entry = icdTable().byCode.get(normalized);
  if (entry === undefined) {
    const coverage = icdTable().provenance.coverage;
    return coverage.some((range) => isCoveredBy(normalized.replace('.', ''), range))
      ? { kind: 'unknown' }
      : { kind: 'outside-table' };
  }
  return icdEntryStatusIn(entry, fiscalYear);
}

/** The status of a table entry in a fiscal year. */
export function icdEntryStatusIn(entry: IcdCode, fiscalYear: number): IcdStatus {
  if (fiscalYear < entry.firstFy) return { kind: 'added-later', entry, firstFy: entry.firstFy };
  if (fiscalYear > entry.lastFy) return { kind: 'deleted', entry, lastFy: entry.lastFy };
  const { firstBillableFy, lastBillableFy } = entry;
  const billable =
    firstBillableFy !== null &&
    lastBillableFy !== null &&
    firstBillableFy <= fiscalYear &&
    fiscalYear <= lastBillableFy;
  return billable ? { kind: 'billable', entry } : { kind: 'header', entry };
}

/** Whether a code is billable in the fiscal year of the date (a plan or session date). */
export function isIcdValidOn(code: string, date: string): boolean {
  return icdStatusOn(code, date).kind === 'billable';
}

/** Whether a code is billable on the date, or in the table's newest fiscal year when no date is given. */
export function isIcdBillable(code: string, date?: string): boolean {
  return statusOnOrLatest(code, date).kind === 'billable';
}

/** Whether a code is a header (listed but not billable) on the date, or in the newest fiscal year. */
export function isIcdHeader(code: string, date?: string): boolean {
  return statusOnOrLatest(code, date).kind === 'header';
}

/** Codes that are catch-alls whatever their title says (F99's title reads "not otherwise specified"). */
const ALWAYS_UNSPECIFIED: ReadonlySet<string> = new Set(['F32.A', 'F39', 'F99']);

/**
 * Whether a billable code is an "unspecified" code for which a more specific one exists: F32.A, F39,
 * F99, and any code whose title says "unspecified" that either has a billable sibling in its category
 * (F32.9, F41.9, F43.10, F43.20) or is a three-character catch-all of its block (F09, F29).
 */
export function isUnspecifiedIcd(code: string): boolean {
  const entry = lookupIcd(code);
  // A header is never a valid diagnosis; `codes/icd-not-billable` reports it, not this.
  if (entry === undefined || entry.firstBillableFy === null) return false;
  if (ALWAYS_UNSPECIFIED.has(entry.code)) return true;
  if (!/\bunspecified\b/i.test(entry.title)) return false;
  if (entry.code.length === 3) return true;
  const siblings = icdTable().byCategory.get(entry.code.slice(0, 3)) ?? [];
  return siblings.some((sibling) => sibling !== entry && sibling.firstBillableFy !== null);
}

/** Whether a code is a Z code (factors influencing health status, not a disorder). */
export function isZCode(code: string): boolean {
  return normalizeIcd(code)?.startsWith('Z') ?? false;
}

function statusOnOrLatest(code: string, date: string | undefined): IcdStatus {
  if (date !== undefined) return icdStatusOn(code, date);
  const entry = lookupIcd(code);
  return entry === undefined ? { kind: 'unknown' } : icdEntryStatusIn(entry, icdTableFiscalYears().last);
}
