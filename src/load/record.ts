import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { LoadError, type LoadIssue } from '../errors.js';
import { type LinkedRecord, linkRecord } from '../model/linked.js';
import { recordSchema } from '../model/record.js';
import { formatPath, type LocatedValue, MAX_ISSUES, parseLocated } from './located-yaml.js';
import { checkReferences } from './references.js';
import { readInput } from './source.js';
import { describeZodIssue } from './zod-issues.js';

/** Validates a parsed value against a schema, turning every issue into a located load issue. */
export function validateLocated<S extends z.ZodType>(schema: S, located: LocatedValue): z.output<S> {
  const result = schema.safeParse(located.value);
  if (result.success) return result.data;
  // As with YAML errors, the first few are what a user fixes first; thousands help nobody.
  const issues = result.error.issues
    .slice(0, MAX_ISSUES)
    .flatMap((issue) => describeZodIssue(issue, located, schema))
    .slice(0, MAX_ISSUES);
  throw new LoadError(issues);
}

/** Loads a record from text (YAML or JSON) already read from `file`. Throws LoadError. */
export function loadRecordText(text: string, file: string): LinkedRecord {
  const located = parseLocated(text, file);
  const data = validateLocated(recordSchema, located);
  const problems = checkReferences(data);
  if (problems.length > 0) {
    throw new LoadError(
      problems.slice(0, MAX_ISSUES).map(
        (problem): LoadIssue => ({
          file,
          ...located.locate(problem.path),
          path: formatPath(problem.path),
          code: problem.code,
          message: problem.message,
        }),
      ),
    );
  }
  return linkRecord(data, file, createHash('sha256').update(text).digest('hex'));
}

/** Reads and loads one record file. Throws LoadError. */
export async function loadRecordFile(file: string): Promise<LinkedRecord> {
  return loadRecordText(await readInput(file), file);
}
