import path from 'node:path';
import type { LoadErrorCode } from '../errors.js';
import type { OutputFormat } from '../pipeline/render-record.js';
import type { ManifestEntry } from './manifest.js';

/**
 * What happened to each input of a batch. Every input ends in exactly one outcome; none carries a
 * record's values (ids, file names, rule ids, paths into the record and codes only).
 */

/** One document on disk. */
export interface OutputFile {
  readonly format: OutputFormat;
  /** Absolute path. */
  readonly file: string;
  readonly sha256: string;
}

/** Why an input failed, beyond the load error codes. */
export type FailureCode =
  | LoadErrorCode
  /** coverage.payer names no (or an abstract) profile. */
  | 'unknown-payer'
  /** A discharge summary was asked for and the record has no discharge. */
  | 'no-discharge'
  /** Another input of the batch has the same record id; its documents would overwrite each other. */
  | 'duplicate-record-id'
  /** The id read before loading differs from the loaded record's (an unusual way of writing `id:`). */
  | 'id-mismatch'
  | 'write-failed'
  | 'timeout'
  /** The worker rendering it died (out of memory, a crash in a library). */
  | 'worker-crashed'
  /** A bug in goldthread; `detail` names the error's class. */
  | 'internal';

/** A failure, located where that is known: the file, line and column, and the record path. */
export interface Failure {
  readonly code: FailureCode;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly path?: string;
  /** A fixed explanation or a system error code (EACCES, ENOSPC), never a value from the record. */
  readonly detail?: string;
  /** How many problems the load found; the first is the one located here. */
  readonly problems?: number;
}

/** An audit error that stopped a record being rendered. */
export interface RefusalReason {
  readonly rule: string;
  readonly path: string;
}

/** SHA-256 of what a record's documents were made from: its text, its resolved profile, the templates. */
export interface InputHashes {
  readonly record: string;
  readonly profile: string;
  readonly templates: string;
}

/** The outcome of one input. `label` names the input as the command line did (path, `file.ndjson:12`, `<stdin>`). */
export type RecordOutcome =
  | {
      readonly status: 'rendered' | 'skipped';
      readonly label: string;
      readonly id: string;
      /** Rendered with --allow-draft over audit errors: every page says so. */
      readonly draft: boolean;
      readonly outputs: readonly OutputFile[];
      readonly hashes: InputHashes;
    }
  | {
      readonly status: 'refused';
      readonly label: string;
      readonly id: string;
      readonly errors: readonly RefusalReason[];
      readonly hashes: InputHashes;
    }
  | { readonly status: 'failed'; readonly label: string; readonly id?: string; readonly failure: Failure };

export type OutcomeStatus = RecordOutcome['status'];

/** The outcome of a record whose documents are on disk as the entries describe them. */
export function documentsOutcome(
  status: 'rendered' | 'skipped',
  label: string,
  outDir: string,
  entries: readonly ManifestEntry[],
): RecordOutcome {
  const first = entries[0] as ManifestEntry;
  return {
    status,
    label,
    id: first.id,
    draft: entries.some((e) => e.draft),
    hashes: { record: first.recordSha256, profile: first.profileSha256, templates: first.templatesSha256 },
    outputs: entries.map((e) => ({ format: e.format, file: path.join(outDir, e.fileName), sha256: e.sha256 })),
  };
}
