import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
const run = (script: string, ...args: string[]) =>
  execFileSync(process.execPath, [tsx, path.join(root, 'examples', script), ...args], { cwd: root, encoding: 'utf8' });

describe('examples (the library API as a script uses it)', () => {
  it('render-one renders a sample to the same bytes as the command line', () => {
    const output = run('render-one.ts', 'samples/nguyen-2026-09.yaml', '2026-11-27');
    const lines = output.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^nguyen-2026-09\.treatment-plan\.pdf \d+ bytes sha256:[0-9a-f]{64}$/);
    expect(lines[1]).toMatch(/^nguyen-2026-09\.treatment-plan\.docx \d+ bytes sha256:[0-9a-f]{64}$/);
    const cli = execFileSync(
      process.execPath,
      [
        'bin/goldthread.js',
        'render',
        'samples/nguyen-2026-09.yaml',
        '--as-of',
        '2026-11-27',
        '--out',
        path.join(root, '.tmp/examples-out'),
      ],
      { cwd: root, encoding: 'utf8' },
    );
    const hashes = (text: string) => [...text.matchAll(/sha256:([0-9a-f]{64})/g)].map((m) => m[1]);
    expect(hashes(output)).toEqual(hashes(cli));
  });

  it('audit-folder summarises every sample, all clean as of their date', () => {
    const output = run('audit-folder.ts', 'samples', '2026-11-27');
    const samples = readFileSync(path.join(root, 'samples/README.md'), 'utf8').match(/^\| `[a-z0-9-]+` \|/gm) ?? [];
    const lines = output.trim().split('\n');
    expect(lines).toHaveLength(samples.length);
    for (const line of lines) expect(line).toMatch(/\t0 error\(s\)\t0 other finding\(s\)$/);
  });
});
