import os from 'node:os';
import type { DocKind } from '../compose/tree.js';
import { LoadError, type LoadIssue } from '../errors.js';
import type { OutputFormat } from '../pipeline/render-record.js';
import { ensureDir } from '../render/write-output.js';
import { toolVersion } from '../version.js';
import { BUILT_IN_TEMPLATES_DIR, profilesSha256, sha256Hex, templatesSha256 } from './fingerprint.js';
import { type BatchInput, InputReader, listBatchInputs, textOrigin } from './inputs.js';
import { journalName, Manifest, removeStaleTemps, sameInputs, upToDateEntries } from './manifest.js';
import { documentsOutcome, type Failure, type OutcomeStatus, type RecordOutcome } from './outcome.js';
import { type TaskResult, WorkerPool, WorkerStartError } from './pool.js';
import { batchRecordId } from './record-id.js';
import type { BatchSettings, RecordJob, RecordJobResult } from './record-job.js';
import { inShard, type Shard } from './shard.js';

/** What a batch renders, from where to where, and how. */
export interface BatchOptions {
  readonly inputs: readonly string[];
  /** Inputs are resolved and labelled against this folder. */
  readonly cwd: string;
  readonly readStdin: () => Promise<Uint8Array>;
  /** Absolute. */
  readonly outDir: string;
  readonly kind: DocKind;
  readonly formats: readonly OutputFormat[];
  readonly asOf: string;
  readonly allowDraft: boolean;
  /** Render even where the manifest shows the documents are up to date. */
  readonly force: boolean;
  /** Worker threads; default the number of cores. */
  readonly jobs?: number;
  /** Per-record time limit in milliseconds; default 60 s. */
  readonly timeoutMs?: number;
  readonly shard?: Shard;
  readonly profilesDir?: string;
  /** Called after each record with the running counts. */
  readonly onProgress?: (progress: BatchProgress) => void;
  /** Called with each record's outcome as it is known (not in input order). */
  readonly onOutcome?: (outcome: RecordOutcome) => void;
  /** The compiled worker script; defaults to worker.js beside this module. */
  readonly workerScript?: URL;
}

/** Running counts of a batch. */
export interface BatchProgress extends Readonly<Record<OutcomeStatus, number>> {
  /** Records in this batch (in this shard). */
  readonly total: number;
  readonly done: number;
  readonly elapsedMs: number;
}

/** What a batch did: one outcome per record of its shard, in input order. */
export interface BatchResult {
  readonly outcomes: readonly RecordOutcome[];
  /** Inputs listed, in every shard. */
  readonly inputCount: number;
  /** Inputs left to other shards. */
  readonly otherShards: number;
  readonly elapsedMs: number;
  readonly tool: string;
  /** Temporary files of killed runs removed from the output folder. */
  readonly staleTempsRemoved: number;
  /** Worker threads started, replacements for timed-out or crashed ones included. */
  readonly workersStarted: number;
  /** The system error code if the manifest could not be written (the next run then re-renders). */
  readonly manifestError?: string;
}

export const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * Each worker's old-generation heap limit. Without one, V8 sizes a worker's heap from the
 * machine's memory and lets it grow lazily: a 120-record batch peaked at ~430 MB (and 10,000
 * records at ~600 MB) against ~250-265 MB with a limit, for the same CPU time within noise.
 * A gigabyte is far above what a record needs (a few tens of MB) and bounds a runaway one: its
 * worker is replaced and the record reported as `worker-crashed`.
 */
const WORKER_OLD_GENERATION_MB = 1024;

/** A record the main thread has looked at: its id (to shard, deduplicate and skip) or why it failed. */
type Scanned =
  | { readonly input: BatchInput; readonly id: string; readonly recordSha256: string }
  | { readonly input: BatchInput; readonly failure: Failure; readonly id?: string };

function loadFailure(error: LoadError): Failure {
  const { message: _message, ...first } = error.first;
  return { ...first, problems: error.issues.length };
}

/**
 * Reads every input once, cheaply: its text, hash and id (from the `id:` line; a full load only
 * when the id is written some other way), keeping only those in the shard. A duplicate id fails
 * the later input. Texts are not kept: a batch of 10,000 records would hold them all.
 */
async function scanInputs(inputs: readonly BatchInput[], reader: InputReader, shard: Shard | undefined) {
  const scanned: Scanned[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    let item: Scanned;
    try {
      const text = await reader.read(input);
      const id = await batchRecordId(text, textOrigin(input));
      item = { input, id, recordSha256: sha256Hex(text) };
    } catch (error) {
      if (!(error instanceof LoadError)) throw error;
      item = { input, failure: loadFailure(error) };
    }
    // An input that cannot be read has no id: its label decides its shard.
    if (!inShard('failure' in item ? input.label : item.id, shard)) continue;
    if (!('failure' in item)) {
      if (seen.has(item.id)) {
        const detail = 'another input of this batch has the same record id';
        item = { input, id: item.id, failure: { code: 'duplicate-record-id', file: input.label, path: 'id', detail } };
      } else seen.add(item.id);
    }
    scanned.push(item);
  }
  return scanned;
}

function taskOutcome(label: string, id: string, result: TaskResult<RecordJobResult>, timeoutMs: number): RecordOutcome {
  const fail = (failure: Failure): RecordOutcome => ({ status: 'failed', label, id, failure });
  switch (result.kind) {
    case 'done':
      return result.value.outcome;
    case 'timeout':
      return fail({ code: 'timeout', file: label, detail: `stopped after ${timeoutMs / 1000} s` });
    case 'crashed':
      return fail({ code: 'worker-crashed', file: label, detail: result.detail });
    case 'error':
      return fail({ code: 'internal', file: label, detail: result.detail });
  }
}

/**
 * Renders many records in parallel on worker threads. Every input ends in one outcome (rendered,
 * skipped as up to date, refused by the audit, or failed); one bad record never stops the others.
 * Throws only when the batch cannot run at all (LoadError for a bad --profiles folder).
 */
export async function runBatch(options: BatchOptions): Promise<BatchResult> {
  const started = performance.now();
  const jobs = Math.max(1, options.jobs ?? os.availableParallelism());
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const { outDir, kind, formats } = options;
  const settings: BatchSettings = {
    outDir,
    kind,
    formats,
    asOf: options.asOf,
    allowDraft: options.allowDraft,
    force: options.force,
    ...(options.profilesDir !== undefined ? { profilesDir: options.profilesDir } : {}),
    profilesSha256: await profilesSha256(options.profilesDir),
    templatesSha256: await templatesSha256(BUILT_IN_TEMPLATES_DIR),
    tool: await toolVersion(),
  };
  // Errors here resurface, per record, when the documents are written.
  await ensureDir(outDir).catch(() => undefined);
  const staleAtStart = await removeStaleTemps(outDir);
  const manifest = await Manifest.open(outDir, journalName(options.shard));

  const inputs = await listBatchInputs(options.inputs, options.cwd);
  const reader = new InputReader(options.readStdin);
  const scanned = await scanInputs(inputs, reader, options.shard);

  const outcomes: RecordOutcome[] = new Array(scanned.length);
  const counts: Record<OutcomeStatus, number> = { rendered: 0, skipped: 0, refused: 0, failed: 0 };
  let done = 0;
  const settle = (index: number, outcome: RecordOutcome) => {
    outcomes[index] = outcome;
    counts[outcome.status] += 1;
    done += 1;
    // Counts first, so a display that prints the outcome shows counts that include it.
    options.onProgress?.({ ...counts, total: scanned.length, done, elapsedMs: performance.now() - started });
    options.onOutcome?.(outcome);
  };
  options.onProgress?.({ ...counts, total: scanned.length, done, elapsedMs: 0 });

  let pool: WorkerPool<RecordJob, RecordJobResult> | undefined;
  const inFlight = new Set<Promise<void>>();
  try {
    for (const [index, item] of scanned.entries()) {
      const { label } = item.input;
      if ('failure' in item) {
        settle(index, { status: 'failed', label, ...(item.id ? { id: item.id } : {}), failure: item.failure });
        continue;
      }
      const candidates = options.force ? [] : manifest.candidates(item.id, kind, formats);
      // Same record bytes and same profile files: the profile it resolves to is the same too.
      const current = await upToDateEntries(outDir, candidates, formats, (entry) =>
        sameInputs(entry, { ...settings, recordSha256: item.recordSha256 }, 'profile-files'),
      );
      if (current) {
        settle(index, documentsOutcome('skipped', label, outDir, current));
        continue;
      }
      let text: string;
      try {
        text = await reader.read(item.input);
      } catch (error) {
        if (!(error instanceof LoadError)) throw error;
        settle(index, { status: 'failed', label, id: item.id, failure: loadFailure(error) });
        continue;
      }
      pool ??= new WorkerPool({
        script: options.workerScript ?? new URL('./worker.js', import.meta.url),
        size: Math.min(jobs, scanned.length - index),
        workerData: settings,
        timeoutMs,
        resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_GENERATION_MB },
      });
      const job: RecordJob = { origin: textOrigin(item.input), text, expectedId: item.id, candidates };
      const task = pool.run(job).then(async (result) => {
        if (result.kind === 'done') await manifest.record(result.value.entries);
        settle(index, taskOutcome(label, item.id, result, timeoutMs));
      });
      inFlight.add(task);
      void task.finally(() => inFlight.delete(task)).catch(() => undefined);
      // Keep every worker fed with one job queued behind it, and no more texts than that in memory.
      while (inFlight.size >= jobs * 2) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } catch (error) {
    if (error instanceof WorkerStartError && Array.isArray(error.data)) throw new LoadError(error.data as LoadIssue[]);
    throw error;
  } finally {
    await pool?.close();
    await manifest.close();
  }
  // A killed run's batch outlives its launcher by a moment (it dies when it sees the launcher
  // gone), so a rerun started at once can find it alive and keep its temporary files, which it
  // may then add to as it dies. Swept again now: by the end of this run it is gone.
  const staleAtEnd = await removeStaleTemps(outDir);
  const manifestError = (manifest.writeError as { code?: unknown } | undefined)?.code;
  return {
    outcomes,
    inputCount: inputs.length,
    otherShards: inputs.length - scanned.length,
    elapsedMs: performance.now() - started,
    tool: settings.tool,
    staleTempsRemoved: staleAtStart + staleAtEnd,
    workersStarted: pool?.started ?? 0,
    ...(manifest.writeError !== undefined
      ? { manifestError: typeof manifestError === 'string' ? manifestError : 'unknown error' }
      : {}),
  };
}
