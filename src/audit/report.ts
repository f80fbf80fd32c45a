import type { Finding } from '../model/finding.js';
import { countBySeverity } from './audit.js';
import type { Severity } from './catalogue.js';

/**
 * An audit run as data and as the two outputs of `goldthread audit`: the JSON object
 * ../shared/contract/audit-rules.md specifies, and text a person scans in seconds.
 */

/** Why a record could not be audited: a load error's first issue, or an unknown payer. */
export interface RecordFailure {
  readonly code: string;
  readonly message: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly path: string;
}

/** One input of the run: audited, with its findings, or failed, with why. */
export type RecordReport =
  | {
      readonly kind: 'audited';
      readonly file: string;
      readonly record: string;
      readonly payer: string;
      readonly profile: { readonly id: string; readonly effective: string };
      readonly findings: readonly Finding[];
    }
  | {
      readonly kind: 'failed';
      readonly file: string;
      readonly record?: string;
      readonly payer?: string;
      /** Every problem found; the JSON output carries the first. */
      readonly failures: readonly RecordFailure[];
    };

type Counts = Record<Severity, number>;

/** The JSON output: one object for the whole run, keys in the contract's order. */
export function auditJson(asOf: string, reports: readonly RecordReport[]): unknown {
  const total: Counts = { error: 0, warning: 0, info: 0 };
  const records = reports.map((report) => {
    if (report.kind === 'failed') {
      const first = report.failures[0];
      return {
        file: report.file,
        ...(report.record === undefined ? {} : { record: report.record }),
        ...(report.payer === undefined ? {} : { payer: report.payer }),
        error: first && {
          code: first.code,
          message: first.message,
          file: first.file,
          line: first.line,
          column: first.column,
          path: first.path,
        },
      };
    }
    const summary = countBySeverity(report.findings);
    for (const severity of ['error', 'warning', 'info'] as const) total[severity] += summary[severity];
    return {
      file: report.file,
      record: report.record,
      payer: report.payer,
      profile: { id: report.profile.id, effective: report.profile.effective },
      findings: report.findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        path: f.path,
        message: f.message,
        ...(f.source === undefined ? {} : { source: f.source }),
        ...(f.hint === undefined ? {} : { hint: f.hint }),
      })),
      summary,
    };
  });
  return { asOf, records, summary: { records: reports.length, ...total } };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 || word === 'info' ? '' : 's'}`;

/** A record's findings as text: `file: severity rule path - message`, the hint indented below. */
export function formatFindings(file: string, findings: readonly Finding[]): string {
  return findings
    .map((f) => `${file}: ${f.severity} ${f.rule} ${f.path} - ${f.message}\n${f.hint ? `    hint: ${f.hint}\n` : ''}`)
    .join('');
}

/** The text output: each record's findings (errors first), a line for a clean record, and a summary. */
export function auditText(asOf: string, reports: readonly RecordReport[]): string {
  const total: Counts = { error: 0, warning: 0, info: 0 };
  const blocks = reports.map((report) => {
    if (report.kind === 'failed') {
      return report.failures
        .map((f) => `${f.file}:${f.line}:${f.column}: error ${f.code} ${f.path || '(file)'} - ${f.message}\n`)
        .join('');
    }
    const counts = countBySeverity(report.findings);
    for (const severity of ['error', 'warning', 'info'] as const) total[severity] += counts[severity];
    if (report.findings.length === 0) return `${report.file}: ok - no findings (${report.record}, ${report.payer})\n`;
    return formatFindings(report.file, report.findings);
  });
  const failed = reports.filter((r) => r.kind === 'failed').length;
  const audited = reports.length - failed;
  const summary =
    `${plural(audited, 'record')} audited as of ${asOf}: ` +
    `${plural(total.error, 'error')}, ${plural(total.warning, 'warning')}, ${plural(total.info, 'info')}` +
    (failed > 0 ? `; ${plural(failed, 'input')} could not be read` : '') +
    '.\n';
  // A blank line around each record with findings keeps its group visible at a glance; clean records stay one line each.
  const body = blocks
    .map((block, i) => {
      const grouped = block.split('\n').length > 2 || (blocks[i - 1] ?? '').split('\n').length > 2;
      return i > 0 && grouped ? `\n${block}` : block;
    })
    .join('');
  return `${body}\n${summary}`;
}
