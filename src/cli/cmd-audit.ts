import path from 'node:path';
import { auditRecords } from '../audit/audit.js';
import { RULE_CATALOGUE } from '../audit/catalogue.js';
import { auditJson, auditText, type RecordFailure, type RecordReport } from '../audit/report.js';
import { InputError, UsageError } from '../errors.js';
import { expandInputs, loadAll } from '../load/inputs.js';
import { parseLocated } from '../load/located-yaml.js';
import { readInput } from '../load/source.js';
import type { LinkedRecord } from '../model/linked.js';
import { loadProfileRegistry } from '../payers/registry.js';
import type { ResolvedProfile } from '../payers/resolved-profile.js';
import type { CliIo, Command, ExitCode } from './io.js';
import { parseAsOf, parseCommandArgs } from './options.js';

/**
 * `goldthread audit <inputs>... [--format text|json] [--as-of DATE] [--profiles DIR] [--rules]`:
 * audits every record against its payer's profile, together (so cloned text across records is
 * found). Exit 0 when no finding is an error, 1 when one is, 2 when an input could not be read or
 * names an unknown payer (the other records are still audited and reported).
 */
export const audit: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string' },
    'as-of': { type: 'string' },
    profiles: { type: 'string' },
    rules: { type: 'boolean' },
  });
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError('--format must be text or json');
  if (values.rules === true) {
    io.stdout.write(format === 'json' ? `${JSON.stringify(RULE_CATALOGUE, null, 2)}\n` : ruleListing());
    return 0;
  }
  if (positionals.length === 0)
    throw new UsageError('audit needs at least one input (a record file, folder, .ndjson or -)');
  const asOf = parseAsOf(values['as-of'], io.today);
  const registry = await loadProfileRegistry(
    values.profiles === undefined ? { cwd: io.cwd } : { userDir: path.resolve(io.cwd, values.profiles), cwd: io.cwd },
  );
  const outcomes = await loadAll(await expandInputs(positionals, { cwd: io.cwd, readStdin: io.readStdin }));

  // Each input in order: its report, or the index of its record among those audited together.
  const slots: (RecordReport | number)[] = [];
  const batch: { file: string; record: LinkedRecord; profile: ResolvedProfile }[] = [];
  for (const outcome of outcomes) {
    const file = outcome.source.label;
    if (!outcome.ok) {
      slots.push({ kind: 'failed', file, failures: outcome.error.issues });
      continue;
    }
    const { record } = outcome;
    const payer = record.data.coverage.payer;
    let profile: ResolvedProfile;
    try {
      profile = registry.resolve(payer, record.data.plan.effectiveDate);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const failure: RecordFailure = {
        code: 'unknown-payer',
        message: error.message,
        ...(await locatePayer(file, io)),
        path: 'coverage.payer',
      };
      slots.push({ kind: 'failed', file, record: record.data.id, payer, failures: [failure] });
      continue;
    }
    slots.push(batch.length);
    batch.push({ file, record, profile });
  }
  const findings = auditRecords(batch, { asOf });
  const reports = slots.map((slot): RecordReport => {
    if (typeof slot !== 'number') return slot;
    const { file, record, profile } = batch[slot] as (typeof batch)[number];
    return {
      kind: 'audited',
      file,
      record: record.data.id,
      payer: record.data.coverage.payer,
      profile: { id: profile.id, effective: profile.effective },
      findings: findings[slot] ?? [],
    };
  });

  io.stdout.write(
    format === 'json' ? `${JSON.stringify(auditJson(asOf, reports), null, 2)}\n` : auditText(asOf, reports),
  );
  return exitCodeOf(reports);
};

function exitCodeOf(reports: readonly RecordReport[]): ExitCode {
  if (reports.some((r) => r.kind === 'failed')) return 2;
  return reports.some((r) => r.kind === 'audited' && r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

/** The catalogue as a listing: id, default severity and meaning, in aligned columns. */
function ruleListing(): string {
  const width = Math.max(...RULE_CATALOGUE.map((r) => r.id.length));
  return RULE_CATALOGUE.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.summary}\n`).join('');
}

/**
 * Where a record names its payer, for the unknown-payer error: the file is read again to find the
 * line; an NDJSON record is placed at its line, standard input at its start.
 */
async function locatePayer(label: string, io: CliIo): Promise<{ file: string; line: number; column: number }> {
  const ndjson = /^(.*\.ndjson):(\d+)$/.exec(label);
  if (ndjson) return { file: ndjson[1] as string, line: Number(ndjson[2]), column: 1 };
  if (label === '<stdin>') return { file: label, line: 1, column: 1 };
  try {
    const located = parseLocated(await readInput(path.resolve(io.cwd, label)), label);
    return { file: label, ...located.locate(['coverage', 'payer']) };
  } catch {
    // The file loaded a moment ago; if it cannot be read again, its start is the best place to point.
    return { file: label, line: 1, column: 1 };
  }
}
