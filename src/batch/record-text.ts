import { LoadError } from '../errors.js';
import { loadRecordText } from '../load/record.js';
import type { LinkedRecord } from '../model/linked.js';
import type { TextOrigin } from './inputs.js';

/** Loads a record from its text. Throws LoadError located in the input file (an NDJSON line at its own line). */
export function loadBatchRecord(text: string, origin: TextOrigin): LinkedRecord {
  try {
    return loadRecordText(text, origin.label);
  } catch (error) {
    if (!(error instanceof LoadError) || origin.ndjson === undefined) throw error;
    const { fileLabel, line } = origin.ndjson;
    throw new LoadError(error.issues.map((issue) => ({ ...issue, file: fileLabel, line })));
  }
}
