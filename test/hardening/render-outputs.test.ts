import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runMain } from './cli-run.js';
import { exampleData } from './record-data.js';

const work = mkdtempSync(path.join(tmpdir(), 'goldthread-outputs-'));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const modeOf = (file: string) => statSync(file).mode & 0o777;
const VERSION = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version as string;

let exit: number | null;
let umaskBefore: number;

beforeAll(async () => {
  writeFileSync(path.join(work, 'record.yaml'), stringify(exampleData()));
  // With no umask at all, only goldthread's own modes keep the files private.
  umaskBefore = process.umask(0);
  try {
    ({ exit } = await runMain(
      ['render', 'record.yaml', '--format', 'pdf,html', '--out', 'new/out', '--audit-log', 'logs/trail.jsonl'],
      work,
    ));
  } finally {
    process.umask(umaskBefore);
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('what render writes', () => {
  it('documents are 0600 in folders it creates 0700, whatever the umask', () => {
    expect(exit).toBe(0);
    expect(modeOf(path.join(work, 'new'))).toBe(0o700);
    expect(modeOf(path.join(work, 'new/out'))).toBe(0o700);
    for (const file of readdirSync(path.join(work, 'new/out')))
      expect(modeOf(path.join(work, 'new/out', file)), file).toBe(0o600);
  });

  it('the audit trail is 0600 in a 0700 folder', () => {
    expect(modeOf(path.join(work, 'logs'))).toBe(0o700);
    expect(modeOf(path.join(work, 'logs/trail.jsonl'))).toBe(0o600);
  });

  it('the trail line identifies the run by ids and hashes that match the files', () => {
    const lines = readFileSync(path.join(work, 'logs/trail.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] as string);
    expect(Object.keys(entry).sort()).toEqual(
      ['command', 'document', 'input', 'profile', 'record', 'result', 'sha256', 'time', 'tool', 'version'].sort(),
    );
    expect(entry).toMatchObject({
      tool: 'goldthread',
      version: VERSION,
      command: 'render',
      record: 'whitfield-2026-09',
      input: 'record.yaml',
      document: 'treatment-plan',
      result: 'rendered',
      profile: { id: 'aetna', effective: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
    });
    expect(new Date(entry.time).toISOString()).toBe(entry.time);
    expect(entry.sha256.record).toBe(sha256(readFileSync(path.join(work, 'record.yaml'))));
    expect(entry.sha256.profile).toMatch(/^[0-9a-f]{64}$/);
    expect(entry.sha256.templates).toMatch(/^[0-9a-f]{64}$/);
    const outputs = Object.fromEntries(
      readdirSync(path.join(work, 'new/out')).map((file) => [
        file,
        sha256(readFileSync(path.join(work, 'new/out', file))),
      ]),
    );
    expect(entry.sha256.outputs).toEqual(outputs);
  });
});
