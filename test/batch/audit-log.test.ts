import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, batchArgs, breakTwo, ensureBuilt, runCli, tempFolder, writeCorpus } from './support.js';

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

describe('batch --audit-log', { timeout: 120_000 }, () => {
  beforeAll(ensureBuilt, 120_000);

  it('appends one line per input with ids and hashes only, the same hashes render records', async () => {
    const dir = await tempFolder();
    const ids = await writeCorpus(path.join(dir, 'records'), 12);
    const [broken] = await breakTwo(path.join(dir, 'records'), ids);
    const args = batchArgs('records', 'pdf', '--jobs', '2', '--audit-log', 'trail/batch.jsonl');
    const run = await runCli(args, dir);
    expect(run.code).toBe(1);

    const trailFile = path.join(dir, 'trail/batch.jsonl');
    expect((await stat(trailFile)).mode & 0o777).toBe(0o600);
    const lines = (await readFile(trailFile, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(12);
    expect(lines.filter((l) => l.result === 'rendered')).toHaveLength(10);
    const failedLine = lines.find((l) => l.input === `records/${broken}.yaml`);
    expect(failedLine).toMatchObject({ command: 'batch', result: 'failed', reason: { code: 'yaml-syntax' } });

    // A rendered line identifies the record's bytes and each output's bytes exactly.
    const line = lines.find((l) => l.record === ids[0]);
    expect(line.sha256.record).toBe(sha256(await readFile(path.join(dir, `records/${ids[0]}.yaml`))));
    const pdf = `${ids[0]}.treatment-plan.pdf`;
    expect(line.sha256.outputs[pdf]).toBe(sha256(await readFile(path.join(dir, 'out', pdf))));

    // render's trail names the same record, profile and templates with the same hashes.
    await runCli(
      [
        'render',
        `records/${ids[0]}.yaml`,
        '--out',
        'r',
        '--format',
        'pdf',
        '--as-of',
        AS_OF,
        '--audit-log',
        'trail/render.jsonl',
      ],
      dir,
    );
    const rendered = JSON.parse((await readFile(path.join(dir, 'trail/render.jsonl'), 'utf8')).trim());
    expect(rendered.sha256).toEqual(line.sha256);

    // A rerun logs each record as skipped: every run leaves its account.
    await runCli(args, dir);
    const after = (await readFile(trailFile, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(after.slice(12).filter((l) => l.result === 'skipped')).toHaveLength(10);
  });
});
