import path from 'node:path';
import type { RecordOutcome } from '../batch/outcome.js';
import { ProgressDisplay } from '../batch/progress.js';
import { buildReport, writeReport } from '../batch/report.js';
import { DEFAULT_TIMEOUT_MS, runBatch } from '../batch/run-batch.js';
import { parseShard } from '../batch/shard.js';
import type { DocKind } from '../compose/tree.js';
import { InputError, UsageError } from '../errors.js';
import { describeFsError } from '../load/source.js';
import { appendTrail, checkTrailWritable, type TrailEntry } from '../pipeline/audit-trail.js';
import { toolVersion } from '../version.js';
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
 * The audit trail of a batch: one line per input as its outcome arrives (HIPAA audit controls),
 * ids and hashes only. Appends are chained so lines keep the order outcomes arrived in.
 */
async function batchTrail(file: string, kind: DocKind) {
  const version = await toolVersion();
  let chain: Promise<void> = Promise.resolve();
  let failure: unknown;
  return {
    record(outcome: RecordOutcome): void {
      const base = {
        time: new Date().toISOString(),
        tool: 'goldthread',
        version,
        command: 'batch',
        input: outcome.label,
        document: kind,
      } as const;
      const entry: TrailEntry =
        outcome.status === 'failed'
          ? {
              ...base,
              record: outcome.id ?? null,
              result: 'failed',
              profile: null,
              sha256: { record: null, profile: null, templates: '', outputs: {} },
              reason: {
                code: outcome.failure.code,
                ...(outcome.failure.line !== undefined ? { line: outcome.failure.line } : {}),
                ...(outcome.failure.column !== undefined ? { column: outcome.failure.column } : {}),
                ...(outcome.failure.path !== undefined ? { path: outcome.failure.path } : {}),
              },
            }
          : {
              ...base,
              record: outcome.id,
              result:
                outcome.status === 'refused'
                  ? 'refused'
                  : outcome.status === 'skipped'
                    ? 'skipped'
                    : outcome.draft
                      ? 'draft'
                      : 'rendered',
              profile: null,
              sha256: {
                record: outcome.hashes.record,
                profile: outcome.hashes.profile,
                templates: outcome.hashes.templates,
                outputs:
                  outcome.status === 'refused'
                    ? {}
                    : Object.fromEntries(outcome.outputs.map((o) => [path.basename(o.file), o.sha256])),
              },
              ...(outcome.status === 'refused'
                ? { reason: { rules: [...new Set(outcome.errors.map((e) => e.rule))] } }
                : {}),
            };
      chain = chain
        .then(() => appendTrail(file, entry))
        .catch((error: unknown) => {
          failure ??= error;
        });
    },
    async flush(): Promise<void> {
      await chain;
      if (failure !== undefined)
        throw new InputError(`could not append to the audit log (${describeFsError(failure)})`);
    },
  };
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
    'audit-log': { type: 'string' },
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

  const trailFile = values['audit-log'] === undefined ? undefined : path.resolve(io.cwd, values['audit-log']);
  if (trailFile !== undefined) await checkTrailWritable(trailFile, values['audit-log'] ?? '');
  const trail = trailFile === undefined ? undefined : await batchTrail(trailFile, kind);

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
    onOutcome: (o) => {
      display.outcome(o);
      trail?.record(o);
    },
  });
  await trail?.flush();

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
