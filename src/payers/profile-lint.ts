import path from 'node:path';
import { LoadError, type SourceLocation } from '../errors.js';
import { isPolicyPath } from './inheritance.js';
import type { ProfileDocument } from './profile-file.js';
import { readProfileFiles } from './profile-folder.js';
import { covers, splitPath } from './profile-paths.js';
import { buildRegistry, fileLabel, readProfileLayers } from './registry.js';

/**
 * `profiles lint`: every problem in a set of profiles, file by file, without stopping at the first.
 * Errors are what the loader refuses; warnings are values set with no source and no unsourced mark.
 */

/** One finding of the lint, located in its file. */
export interface LintNote extends SourceLocation {
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** The lint of one file. */
export interface LintedFile {
  readonly file: string;
  readonly notes: readonly LintNote[];
}

/** What to lint. */
export interface LintOptions {
  /** Files to lint; none means every built-in profile and every profile of `userDir`. */
  readonly files?: readonly string[];
  /** `--profiles DIR`, layered over the built-ins (and linted when no files are given). */
  readonly userDir?: string;
  /** File paths are resolved against, and shown relative to, this folder. */
  readonly cwd: string;
}

/** Lints profiles. Throws LoadError only when an input cannot be read at all. */
export async function lintProfiles(options: LintOptions): Promise<LintedFile[]> {
  const layers = await readProfileLayers(options);
  const issues = [...layers.issues];
  const linted: ProfileDocument[] = [];
  let order: string[];
  if (options.files && options.files.length > 0) {
    const absolute = options.files.map((file) => path.resolve(options.cwd, file));
    const read = await readProfileFiles(absolute, 'user', (file) => fileLabel(file, options.cwd));
    const unreadable = read.issues.filter((issue) => issue.code === 'read-failed');
    if (unreadable.length > 0) throw new LoadError(unreadable);
    issues.push(...read.issues);
    layers.profiles.push([...read.profiles]);
    linted.push(...read.profiles);
    order = absolute.map((file) => fileLabel(file, options.cwd));
  } else {
    linted.push(...layers.profiles.flat());
    order = [...new Set([...linted.map((doc) => doc.file), ...issues.map((issue) => issue.file)])];
  }
  issues.push(...buildRegistry(layers.profiles, options.cwd).issues);

  const notes = new Map<string, LintNote[]>(order.map((file) => [file, []]));
  const add = (note: LintNote) => {
    const list = notes.get(note.file) ?? [];
    list.push(note);
    notes.set(note.file, list);
  };
  for (const issue of issues) add({ ...issue, severity: 'error' });
  for (const doc of linted) for (const note of uncitedValues(doc)) add(note);

  // A file read twice (as a built-in and as a named file) would report its problems twice.
  const once = (list: LintNote[]) =>
    list.filter((note, i) => list.findIndex((other) => formatNote(other) === formatNote(note)) === i);
  return [...notes.entries()].map(([file, list]) => ({
    file,
    notes: once(list).sort((a, b) => a.line - b.line || a.column - b.column),
  }));
}

/** Values a profile sets with neither a source that supports them nor an unsourced mark. */
function uncitedValues(doc: ProfileDocument): LintNote[] {
  const cited = [...(doc.data.sources ?? []).flatMap((source) => source.supports ?? []), ...(doc.data.unsourced ?? [])];
  return doc.values
    .filter(({ path: value }) => isPolicyPath(value))
    .filter(({ path: value }) => !cited.some((c) => covers(c, value)))
    .map(({ path: value }) => ({
      file: doc.file,
      ...doc.locate(splitPath(value)),
      path: value,
      severity: 'warning',
      message: `${value} has no source: name it in a source's supports, or list it under unsourced`,
    }));
}

/** A note as `profiles lint` prints it: `file:line:column: severity: path: message`. */
export function formatNote(note: LintNote): string {
  const where = `${note.file}:${note.line}:${note.column}`;
  return `${where}: ${note.severity}: ${note.path ? `${note.path}: ` : ''}${note.message}`;
}
