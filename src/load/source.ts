import { readFile, stat } from 'node:fs/promises';
import { LoadError, type LoadErrorCode } from '../errors.js';

/** The largest input file goldthread reads. A real record is a few tens of kilobytes. */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function fileIssue(file: string, code: LoadErrorCode, message: string): LoadError {
  return new LoadError([{ file, line: 1, column: 1, path: '', code, message }]);
}

/**
 * Decodes an input's bytes as strict UTF-8. UTF-16 (with a byte-order mark) and invalid byte
 * sequences are refused rather than guessed at; a UTF-8 byte-order mark is dropped.
 */
export function decodeInput(bytes: Uint8Array, file: string): string {
  if (bytes.length > MAX_INPUT_BYTES) {
    throw fileIssue(
      file,
      'too-large',
      `file is ${bytes.length} bytes; the limit is ${MAX_INPUT_BYTES} bytes (2 MiB) per record`,
    );
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw fileIssue(file, 'bad-encoding', 'file is UTF-16; save it as UTF-8');
  }
  try {
    return utf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    const before = bytes.subarray(0, offset);
    const line = before.filter((b) => b === 0x0a).length + 1;
    const column = offset - (before.lastIndexOf(0x0a) + 1) + 1;
    throw new LoadError([
      {
        file,
        line,
        column,
        path: '',
        code: 'bad-encoding',
        message: 'file is not valid UTF-8 (invalid byte sequence)',
      },
    ]);
  }
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    // Prefix bytes whose continuation would encode an overlong form, a surrogate or a code point past U+10FFFF.
    const second = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f)) return i;
    if ((b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return bytes.length;
}

/** Reads an input file with the size cap checked before the file is read into memory. */
export async function readInput(file: string): Promise<string> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (error) {
    throw fileIssue(file, 'read-failed', `cannot read the file (${describeFsError(error)})`);
  }
  if (size > MAX_INPUT_BYTES) {
    throw fileIssue(
      file,
      'too-large',
      `file is ${size} bytes; the limit is ${MAX_INPUT_BYTES} bytes (2 MiB) per record`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw fileIssue(file, 'read-failed', `cannot read the file (${describeFsError(error)})`);
  }
  return decodeInput(bytes, file);
}

/** A file-system error as its code only (ENOENT, EACCES, ...): the message may echo paths we do not want. */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown error';
}
