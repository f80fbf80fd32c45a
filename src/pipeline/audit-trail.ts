import { appendFile, open } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';
import { describeFsError } from '../load/source.js';
import { ensureDir } from '../render/write-output.js';

/**
 * One line of the audit trail (HIPAA audit controls and integrity): who/what/when of a render,
 * identified by ids and hashes only. No field of the record ever appears in it.
 */
export interface TrailEntry {
  readonly time: string;
  readonly tool: string;
  readonly version: string;
  readonly command: 'render' | 'batch';
  readonly record: string | null;
  /** The input as reports name it (file path, `file.ndjson:12`, `<stdin>`). */
  readonly input: string;
  readonly document: string;
  readonly result: 'rendered' | 'draft' | 'refused' | 'failed' | 'skipped';
  readonly sha256: {
    readonly record: string | null;
    readonly profile: string | null;
    readonly templates: string;
    readonly outputs: Readonly<Record<string, string>>;
  };
  readonly profile: { readonly id: string; readonly effective: string } | null;
  /** For refused or failed: rule ids of the error findings, or the load error's code and location. */
  readonly reason?: {
    readonly rules?: readonly string[];
    readonly code?: string;
    readonly line?: number;
    readonly column?: number;
    readonly path?: string;
  };
}

export { profileSha256 } from '../payers/profile-hash.js';

/**
 * Appends one JSON line to the trail. Each line is written with one append call (O_APPEND), so
 * lines from concurrent writers never interleave; the file is created with mode 0600.
 */
export async function appendTrail(file: string, entry: TrailEntry): Promise<void> {
  await ensureDir(path.dirname(file));
  await appendFile(file, `${JSON.stringify(entry)}\n`, { mode: 0o600, flag: 'a' });
}

/** Checks, before any document is made, that the trail can be appended to; throws InputError if not. */
export async function checkTrailWritable(file: string, shown: string): Promise<void> {
  try {
    await ensureDir(path.dirname(file));
    await (await open(file, 'a', 0o600)).close();
  } catch (error) {
    throw new InputError(`cannot write the audit log ${shown} (${describeFsError(error)})`);
  }
}
