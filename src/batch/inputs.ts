import { stat } from 'node:fs/promises';
import path from 'node:path';
import { LoadError } from '../errors.js';
import { listRecordFiles } from '../load/record-files.js';
import { decodeInput, describeFsError, readInput } from '../load/source.js';

/**
 * The batch's view of its inputs: where each record's text is, so the main thread can read it
 * (for the id and the hash) and hand the text to a worker, which loads it. It follows the same
 * rules as `expandInputs` (files, folders searched recursively in name order skipping dot-files
 * and node_modules, NDJSON line by line, `-` for standard input) and names each input the same way.
 */
export type BatchInput =
  | { readonly kind: 'file'; readonly label: string; readonly file: string }
  | {
      readonly kind: 'ndjson-line';
      readonly label: string;
      readonly file: string;
      readonly fileLabel: string;
      readonly line: number;
    }
  | { readonly kind: 'stdin'; readonly label: string }
  | { readonly kind: 'missing'; readonly label: string; readonly error: LoadError };

/** Lists the inputs of a batch in order. An NDJSON file is read here to find its lines. */
export async function listBatchInputs(inputs: readonly string[], cwd: string): Promise<BatchInput[]> {
  const out: BatchInput[] = [];
  for (const input of inputs) {
    if (input === '-') {
      out.push({ kind: 'stdin', label: '<stdin>' });
      continue;
    }
    const resolved = path.resolve(cwd, input);
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(resolved)).isDirectory();
    } catch (error) {
      const issue = { file: input, line: 1, column: 1, path: '', code: 'read-failed' as const };
      const message = `cannot read the input (${describeFsError(error)})`;
      out.push({ kind: 'missing', label: input, error: new LoadError([{ ...issue, message }]) });
      continue;
    }
    const files: string[] = [];
    if (isDirectory) await listRecordFiles(resolved, files);
    else files.push(resolved);
    for (const file of files) {
      const label = path.relative(cwd, file) || file;
      if (!file.endsWith('.ndjson')) {
        out.push({ kind: 'file', label, file });
        continue;
      }
      const text = await readLabelled(file, label).catch((error: unknown) => {
        if (error instanceof LoadError) return error;
        throw error;
      });
      if (text instanceof LoadError) {
        out.push({ kind: 'missing', label, error: text });
        continue;
      }
      text.split('\n').forEach((line, index) => {
        if (line.trim())
          out.push({ kind: 'ndjson-line', label: `${label}:${index + 1}`, file, fileLabel: label, line: index + 1 });
      });
    }
  }
  return out;
}

/** readInput, with errors naming the file by its label. */
async function readLabelled(file: string, label: string): Promise<string> {
  try {
    return await readInput(file);
  } catch (error) {
    if (error instanceof LoadError) throw new LoadError(error.issues.map((issue) => ({ ...issue, file: label })));
    throw error;
  }
}

/**
 * Reads inputs' texts. Inputs are read in order, so the lines of one NDJSON file come one after
 * another: the file is kept while its lines are read. Standard input is read once.
 */
export class InputReader {
  private ndjson: { file: string; lines: string[] } | undefined;
  private stdin: Promise<string> | undefined;

  constructor(private readonly readStdin: () => Promise<Uint8Array>) {}

  /** The text of one record. Throws LoadError (unreadable, too large, not UTF-8). */
  async read(input: BatchInput): Promise<string> {
    switch (input.kind) {
      case 'missing':
        throw input.error;
      case 'file':
        return readLabelled(input.file, input.label);
      case 'stdin':
        this.stdin ??= this.readStdin().then((bytes) => decodeInput(bytes, '<stdin>'));
        return this.stdin;
      case 'ndjson-line': {
        if (this.ndjson?.file !== input.file) {
          this.ndjson = { file: input.file, lines: (await readLabelled(input.file, input.fileLabel)).split('\n') };
        }
        return this.ndjson.lines[input.line - 1] ?? '';
      }
    }
  }
}

/** Where a record's text came from, as a worker needs it to name load errors. */
export interface TextOrigin {
  readonly label: string;
  /** For an NDJSON line: the file's label and the line, so errors point into the file. */
  readonly ndjson?: { readonly fileLabel: string; readonly line: number };
}

/** The origin of an input's text. */
export function textOrigin(input: BatchInput): TextOrigin {
  return input.kind === 'ndjson-line'
    ? { label: input.label, ndjson: { fileLabel: input.fileLabel, line: input.line } }
    : { label: input.label };
}
