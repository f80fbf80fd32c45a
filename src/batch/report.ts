import path from 'node:path';
import type { DocKind } from '../compose/tree.js';
import type { OutputFormat } from '../pipeline/render-record.js';
import { writeFileAtomic } from '../render/write-output.js';
import type { Failure, OutcomeStatus, RefusalReason } from './outcome.js';
import type { BatchResult } from './run-batch.js';
import type { Shard } from './shard.js';

/**
 * The batch report: one entry per input of the shard, in input order, saying what became of it.
 * It holds labels, ids, paths, hashes, rule ids and codes: never a record's values. It has no
 * times in it, so the same batch over the same outputs gives the same report.
 */
export interface BatchReport {
  readonly format: 'goldthread/batch-report@1';
  readonly tool: string;
  readonly docKind: DocKind;
  readonly formats: readonly OutputFormat[];
  readonly asOf: string;
  readonly allowDraft: boolean;
  /** `i/n`, or null when the batch was not sharded. */
  readonly shard: string | null;
  readonly summary: Readonly<Record<OutcomeStatus, number>> & {
    /** Inputs listed, in every shard. */
    readonly inputs: number;
    /** Records of this shard: rendered + skipped + refused + failed. */
    readonly records: number;
    readonly otherShards: number;
  };
  readonly records: readonly ReportRecord[];
}

/** One input. Paths are relative to the working folder when inside it. */
export interface ReportRecord {
  readonly input: string;
  readonly id?: string;
  readonly status: OutcomeStatus;
  readonly draft?: boolean;
  readonly outputs?: readonly { readonly format: OutputFormat; readonly path: string; readonly sha256: string }[];
  /** Refused: the audit errors. */
  readonly errors?: readonly RefusalReason[];
  readonly failure?: Failure;
}

/** What the report says about the run besides the outcomes. */
export interface ReportContext {
  readonly cwd: string;
  readonly docKind: DocKind;
  readonly formats: readonly OutputFormat[];
  readonly asOf: string;
  readonly allowDraft: boolean;
  readonly shard: Shard | undefined;
}

function relative(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** Builds the report of a batch. */
export function buildReport(result: BatchResult, context: ReportContext): BatchReport {
  const summary = { rendered: 0, skipped: 0, refused: 0, failed: 0 };
  const records = result.outcomes.map((outcome): ReportRecord => {
    summary[outcome.status] += 1;
    const base = {
      input: outcome.label,
      ...(outcome.id !== undefined ? { id: outcome.id } : {}),
      status: outcome.status,
    };
    switch (outcome.status) {
      case 'rendered':
      case 'skipped':
        return {
          ...base,
          draft: outcome.draft,
          outputs: outcome.outputs.map((o) => ({
            format: o.format,
            path: relative(context.cwd, o.file),
            sha256: o.sha256,
          })),
        };
      case 'refused':
        return { ...base, errors: outcome.errors };
      case 'failed': {
        const { failure } = outcome;
        // A write failure names the output file; keep it relative like the outputs.
        const file =
          failure.code === 'write-failed' && failure.file ? relative(context.cwd, failure.file) : failure.file;
        return { ...base, failure: { ...failure, ...(file !== undefined ? { file } : {}) } };
      }
    }
  });
  return {
    format: 'goldthread/batch-report@1',
    tool: result.tool,
    docKind: context.docKind,
    formats: context.formats,
    asOf: context.asOf,
    allowDraft: context.allowDraft,
    shard: context.shard ? `${context.shard.index}/${context.shard.count}` : null,
    summary: { inputs: result.inputCount, records: records.length, otherShards: result.otherShards, ...summary },
    records,
  };
}

const CSV_COLUMNS = [
  'input',
  'id',
  'status',
  'draft',
  'outputs',
  'sha256',
  'audit_errors',
  'failure_code',
  'failure_file',
  'failure_line',
  'failure_column',
  'failure_path',
  'failure_detail',
] as const;

/**
 * One CSV cell. Quoted when it must be; a cell a spreadsheet would run as a formula (starting
 * with = + - @ or a control character) gets a leading apostrophe, as OWASP advises for CSV files.
 */
function csvCell(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The report as CSV: a header and one row per input; lists within a cell are space-separated. */
export function reportCsv(report: BatchReport): string {
  const rows = report.records.map((r) => {
    const f = r.failure;
    const cells: Record<(typeof CSV_COLUMNS)[number], string | number | boolean | undefined> = {
      input: r.input,
      id: r.id,
      status: r.status,
      draft: r.draft,
      outputs: r.outputs?.map((o) => o.path).join(' '),
      sha256: r.outputs?.map((o) => o.sha256).join(' '),
      audit_errors: r.errors?.map((e) => e.rule).join(' '),
      failure_code: f?.code,
      failure_file: f?.file,
      failure_line: f?.line,
      failure_column: f?.column,
      failure_path: f?.path,
      failure_detail: f?.detail,
    };
    return CSV_COLUMNS.map((c) => csvCell(cells[c])).join(',');
  });
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

/**
 * Writes the report: JSON at `file`; when `file` ends in `.csv`, the CSV there and the JSON beside
 * it (same name, `.json`). Returns the files written. Written atomically, mode 0600.
 */
export async function writeReport(file: string, report: BatchReport): Promise<string[]> {
  const json = `${JSON.stringify(report, null, 2)}\n`;
  if (!file.toLowerCase().endsWith('.csv')) {
    await writeFileAtomic(file, json);
    return [file];
  }
  const jsonFile = `${file.slice(0, -'.csv'.length)}.json`;
  await writeFileAtomic(file, reportCsv(report));
  await writeFileAtomic(jsonFile, json);
  return [file, jsonFile];
}
