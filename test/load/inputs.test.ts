import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoadError } from '../../src/errors.js';
import { expandInputs, type LoadOutcome, loadAll, type RecordSource } from '../../src/load/inputs.js';
import { edit, summary, VALID_JSON, VALID_YAML } from './record-fixture.js';

/** The JSON twin on one line, as an NDJSON file holds it, with its id changed. */
function ndjsonLine(id: string): string {
  return JSON.stringify({ ...JSON.parse(VALID_JSON), id });
}

// The working folder is a temporary one, never the process's: the CLI passes its own cwd.
let cwd: string;
const stdin = () =>
  Promise.resolve(new Uint8Array(Buffer.from(edit(VALID_JSON, '"whitfield-2026-09"', '"from-stdin"'))));

beforeAll(() => {
  cwd = mkdtempSync(path.join(tmpdir(), 'goldthread-inputs-'));
  const put = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(cwd, file)), { recursive: true });
    writeFileSync(path.join(cwd, file), text);
  };
  put('records/a.yaml', edit(VALID_YAML, 'id: whitfield-2026-09', 'id: a'));
  put('records/b.json', edit(VALID_JSON, '"whitfield-2026-09"', '"b"'));
  put('records/nested/c.yml', edit(VALID_YAML, 'id: whitfield-2026-09', 'id: c'));
  put('records/nested/deeper/d.yaml', edit(VALID_YAML, 'format: goldthread/record@1', 'format: goldthread/record@9'));
  put(
    'records/batch.ndjson',
    [
      ndjsonLine('n1'),
      '',
      '{"format": "goldthread/record@1", "id": ',
      ndjsonLine('bad id!'),
      ndjsonLine('n5'),
      '',
    ].join('\n'),
  );
  put('records/notes.txt', 'not a record');
  put('records/.hidden/e.yaml', VALID_YAML);
  put('records/.f.yaml', VALID_YAML);
  put('records/node_modules/g.yaml', VALID_YAML);
  put('windows.ndjson', `${ndjsonLine('w1')}\r\n${ndjsonLine('w2')}\r\n`);
  put('record.txt', edit(VALID_YAML, 'id: whitfield-2026-09', 'id: txt'));
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

/** What a batch report would list for each outcome: the label, then the record id or the first issue. */
function report(outcomes: readonly LoadOutcome[]): string[] {
  return outcomes.map((o) =>
    o.ok
      ? `${o.source.label} ok ${o.record.data.id}`
      : `${o.source.label} ${o.error.first.file} ${summary(o.error.first)}`,
  );
}

describe('expandInputs and loadAll', () => {
  it('walks folders in name order, skips hidden folders and files, and never stops at a bad record', async () => {
    const sources = await expandInputs(['records', 'missing.yaml', '-'], { cwd, readStdin: stdin });
    expect(report(await loadAll(sources))).toEqual([
      'records/a.yaml ok a',
      'records/b.json ok b',
      'records/batch.ndjson:1 ok n1',
      'records/batch.ndjson:3 records/batch.ndjson yaml-syntax  @3:41',
      `records/batch.ndjson:4 records/batch.ndjson schema id @4:${ndjsonLine('bad id!').indexOf('"id"') + 1}`,
      'records/batch.ndjson:5 ok n5',
      'records/nested/c.yml ok c',
      'records/nested/deeper/d.yaml records/nested/deeper/d.yaml schema format @3:1',
      'missing.yaml missing.yaml read-failed  @1:1',
      '<stdin> ok from-stdin',
    ]);
  });

  it('names a missing input by the path given, with only the error code', async () => {
    const [source] = await expandInputs(['no/such/file.yaml'], { cwd, readStdin: stdin });
    const error = await (source as RecordSource).load().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LoadError);
    expect((error as LoadError).message).toBe('no/such/file.yaml:1:1: cannot read the input (ENOENT)');
  });

  it('reads a file named on the command line whatever its extension, relative to the given cwd', async () => {
    const sources = await expandInputs(['record.txt', path.join(cwd, 'records/a.yaml')], { cwd, readStdin: stdin });
    expect(report(await loadAll(sources))).toEqual(['record.txt ok txt', 'records/a.yaml ok a']);
  });

  it('reads NDJSON written with Windows line ends', async () => {
    const sources = await expandInputs(['windows.ndjson'], { cwd, readStdin: stdin });
    expect(report(await loadAll(sources))).toEqual(['windows.ndjson:1 ok w1', 'windows.ndjson:2 ok w2']);
  });

  it('refuses an NDJSON file that is not UTF-8 as one failed source naming the line of the bad byte', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${ndjsonLine('x1')}\n{"id": "`),
      Buffer.from([0xff]),
      Buffer.from('"}\n'),
    ]);
    writeFileSync(path.join(cwd, 'latin1.ndjson'), bytes);
    const sources = await expandInputs(['latin1.ndjson'], { cwd, readStdin: stdin });
    expect(report(await loadAll(sources))).toEqual(['latin1.ndjson latin1.ndjson bad-encoding  @2:9']);
  });

  it('refuses standard input that is not a record, and names it <stdin>', async () => {
    const readStdin = () => Promise.resolve(new Uint8Array([0xfe, 0xff, 0x00, 0x7b]));
    const sources = await expandInputs(['-'], { cwd, readStdin });
    expect(report(await loadAll(sources))).toEqual(['<stdin> <stdin> bad-encoding  @1:1']);
  });

  it('lets an internal bug through instead of reporting it as a bad record', async () => {
    const broken: RecordSource = { label: 'bug', load: () => Promise.reject(new TypeError('internal')) };
    await expect(loadAll([broken])).rejects.toThrow(TypeError);
  });
});
