import path from 'node:path';
import { ProgressDisplay } from '../batch/progress.js';
import { buildReport, writeReport } from '../batch/report.js';
import { DEFAULT_TIMEOUT_MS, runBatch } from '../batch/run-batch.js';
import { parseShard } from '../batch/shard.js';
import { UsageError } from '../errors.js';
import { describeFsError } from '../load/source.js';
import type { Command } from './io.js';
import { parseAsOf, parseCommandArgs, parseDocKind, parseFormats } from './options.js';

function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const jobs = Number(value);
  if (!/^\d{1,4}$/.test(value) || jobs < 1 || jobs > 1024)
    throw new UsageError('--jobs takes a whole number from 1 to 1024');
  return jobs;
}

/** `--timeout SECONDS`: a positive number of seconds (fractions allowed), at most a day. */
function parseTimeout(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TIMEOUT_MS;
  const seconds = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || seconds <= 0 || seconds > 86_400) {
    throw new UsageError('--timeout takes a number of seconds greater than 0 and at most 86400');
  }
  return seconds * 1000;
}

/**
 * `goldthread batch <inputs>... --out DIR`: renders many records on worker threads, skipping
 * those whose documents are up to date, and accounts for every input in the summary and the
 * report. Exit 1 when any record was refused or failed, 2 when the batch could not run.
 */
export const batch: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs(args, {
    out: { type: 'string' },
    doc: { type: 'string' },
    format: { type: 'string' },
    jobs: { type: 'string' },
    report: { type: 'string' },
    'as-of': { type: 'string' },
    profiles: { type: 'string' },
    'allow-draft': { type: 'boolean' },
    force: { type: 'boolean' },
    shard: { type: 'string' },
    timeout: { type: 'string' },
  });
  if (positionals.length === 0)
    throw new UsageError('batch needs at least one input (a record file, folder, .ndjson or -)');
  if (values.out === undefined) throw new UsageError('batch needs --out DIR, the folder the documents go to');
  const kind = parseDocKind(values.doc);
  const formats = parseFormats(values.format);
  const asOf = parseAsOf(values['as-of'], io.today);
  const jobs = parseJobs(values.jobs);
  const timeoutMs = parseTimeout(values.timeout);
  const shard = parseShard(values.shard);
  const allowDraft = values['allow-draft'] === true;
  const reportFile = values.report === undefined ? undefined : path.resolve(io.cwd, values.report);

  const display = new ProgressDisplay(io.stderr, reportFile === undefined);
  const result = await runBatch({
    inputs: positionals,
    cwd: io.cwd,
    readStdin: io.readStdin,
    outDir: path.resolve(io.cwd, values.out),
    kind,
    formats,
    asOf,
    allowDraft,
    force: values.force === true,
    timeoutMs,
    ...(jobs !== undefined ? { jobs } : {}),
    ...(shard !== undefined ? { shard } : {}),
    ...(values.profiles !== undefined ? { profilesDir: path.resolve(io.cwd, values.profiles) } : {}),
    onProgress: (p) => display.progress(p),
    onOutcome: (o) => display.outcome(o),
  });

  const report = buildReport(result, { cwd: io.cwd, docKind: kind, formats, asOf, allowDraft, shard });
  const { rendered, skipped, refused, failed } = report.summary;
  const progress = { rendered, skipped, refused, failed, total: report.summary.records, done: report.summary.records };
  let written: string[] = [];
  let reportError: string | undefined;
  if (reportFile !== undefined) {
    try {
      written = await writeReport(reportFile, report);
    } catch (error) {
      reportError = describeFsError(error);
    }
  }
  const where = written.map((f) => path.relative(io.cwd, f) || f).join(' and ');
  display.finish(result.otherShards, written.length > 0 ? `; report: ${where}` : '', {
    ...progress,
    elapsedMs: result.elapsedMs,
  });
  if (result.manifestError !== undefined) {
    io.stderr.write(
      `goldthread: could not update the batch manifest in the output folder (${result.manifestError}); a rerun will render these records again\n`,
    );
  }
  if (reportError !== undefined) {
    io.stderr.write(`goldthread: could not write the report ${values.report} (${reportError})\n`);
    return 2;
  }
  return refused + failed > 0 ? 1 : 0;
};
