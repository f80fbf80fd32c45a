import { z } from 'zod';

/**
 * Scalar schemas for values read from YAML or JSON. The loader hands every scalar over as the text
 * the user wrote (`0012345`, `90837`, `55`), so text stays text and numbers are parsed here, where
 * the schema knows a number is meant. Each carries a `scalar` meta tag the JSON Schema export uses
 * to describe it as editors see it.
 */

/** The longest text a field may hold (a long narrative is a few thousand characters). */
export const MAX_TEXT_LENGTH = 100_000;

// C0 controls other than tab, newline and carriage return; DEL; the non-characters U+FFFE/U+FFFF.
// None can be carried by DOCX XML, and none belongs in a clinical document.
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a text cannot be carried into a document, or undefined when it can. Never echoes the text. */
export function textProblem(value: string): string | undefined {
  if (FORBIDDEN_CHARACTER.test(value)) {
    const code = (value.match(FORBIDDEN_CHARACTER)?.[0] ?? '').codePointAt(0) ?? 0;
    return `contains the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}, which a document cannot show`;
  }
  if (LONE_SURROGATE.test(value)) return 'contains an unpaired UTF-16 surrogate (broken text encoding)';
  return undefined;
}

/** Free text: non-empty, within the length cap, carriable into every output format. Line breaks normalised. */
export const text = () =>
  z
    .string({ error: 'expected text' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(MAX_TEXT_LENGTH, { error: `is longer than ${MAX_TEXT_LENGTH} characters` })
    .superRefine((value, ctx) => {
      const problem = textProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .transform((value) => value.replace(/\r\n?/g, '\n'))
    .meta({ scalar: 'text' });

/** An identifier or code written as text: one line, no surrounding blanks. */
export const token = (pattern: RegExp, expected: string) =>
  z
    .string({ error: `expected ${expected}` })
    .regex(pattern, { error: `expected ${expected}` })
    .meta({ scalar: 'text' });

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** An ISO calendar date `YYYY-MM-DD` that exists (no 2026-02-30). */
export const isoDate = () =>
  z
    .string({ error: 'expected a date (YYYY-MM-DD)' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date (YYYY-MM-DD)', abort: true })
    .refine(isRealDate, { error: 'is not a real calendar date' })
    .meta({ scalar: 'date' });

/** A whole number written as text, within bounds. */
export const integer = (min: number, max: number) =>
  z
    .string({ error: 'expected a whole number' })
    .regex(/^[+-]?\d{1,9}$/, { error: 'expected a whole number' })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { error: `must be at least ${min}` })
        .max(max, { error: `must be at most ${max}` }),
    )
    .meta({ scalar: 'integer', minimum: min, maximum: max });

/** A number (decimals allowed) written as text. */
export const decimal = () =>
  z
    .string({ error: 'expected a number' })
    .regex(/^[+-]?(\d{1,9}(\.\d{1,6})?|\.\d{1,6})$/, { error: 'expected a number' })
    .transform(Number)
    .meta({ scalar: 'number' });

/** `true` or `false`. */
export const bool = () =>
  z
    .enum(['true', 'false'], { error: 'expected true or false' })
    .transform((value) => value === 'true')
    .meta({ scalar: 'boolean' });

/** One of a fixed set of words. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `expected one of: ${values.join(', ')}` });

/** A list, with a message that says a list was expected. */
export const list = <T extends z.ZodType>(item: T) => z.array(item, { error: 'expected a list' });

/** The NPI check digit: Luhn over the prefix 80840 and the first nine digits. */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi.slice(0, 9)}`;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10 === Number(npi[9]);
}

/** A National Provider Identifier: ten digits with a valid check digit. */
export const npi = () =>
  z
    .string({ error: 'expected a 10-digit NPI' })
    .regex(/^\d{10}$/, { error: 'expected a 10-digit NPI', abort: true })
    .refine(isValidNpi, { error: 'is not a valid NPI (the check digit does not match)' })
    .meta({ scalar: 'text' });
