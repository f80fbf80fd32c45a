import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** The file endings of record inputs; `.ndjson` files hold one JSON record a line. */
const RECORD_EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.ndjson']);

/**
 * The record files below a folder, recursively, sorted by name; hidden entries and node_modules
 * are skipped. Kept free of the schema's imports, so a batch's main thread can list cheaply.
 */
export async function listRecordFiles(dir: string, out: string[] = []): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await listRecordFiles(full, out);
    else if (entry.isFile() && RECORD_EXTENSIONS.has(path.extname(entry.name))) out.push(full);
  }
  return out;
}
