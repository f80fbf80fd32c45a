import { UsageError } from '../errors.js';
import { toEditorJsonSchema } from '../model/json-schema.js';
import { RECORD_FORMAT, recordSchema } from '../model/record.js';
import type { Command } from './io.js';

/** `goldthread schema record`: the record format's JSON Schema, for editors. */
export const schema: Command = async (args, io) => {
  if (args.length !== 1 || args[0] !== 'record') throw new UsageError('usage: goldthread schema record');
  const json = toEditorJsonSchema(recordSchema, {
    id: 'https://goldthread.dev/schema/record-1.json',
    title: RECORD_FORMAT,
  });
  io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  return 0;
};
