import { type FileHandle, open, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { DocKind } from '../compose/tree.js';
import type { OutputFormat } from '../pipeline/render-record.js';
import { writeFileAtomic } from '../render/write-output.js';
import { type DocumentInputs, sha256Hex } from './fingerprint.js';
import type { Shard } from './shard.js';

/**
 * The batch manifest: what each document in an output folder was made from, so a rerun can skip
 * documents whose inputs and files are unchanged. It is a journal of JSON lines in the output
 * folder (`.goldthread-batch.ndjson`, one per shard), appended as documents are written and
 * compacted at the end; a run killed midway loses at most a line being written, and a line that
 * does not parse is ignored. It holds ids, hashes and file names, never a record's values.
 */

/** One document: its key (record id, kind, format), what it was made from, and the file written. */
export interface ManifestEntry extends DocumentInputs {
  readonly id: string;
  readonly kind: DocKind;
  readonly format: OutputFormat;
  /** The file's name in the output folder. */
  readonly fileName: string;
  readonly sha256: string;
  readonly draft: boolean;
}

const JOURNAL_PREFIX = '.goldthread-batch';

/** The journal file a run appends to: one per shard, so parallel shards never share a file. */
export function journalName(shard: Shard | undefined): string {
  return shard ? `${JOURNAL_PREFIX}.shard-${shard.index}-of-${shard.count}.ndjson` : `${JOURNAL_PREFIX}.ndjson`;
}

function keyOf(id: string, kind: DocKind, format: OutputFormat): string {
  return `${id}\0${kind}\0${format}`;
}

function parseEntry(line: string): ManifestEntry | undefined {
  try {
    const value = JSON.parse(line) as Partial<ManifestEntry> | null;
    const ok =
      typeof value?.id === 'string' &&
      typeof value.kind === 'string' &&
      typeof value.format === 'string' &&
      typeof value.fileName === 'string' &&
      typeof value.sha256 === 'string' &&
      // A file name from the manifest is joined to the output folder: it must stay inside it.
      path.basename(value.fileName) === value.fileName;
    return ok ? (value as ManifestEntry) : undefined;
  } catch {
    return undefined;
  }
}

/** The fields a skip check compares; `profile` picks the exact or the quick profile test. */
export type ProfileCheck = 'resolved-profile' | 'profile-files';

/** Whether an entry was made from the same inputs. */
export function sameInputs(entry: DocumentInputs, now: Partial<DocumentInputs>, check: ProfileCheck): boolean {
  const profileSame =
    check === 'resolved-profile'
      ? entry.profileSha256 === now.profileSha256
      : entry.profilesSha256 === now.profilesSha256;
  return (
    profileSame &&
    entry.recordSha256 === now.recordSha256 &&
    entry.templatesSha256 === now.templatesSha256 &&
    entry.tool === now.tool &&
    entry.asOf === now.asOf &&
    entry.allowDraft === now.allowDraft
  );
}

/** Whether the file an entry names exists in the folder with the entry's hash. */
async function fileMatches(outDir: string, entry: ManifestEntry): Promise<boolean> {
  try {
    return sha256Hex(await readFile(path.join(outDir, entry.fileName))) === entry.sha256;
  } catch {
    return false;
  }
}

/**
 * The entries showing a record's documents are up to date in every format asked for: made from
 * the same inputs (`matches`) and present on disk with the recorded hash. Undefined otherwise.
 */
export async function upToDateEntries(
  outDir: string,
  candidates: readonly ManifestEntry[],
  formats: readonly OutputFormat[],
  matches: (entry: ManifestEntry) => boolean,
): Promise<ManifestEntry[] | undefined> {
  const chosen: ManifestEntry[] = [];
  for (const format of formats) {
    let found: ManifestEntry | undefined;
    for (const entry of candidates) {
      if (entry.format === format && matches(entry) && (await fileMatches(outDir, entry))) {
        found = entry;
        break;
      }
    }
    if (!found) return undefined;
    chosen.push(found);
  }
  return chosen;
}

/** The manifest of an output folder: read at the start of a run, appended to as documents are written. */
export class Manifest {
  private readonly byKey = new Map<string, ManifestEntry[]>();
  /** Entries of this run's own journal (read and new), latest per key: what compaction keeps. */
  private readonly own = new Map<string, ManifestEntry>();
  private journal: Promise<FileHandle | undefined> | undefined;
  private writes: Promise<void> = Promise.resolve();
  /** The first error writing the journal (e.g. a read-only folder); later writes are not tried. */
  writeError: unknown;

  private constructor(
    private readonly outDir: string,
    private readonly name: string,
  ) {}

  /** Reads every journal in the folder (other shards' too); a missing folder is an empty manifest. */
  static async open(outDir: string, name: string): Promise<Manifest> {
    const manifest = new Manifest(outDir, name);
    let names: string[] = [];
    try {
      names = (await readdir(outDir)).filter((n) => n.startsWith(JOURNAL_PREFIX) && n.endsWith('.ndjson')).sort();
    } catch {
      return manifest;
    }
    for (const file of names) {
      const text = await readFile(path.join(outDir, file), 'utf8').catch(() => '');
      for (const line of text.split('\n')) {
        const entry = line.trim() ? parseEntry(line) : undefined;
        if (!entry) continue;
        manifest.remember(entry);
        if (file === name) manifest.own.set(keyOf(entry.id, entry.kind, entry.format), entry);
      }
    }
    return manifest;
  }

  private remember(entry: ManifestEntry): void {
    const key = keyOf(entry.id, entry.kind, entry.format);
    const list = this.byKey.get(key) ?? [];
    // The newest entry is tried first.
    list.unshift(entry);
    this.byKey.set(key, list);
  }

  /** Every recorded entry for a record's document kind, in any format, newest first. */
  candidates(id: string, kind: DocKind, formats: readonly OutputFormat[]): ManifestEntry[] {
    return formats.flatMap((format) => this.byKey.get(keyOf(id, kind, format)) ?? []);
  }

  /** Appends entries for documents just written. Never throws: a failure is kept in `writeError`. */
  record(entries: readonly ManifestEntry[]): Promise<void> {
    for (const entry of entries) {
      this.remember(entry);
      this.own.set(keyOf(entry.id, entry.kind, entry.format), entry);
    }
    const lines = entries.map((e) => `${JSON.stringify(e)}\n`).join('');
    this.writes = this.writes.then(async () => {
      if (this.writeError !== undefined) return;
      try {
        this.journal ??= open(path.join(this.outDir, this.name), 'a', 0o600);
        const handle = await this.journal;
        await handle?.appendFile(lines);
      } catch (error) {
        this.writeError = error;
      }
    });
    return this.writes;
  }

  /** Waits for pending appends and rewrites this run's journal with the latest entry per document. */
  async close(): Promise<void> {
    await this.writes;
    const handle = await this.journal?.catch(() => undefined);
    await handle?.close();
    if (this.writeError !== undefined || this.own.size === 0) return;
    const lines = [...this.own.values()].map((e) => `${JSON.stringify(e)}\n`).join('');
    await writeFileAtomic(path.join(this.outDir, this.name), lines).catch((error: unknown) => {
      this.writeError = error;
    });
  }
}

/** writeFileAtomic's temporary files: `.<name>.<pid>.<12 hex>.tmp`. */
const TEMP_FILE = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$/;

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * Removes temporary files left in the folder by a run that was killed (its process is gone). A
 * live process's temporary files are left alone: another batch may be writing into the folder.
 * Returns how many were removed.
 */
export async function removeStaleTemps(outDir: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(outDir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const match = TEMP_FILE.exec(name);
    if (!match || processIsAlive(Number(match[1]))) continue;
    try {
      await rm(path.join(outDir, name), { force: true });
      removed += 1;
    } catch {
      // A read-only folder: the records' own write errors will say so.
    }
  }
  return removed;
}
