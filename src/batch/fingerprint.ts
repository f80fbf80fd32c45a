import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTemplateSet } from '../compose/templates.js';

/**
 * What a document depends on, as hashes: a rerun skips a document only when all of these are
 * unchanged. None of them holds a record's values.
 */
export interface DocumentInputs {
  /** SHA-256 of the record's bytes as read (UTF-8 text). */
  readonly recordSha256: string;
  /** SHA-256 of the JSON of the resolved payer profile the record was judged by. */
  readonly profileSha256: string;
  /** SHA-256 over every profile file in force (built-in and --profiles): a quick test that no profile changed. */
  readonly profilesSha256: string;
  /** SHA-256 over the template folder's files. */
  readonly templatesSha256: string;
  readonly tool: string;
  readonly asOf: string;
  readonly allowDraft: boolean;
}

/** SHA-256 as lowercase hex. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export { profileSha256 } from '../payers/profile-hash.js';

/** Hashes files by their names relative to `root` and their bytes, in the order given. */
async function hashFiles(root: string, files: readonly string[], hash = createHash('sha256')) {
  for (const file of files) {
    hash.update(path.relative(root, file)).update('\0');
    hash.update(await readFile(file)).update('\0');
  }
  return hash;
}

/** `templates/` at the package root, as compose/templates finds it (without importing Handlebars). */
export const BUILT_IN_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** The hash of a template folder: every file under it, by relative path and content. */
export async function templatesSha256(dir: string): Promise<string> {
  // The template set's own digest, so render's and batch's audit trails name the same templates alike.
  return loadTemplateSet(dir).sha256;
}

/**
 * The profile files of a folder as the registry reads them (`*.yaml`/`*.yml`, not dot-files, by
 * name). Listed here rather than through payers/profile-folder, whose import builds the profile
 * schema: half a second the main thread of a batch does not need.
 */
async function profileFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names
    .filter((name) => /\.ya?ml$/.test(name) && !name.startsWith('.'))
    .sort()
    .map((name) => path.join(dir, name));
}

/** `payers/` at the package root, as payers/profile-folder finds it (from src/ or dist/). */
const BUILT_IN_PROFILES_DIR = fileURLToPath(new URL('../../payers/', import.meta.url));

/**
 * The hash of the profile files in force: the built-in folder, then the user's folder if any. A
 * user folder that cannot be read hashes as empty; the workers' loading of it reports why.
 */
export async function profilesSha256(userDir: string | undefined): Promise<string> {
  const builtIn = BUILT_IN_PROFILES_DIR;
  const hash = await hashFiles(builtIn, await profileFiles(builtIn));
  hash.update('\0user\0');
  if (userDir !== undefined) await hashFiles(userDir, await profileFiles(userDir).catch(() => []), hash);
  return hash.digest('hex');
}
