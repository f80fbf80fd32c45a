import { execFileSync } from 'node:child_process';
import { type Dirent, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Newest modification time of any file under a folder (0 when it does not exist). */
function newest(dir: string): number {
  let latest = 0;
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

/**
 * Vitest global setup: tests that run the installed command (bin/goldthread.js) or the examples
 * need dist/ to match src/. `npm ci` builds it; this rebuilds only when a source is newer.
 */
export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '../..');
  if (newest(path.join(root, 'src')) > newest(path.join(root, 'dist'))) {
    execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
      cwd: root,
      stdio: 'inherit',
    });
  }
}
