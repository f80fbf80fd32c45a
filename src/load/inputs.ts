import { stat } from 'node:fs/promises';
import path from 'node:path';
import { LoadError } from '../errors.js';
import type { LinkedRecord } from '../model/linked.js';
import { loadRecordText } from './record.js';
import { listRecordFiles } from './record-files.js';
import { decodeInput, describeFsError, readInput } from './source.js';

/** One record to load: a file, one line of an NDJSON file, or standard input. */
export interface RecordSource {
  /** How reports name it: the path as given, `file.ndjson:12`, or `<stdin>`. */
  readonly label: string;
  load(): Promise<LinkedRecord>;
}

/** The result of loading one source: the record, or the error that stopped it. */
export type LoadOutcome =
  | { readonly ok: true; readonly source: RecordSource; readonly record: LinkedRecord }
  | { readonly ok: false; readonly source: RecordSource; readonly error: LoadError };

/** Reads `file` (an absolute path) but names it `label` in any error, as reports name it. */
async function readAs(file: string, label: string): Promise<string> {
  try {
    return await readInput(file);
  } catch (error) {
    if (!(error instanceof LoadError)) throw error;
    throw new LoadError(error.issues.map((issue) => ({ ...issue, file: label })));
  }
}

function fileSource(file: string, label: string): RecordSource {
  return { label, load: async () => loadRecordText(await readAs(file, label), label) };
}

/** Each non-blank line of an NDJSON file is one record; its errors name the file's own line. */
async function ndjsonSources(absolute: string, file: string): Promise<RecordSource[]> {
  const text = await readAs(absolute, file).catch((error: unknown) => {
    if (error instanceof LoadError) return error;
    throw error;
  });
  if (text instanceof LoadError) return [{ label: file, load: () => Promise.reject(text) }];
  const sources: RecordSource[] = [];
  // Lines end in \n or, from Windows, \r\n: a stray \r would make every line invalid JSON.
  text.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    const lineNumber = index + 1;
    const label = `${file}:${lineNumber}`;
    sources.push({
      label,
      load: async () => {
        try {
          return loadRecordText(line, label);
        } catch (error) {
          if (!(error instanceof LoadError)) throw error;
          // Positions inside the line are line 1; report them at the file's line.
          throw new LoadError(error.issues.map((issue) => ({ ...issue, file, line: lineNumber })));
        }
      },
    });
  });
  return sources;
}

/**
 * Expands the command line's inputs into record sources, in order: files as given, folders
 * searched recursively (sorted), NDJSON files line by line, `-` as standard input. An input that
 * does not exist becomes a source that fails with a located error, so it is accounted for.
 */
export async function expandInputs(
  inputs: readonly string[],
  options: { cwd: string; readStdin: () => Promise<Uint8Array> },
): Promise<RecordSource[]> {
  const sources: RecordSource[] = [];
  for (const input of inputs) {
    if (input === '-') {
      sources.push({
        label: '<stdin>',
        load: async () => loadRecordText(decodeInput(await options.readStdin(), '<stdin>'), '<stdin>'),
      });
      continue;
    }
    const resolved = path.resolve(options.cwd, input);
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(resolved);
    } catch (error) {
      const failure = new LoadError([
        {
          file: input,
          line: 1,
          column: 1,
          path: '',
          code: 'read-failed',
          message: `cannot read the input (${describeFsError(error)})`,
        },
      ]);
      sources.push({ label: input, load: () => Promise.reject(failure) });
      continue;
    }
    const files: string[] = [];
    if (info.isDirectory()) await listRecordFiles(resolved, files);
    else files.push(resolved);
    for (const file of files) {
      const label = path.relative(options.cwd, file) || file;
      // Read by absolute path (cwd need not be the process's), reported by the path as the user sees it.
      if (file.endsWith('.ndjson')) sources.push(...(await ndjsonSources(file, label)));
      else sources.push(fileSource(file, label));
    }
  }
  return sources;
}

/** Loads every source, never stopping at a bad one: each outcome is the record or its error. */
export async function loadAll(sources: readonly RecordSource[]): Promise<LoadOutcome[]> {
  const outcomes: LoadOutcome[] = [];
  for (const source of sources) {
    try {
      outcomes.push({ ok: true, source, record: await source.load() });
    } catch (error) {
      if (!(error instanceof LoadError)) throw error;
      outcomes.push({ ok: false, source, error });
    }
  }
  return outcomes;
}
