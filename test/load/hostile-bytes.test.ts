import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRecordFile } from '../../src/load/record.js';
import { decodeInput, MAX_INPUT_BYTES, readInput } from '../../src/load/source.js';
import { expectCleanRefusal, summary, VALID_JSON, VALID_YAML } from './record-fixture.js';

const dir = mkdtempSync(path.join(tmpdir(), 'goldthread-bytes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes bytes to a fresh file in the temporary folder and returns its path. */
function tempFile(name: string, bytes: Uint8Array | string): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** The record's UTF-8 bytes with `inserted` placed right after the first `after`. */
function bytesWith(text: string, after: string, inserted: number[]): Buffer {
  const cut = text.indexOf(after) + after.length;
  expect(cut).toBeGreaterThanOrEqual(after.length);
  return Buffer.concat([Buffer.from(text.slice(0, cut)), Buffer.from(inserted), Buffer.from(text.slice(cut))]);
}

describe('the size cap', () => {
  const tooBig = `file is ${MAX_INPUT_BYTES + 1} bytes; the limit is ${MAX_INPUT_BYTES} bytes (2 MiB) per record`;

  it('refuses a file one byte over 2 MiB before reading it', async () => {
    const file = tempFile('big.yaml', `${VALID_YAML}# ${'x'.repeat(MAX_INPUT_BYTES - VALID_YAML.length - 2)}\n`);
    const error = await expectCleanRefusal(() => readInput(file), file);
    expect(error.issues).toEqual([{ file, line: 1, column: 1, path: '', code: 'too-large', message: tooBig }]);
    await expectCleanRefusal(() => loadRecordFile(file), file);
  });

  it('refuses bytes over the cap from any source (standard input, NDJSON)', async () => {
    const error = await expectCleanRefusal(
      () => decodeInput(new Uint8Array(MAX_INPUT_BYTES + 1), '<stdin>'),
      '<stdin>',
    );
    expect(error.issues.map(summary)).toEqual(['too-large  @1:1']);
    expect(error.first.message).toBe(tooBig);
  });

  it('reads a file of exactly 2 MiB', async () => {
    const file = tempFile('limit.yaml', `${VALID_YAML}# ${'x'.repeat(MAX_INPUT_BYTES - VALID_YAML.length - 3)}\n`);
    expect((await loadRecordFile(file)).data.id).toBe('whitfield-2026-09');
  });
});

describe('invalid UTF-8', () => {
  // [what, bytes inserted into the member id, which is on line 17, column 17]
  it.each([
    ['a two-byte lead with no continuation (0xC3 0x28)', [0xc3, 0x28]],
    ['a lone continuation byte', [0x80]],
    ['an overlong slash (0xC0 0xAF)', [0xc0, 0xaf]],
    ['a UTF-16 surrogate encoded as UTF-8', [0xed, 0xa0, 0x80]],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a byte that never appears in UTF-8 (0xFF)', [0xff]],
  ])('refuses %s at its line and column', async (_what, inserted) => {
    const file = tempFile('bad-utf8.yaml', bytesWith(VALID_YAML, '  memberId: W123', inserted));
    const error = await expectCleanRefusal(() => loadRecordFile(file), file);
    expect(error.issues.map(summary)).toEqual(['bad-encoding  @17:17']);
    expect(error.first.message).toBe('file is not valid UTF-8 (invalid byte sequence)');
  });

  it('refuses a sequence cut off at the end of the file', async () => {
    const bytes = Buffer.concat([Buffer.from(VALID_YAML), Buffer.from('# é'.slice(0, 2)), Buffer.from([0xc3])]);
    const error = await expectCleanRefusal(() => decodeInput(bytes, 'cut.yaml'), 'cut.yaml');
    expect(error.issues.map(summary)).toEqual(['bad-encoding  @176:3']);
  });

  it('refuses invalid UTF-8 in a JSON record at its line', async () => {
    const bytes = bytesWith(VALID_JSON, '"memberId": "W123', [0xc3, 0x28]);
    const line = VALID_JSON.slice(0, VALID_JSON.indexOf('"memberId"')).split('\n').length;
    const error = await expectCleanRefusal(() => decodeInput(bytes, 'bad.json'), 'bad.json');
    expect(error.issues.map(summary)).toEqual([`bad-encoding  @${line}:22`]);
  });

  it('accepts real multi-byte text: accents, CJK, emoji', () => {
    const text = VALID_YAML.replace('given: Dana', 'given: Zoë 黛娜 🌻');
    expect(decodeInput(Buffer.from(text), 'ok.yaml')).toBe(text);
  });
});

describe('UTF-16', () => {
  it.each([
    ['little-endian', 'utf16le', [0xff, 0xfe]],
    ['big-endian', 'utf16be', [0xfe, 0xff]],
  ])('refuses a %s file with a byte-order mark, asking for UTF-8', async (_what, _name, bom) => {
    const units = Buffer.from(VALID_YAML, 'utf16le');
    if (bom[0] === 0xfe) units.swap16();
    const file = tempFile('utf16.yaml', Buffer.concat([Buffer.from(bom), units]));
    const error = await expectCleanRefusal(() => loadRecordFile(file), file);
    expect(error.issues).toEqual([
      { file, line: 1, column: 1, path: '', code: 'bad-encoding', message: 'file is UTF-16; save it as UTF-8' },
    ]);
  });

  it('refuses a UTF-16 JSON record read from standard input', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(VALID_JSON, 'utf16le')]);
    const error = await expectCleanRefusal(() => decodeInput(bytes, '<stdin>'), '<stdin>');
    expect(error.first.code).toBe('bad-encoding');
  });
});

describe('unreadable files', () => {
  it('refuses a missing file naming only the error code', async () => {
    const file = path.join(dir, 'missing.yaml');
    const error = await expectCleanRefusal(() => loadRecordFile(file), file);
    expect(error.issues.map(summary)).toEqual(['read-failed  @1:1']);
    expect(error.first.message).toBe('cannot read the file (ENOENT)');
  });

  it('refuses a folder given as a record file', async () => {
    const error = await expectCleanRefusal(() => loadRecordFile(dir), dir);
    expect(error.first.code).toBe('read-failed');
  });
});
