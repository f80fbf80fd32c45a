import { createHash } from 'node:crypto';
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedProfile } from '../payers/resolved-profile.js';
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

/** SHA-256 of a resolved profile: its canonical JSON. */
export function profileSha256(profile: ResolvedProfile): string {
  return createHash('sha256').update(JSON.stringify(profile)).digest('hex');
}

/**
 * Appends one JSON line to the trail. Each line is written with one append call (O_APPEND), so
 * lines from concurrent writers never interleave; the file is created with mode 0600.
 */
export async function appendTrail(file: string, entry: TrailEntry): Promise<void> {
  await ensureDir(path.dirname(file));
  await appendFile(file, `${JSON.stringify(entry)}\n`, { mode: 0o600, flag: 'a' });
}
