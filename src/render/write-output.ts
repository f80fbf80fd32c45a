import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a file atomically with mode 0600: the bytes go to a temporary file in the same folder,
 * are flushed to disk, and the temporary file is renamed over the target. A reader (or a crash)
 * never sees a partial document at the output path. Folders created on the way are 0700.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array | string): Promise<void> {
  const dir = path.dirname(file);
  await ensureDir(dir);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** How many missing ancestors ensureDir creates before it gives up. */
const MAX_NEW_LEVELS = 32;

/**
 * Creates a folder and its missing parents with mode 0700. Bounded, unlike
 * `mkdir({ recursive: true })`, which loops forever on file systems such as /proc where a
 * folder can neither exist nor be created.
 */
export async function ensureDir(dir: string): Promise<void> {
  const missing: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    try {
      await mkdir(current, { mode: 0o700 });
      break;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'EEXIST') break;
      const parent = path.dirname(current);
      if (code !== 'ENOENT' || parent === current || missing.length >= MAX_NEW_LEVELS) throw error;
      missing.push(current);
      current = parent;
    }
  }
  // Create the missing levels top-down; each must now succeed (or already exist).
  for (const level of missing.reverse()) {
    try {
      await mkdir(level, { mode: 0o700 });
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
    }
  }
}
