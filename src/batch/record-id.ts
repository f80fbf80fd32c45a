/**
 * Reads a record's id for a batch, without loading the record when the id is written the usual
 * way. Sharding and duplicate detection need only the
 * id, and a full load (YAML with positions, then the schema) costs ~12 ms a record: done in the
 * main thread for every input it would cap a batch at ~80 records/s, and done on every machine of
 * a sharded batch it would repeat on each the work the sharding was meant to split.
 */

import type { TextOrigin } from './inputs.js';

const ID = '[A-Za-z0-9._-]{1,64}';
/** A top-level `id:` line, the value plain or quoted, perhaps with a comment. */
const YAML_ID_LINE = new RegExp(`^id:[ \\t]*(?:(${ID})|'(${ID})'|"(${ID})")[ \\t]*(?:#.*)?\\r?$`, 'gm');
const VALID_ID = new RegExp(`^${ID}$`);

/**
 * The record id as written at the top level of the text, or undefined when it is not written in
 * the usual way (the caller then loads the record to learn it). JSON is parsed; YAML must have
 * exactly one top-level `id:` line. A worker checks the id it loads against this one.
 */
export function peekRecordId(text: string): string | undefined {
  const start = text.trimStart();
  if (start.startsWith('{')) {
    try {
      const value: unknown = JSON.parse(text);
      const id = (value as { id?: unknown } | null)?.id;
      return typeof id === 'string' && VALID_ID.test(id) ? ownCopy(id) : undefined;
    } catch {
      // Not JSON after all (a YAML flow mapping, or broken): the full load decides.
    }
  }
  const matches = [...text.matchAll(YAML_ID_LINE)];
  if (matches.length !== 1) return undefined;
  const [, plain, single, double] = matches[0] as RegExpMatchArray;
  const id = plain ?? single ?? double;
  return id === undefined ? undefined : ownCopy(id);
}

/**
 * The id a batch keeps for an input: from its `id:` line, or by loading the record when the id is
 * written some other way. Throws LoadError when that load fails.
 */
export async function batchRecordId(text: string, origin: TextOrigin): Promise<string> {
  // The record schema is slow to import; only records with an unusual `id:` need it here.
  return peekRecordId(text) ?? ownCopy((await import('./record-text.js')).loadBatchRecord(text, origin).data.id);
}

/**
 * The id in a string of its own. V8 makes a capture of 13 or more characters a view into the
 * string it was cut from (the YAML loader's scalars too), so an id kept for the whole batch (to
 * shard, skip and report) would keep its record's entire text alive: 10,000 records held ~140 MB
 * in the batch's main thread. Ids are ASCII (VALID_ID, and the record schema's own pattern), so a
 * Latin-1 round trip copies them exactly.
 */
function ownCopy(id: string): string {
  return Buffer.from(id, 'latin1').toString('latin1');
}
