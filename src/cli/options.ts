import { type ParseArgsConfig, parseArgs } from 'node:util';
import { DOC_KINDS, type DocKind } from '../compose/tree.js';
import { UsageError } from '../errors.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../pipeline/render-record.js';

/** node:util parseArgs with positionals allowed, its errors turned into usage errors (exit 2). */
export function parseCommandArgs<const T extends NonNullable<ParseArgsConfig['options']>>(
  args: readonly string[],
  options: T,
): ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : 'bad arguments');
  }
}

export function parseDocKind(value: string | undefined): DocKind {
  if (value === undefined) return 'treatment-plan';
  if (!(DOC_KINDS as readonly string[]).includes(value)) {
    throw new UsageError(`--doc must be one of ${DOC_KINDS.join(', ')}`);
  }
  return value as DocKind;
}

export function parseFormats(value: string | undefined): OutputFormat[] {
  if (value === undefined) return ['pdf', 'docx'];
  const formats = value
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  for (const format of formats) {
    if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`--format takes a comma-separated list of ${OUTPUT_FORMATS.join(', ')}`);
    }
  }
  if (formats.length === 0) throw new UsageError('--format needs at least one format');
  return [...new Set(formats)] as OutputFormat[];
}

/** `--as-of`: a real calendar date, default today. */
export function parseAsOf(value: string | undefined, today: string): string {
  if (value === undefined) return today;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== value) throw new UsageError('--as-of must be a date as YYYY-MM-DD');
  return value;
}
