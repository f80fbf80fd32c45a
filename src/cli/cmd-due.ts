import path from 'node:path';
import { InputError, LoadError, UsageError } from '../errors.js';
import { expandInputs } from '../load/inputs.js';
import { addDays, daysBetween } from '../model/dates.js';
import { loadProfileRegistry } from '../payers/registry.js';
import { reviewDueDate } from '../payers/review-schedule.js';
import type { Command, ExitCode } from './io.js';
import { parseAsOf, parseCommandArgs } from './options.js';

/** One record whose plan review is due: ids, dates and the payer, never patient data. */
export interface DueEntry {
  readonly file: string;
  readonly record: string;
  readonly payer: string;
  readonly planDate: string;
  readonly dueDate: string;
  /** Days from the as-of date to the due date; negative when overdue. */
  readonly daysLeft: number;
  readonly status: 'overdue' | 'due';
}

const CSV_COLUMNS = ['record', 'file', 'payer', 'planDate', 'dueDate', 'daysLeft', 'status'] as const;

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * `goldthread due <inputs>...`: the open episodes whose plan review is due by the as-of date plus
 * `--within` days (default 0: due or overdue today), by each payer's cadence. Sorted most overdue
 * first. Its record column feeds a batch of plan reviews (docs/batch.md).
 */
export const due: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs(args, {
    'as-of': { type: 'string' },
    within: { type: 'string' },
    format: { type: 'string' },
    profiles: { type: 'string' },
  });
  if (positionals.length === 0)
    throw new UsageError('due needs at least one input (a record file, folder, .ndjson or -)');
  const asOf = parseAsOf(values['as-of'], io.today);
  const within = values.within === undefined ? 0 : Number(values.within);
  if (!Number.isInteger(within) || within < 0)
    throw new UsageError('--within takes a whole number of days (0 or more)');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'csv')
    throw new UsageError('--format must be text, json or csv');
  const registry = await loadProfileRegistry({
    cwd: io.cwd,
    ...(values.profiles ? { userDir: path.resolve(io.cwd, values.profiles) } : {}),
  });
  const horizon = addDays(asOf, within);

  let exit: ExitCode = 0;
  const entries: DueEntry[] = [];
  for (const source of await expandInputs(positionals, { cwd: io.cwd, readStdin: io.readStdin })) {
    try {
      const record = await source.load();
      if (record.data.discharge) continue;
      const profile = registry.resolve(record.data.coverage.payer, record.data.plan.effectiveDate);
      const dueDate = reviewDueDate(record, profile);
      if (dueDate > horizon) continue;
      const daysLeft = daysBetween(asOf, dueDate);
      entries.push({
        file: source.label,
        record: record.data.id,
        payer: profile.id,
        planDate: record.data.plan.effectiveDate,
        dueDate,
        daysLeft,
        status: daysLeft < 0 ? 'overdue' : 'due',
      });
    } catch (error) {
      if (!(error instanceof LoadError || error instanceof InputError)) throw error;
      io.stderr.write(error instanceof LoadError ? `${error.message}\n` : `${source.label}: ${error.message}\n`);
      exit = 2;
    }
  }
  entries.sort((a, b) => a.daysLeft - b.daysLeft || (a.record < b.record ? -1 : 1));

  if (format === 'json') {
    io.stdout.write(`${JSON.stringify({ asOf, within, records: entries }, null, 2)}\n`);
  } else if (format === 'csv') {
    io.stdout.write(`${CSV_COLUMNS.join(',')}\n`);
    for (const e of entries) io.stdout.write(`${CSV_COLUMNS.map((c) => csvCell(e[c])).join(',')}\n`);
  } else {
    for (const e of entries) {
      const when =
        e.daysLeft < 0 ? `${-e.daysLeft} days overdue` : e.daysLeft === 0 ? 'due today' : `due in ${e.daysLeft} days`;
      io.stdout.write(`${e.record}\t${e.payer}\treview ${e.dueDate}\t${when}\t${e.file}\n`);
    }
    io.stderr.write(`${entries.length} record(s) with a plan review due by ${horizon} (as of ${asOf})\n`);
  }
  return exit;
};
