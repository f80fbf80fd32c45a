import { readFile } from 'node:fs/promises';

let cached: Promise<string> | undefined;

/** goldthread's version, read once from package.json: in `--version`, audit trails and batch fingerprints. */
export function toolVersion(): Promise<string> {
  cached ??= readFile(new URL('../package.json', import.meta.url), 'utf8').then(
    (text) => (JSON.parse(text) as { version: string }).version,
  );
  return cached;
}
