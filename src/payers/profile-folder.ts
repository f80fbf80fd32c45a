import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { LoadError, type LoadIssue } from '../errors.js';
import { describeFsError, readInput } from '../load/source.js';
import { type ProfileDocument, type ProfileLayer, readProfileText } from './profile-file.js';

/** What reading some profile files gave: the profiles that read cleanly and every problem found. */
export interface ProfileFiles {
  readonly profiles: readonly ProfileDocument[];
  readonly issues: readonly LoadIssue[];
}

/** The folder of built-in profiles: `payers/` at the package root, from src/payers or dist/payers. */
export const BUILT_IN_PROFILES_DIR = new URL('../../payers/', import.meta.url);

/**
 * Reads profile files, collecting problems rather than stopping at the first bad file. `label`
 * turns a file's path into the name messages use.
 */
export async function readProfileFiles(
  files: readonly string[],
  layer: ProfileLayer,
  label: (file: string) => string = (file) => file,
): Promise<ProfileFiles> {
  const profiles: ProfileDocument[] = [];
  const issues: LoadIssue[] = [];
  for (const file of files) {
    const name = label(file);
    try {
      const text = await readInput(file).catch((error: unknown) => {
        // readInput names the file by its path; messages name it by its label.
        if (error instanceof LoadError) throw new LoadError(error.issues.map((issue) => ({ ...issue, file: name })));
        throw error;
      });
      profiles.push(readProfileText(text, name, layer));
    } catch (error) {
      if (!(error instanceof LoadError)) throw error;
      issues.push(...error.issues);
    }
  }
  return { profiles, issues };
}

/** The `.yaml`/`.yml` files of a folder (not its subfolders), sorted by name. Throws LoadError. */
export async function listProfileFiles(dir: string, label: string = dir): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new LoadError([
      {
        file: label,
        line: 1,
        column: 1,
        path: '',
        code: 'read-failed',
        message: `cannot read the profiles folder (${describeFsError(error)})`,
      },
    ]);
  }
  return names
    .filter((name) => /\.ya?ml$/.test(name) && !name.startsWith('.'))
    .sort()
    .map((name) => path.join(dir, name));
}
