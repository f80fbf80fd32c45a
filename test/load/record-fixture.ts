import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { parse, stringify } from 'yaml';
import { LoadError, type LoadIssue } from '../../src/errors.js';
import { loadRecordText } from '../../src/load/record.js';

/** The folder of record fixtures. */
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** The contract's example record as YAML, and its JSON twin. */
export const VALID_YAML = readFileSync(`${FIXTURES}valid.yaml`, 'utf8');
export const VALID_JSON = readFileSync(`${FIXTURES}valid.json`, 'utf8');

// biome-ignore lint/suspicious/noExplicitAny: tests reach into the record by path and break it on purpose.
export type Data = any;

/** The valid record as plain data with every scalar as the text written (YAML's failsafe schema). */
export function validData(): Data {
  return parse(VALID_YAML, { schema: 'failsafe' });
}

/** Plain data back to block YAML, every scalar written plain where it can be, one line per value. */
export function toYaml(data: Data): string {
  return stringify(data, { schema: 'failsafe', lineWidth: 0 });
}

/** Replaces the one occurrence of `from` in `text`; fails the test if it is absent or repeated. */
export function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  expect(at, `"${from}" occurs in the text`).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(from, at + 1), `"${from}" occurs once`).toBe(-1);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** `line:column` (1-based) of an offset in `text`. */
function lineColumnAt(text: string, offset: number): string {
  const before = text.slice(0, offset);
  return `${before.split('\n').length}:${offset - before.lastIndexOf('\n')}`;
}

/** `line:column` where the first `needle` starts in `text`; fails the test if it is absent. */
export function positionOf(text: string, needle: string): string {
  const at = text.indexOf(needle);
  expect(at, `"${needle}" occurs in the text`).toBeGreaterThanOrEqual(0);
  return lineColumnAt(text, at);
}

/** `line:column` where the last `needle` starts in `text`: the second of two duplicates. */
export function lastPositionOf(text: string, needle: string): string {
  const at = text.lastIndexOf(needle);
  expect(at, `"${needle}" occurs in the text`).toBeGreaterThanOrEqual(0);
  return lineColumnAt(text, at);
}

/** `line:column` just after the first `prefix` in `text`: where the value after a key starts. */
export function positionAfter(text: string, prefix: string): string {
  const at = text.indexOf(prefix);
  expect(at, `"${prefix}" occurs in the text`).toBeGreaterThanOrEqual(0);
  return lineColumnAt(text, at + prefix.length);
}

/** Loads text that must fail, and returns the LoadError. */
export function loadFailure(text: string, file = 'record.yaml'): LoadError {
  try {
    loadRecordText(text, file);
  } catch (error) {
    if (error instanceof LoadError) return error;
    throw error;
  }
  throw new Error('expected the record to be refused, but it loaded');
}

/** An issue in one comparable line: `code path @line:column`. */
export function summary(issue: LoadIssue): string {
  return `${issue.code} ${issue.path} @${issue.line}:${issue.column}`;
}

/** Every issue of a load that must fail, summarised. */
export function failureSummaries(text: string, file = 'record.yaml'): string[] {
  return loadFailure(text, file).issues.map(summary);
}

/** Patient data in the fixture that no error message may ever show. */
export const FIXTURE_PHI = [
  'Dana',
  'Whitfield',
  'MRN-004512',
  '1987-03-14',
  'W123456789',
  'Pat Whitfield',
  'second episode of depression',
  'Passive thoughts of death',
] as const;

/** The longest a refusal may take: not a benchmark, only "it does not hang". */
export const REFUSAL_BUDGET_MS = 2_000;

/**
 * Runs `load`, which must throw a LoadError quickly, and checks what a user would see: each line of
 * the message is `file:line:column: ...`, with no stack frames and none of the fixture's patient data.
 */
export async function expectCleanRefusal(load: () => unknown, file: string): Promise<LoadError> {
  const started = performance.now();
  let caught: unknown;
  try {
    await load();
  } catch (error) {
    caught = error;
  }
  const elapsed = performance.now() - started;
  expect(caught, 'the input is refused with a LoadError').toBeInstanceOf(LoadError);
  const error = caught as LoadError;
  expect(elapsed).toBeLessThan(REFUSAL_BUDGET_MS);
  expect(error.issues.length).toBeGreaterThan(0);
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const line of error.message.split('\n')) expect(line).toMatch(new RegExp(`^${escaped}:\\d+:\\d+: \\S`));
  expect(error.message).not.toMatch(/\n\s+at /);
  for (const phi of FIXTURE_PHI) expect(error.message).not.toContain(phi);
  return error;
}
