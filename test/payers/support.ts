import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Writes profile files into a new temporary folder and returns the folder. */
export async function profileFolder(files: Readonly<Record<string, string>>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'goldthread-profiles-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

/** The first lines of a profile that extends base: add what a test needs below them. */
export const header = (id: string, effective = '2026-01-01', parent = 'base') =>
  `format: goldthread/profile@1\nid: ${id}\nname: Test ${id}\nextends: ${parent}\neffective: ${effective}\n`;
