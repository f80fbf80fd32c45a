import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { escapeRegExp, isQuantified } from './quantity.js';

/**
 * The curated list of vague treatment-plan wording (`data/vague-phrases.yaml`) and the matcher
 * smart/vague-language uses: whole words, any case, never on a quantified statement.
 */

/** One phrase of the list: the name reports use and every spelling that counts as it. */
export interface VaguePhrase {
  readonly phrase: string;
  readonly group: 'outcomes' | 'interventions';
  readonly spellings: readonly string[];
}

const phraseGroup = z.record(z.string().min(1), z.array(z.string().min(1)).nullable());
const listSchema = z.strictObject({
  format: z.literal('goldthread/vague-phrases@1'),
  outcomes: phraseGroup,
  interventions: phraseGroup,
});

const LIST_URL = new URL('../../data/vague-phrases.yaml', import.meta.url);

/** Reads and checks a phrase list in the data file's format. Throws when the file is malformed. */
export function parseVaguePhrases(text: string): VaguePhrase[] {
  const list = listSchema.parse(parse(text));
  const phrases: VaguePhrase[] = [];
  for (const group of ['outcomes', 'interventions'] as const) {
    for (const [phrase, others] of Object.entries(list[group])) {
      phrases.push({ phrase, group, spellings: [phrase, ...(others ?? [])] });
    }
  }
  return phrases;
}

interface CompiledPhrase {
  readonly phrase: string;
  readonly pattern: RegExp;
}

function compile(phrases: readonly VaguePhrase[]): CompiledPhrase[] {
  return phrases.map(({ phrase, spellings }) => {
    // Words may be separated by any run of blanks; a hyphen matches a hyphen or a blank.
    const alternatives = spellings.map((s) =>
      escapeRegExp(s.trim().toLowerCase()).replace(/\s+/g, '\\s+').replace(/-/g, '[-\\s]?'),
    );
    return { phrase, pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'iu') };
  });
}

let builtIn: CompiledPhrase[] | undefined;

/** The built-in phrase list, read once from data/vague-phrases.yaml. */
export function builtInVaguePhrases(): readonly VaguePhrase[] {
  return parseVaguePhrases(readFileSync(LIST_URL, 'utf8'));
}

/**
 * The vague phrases a statement uses (each phrase's name, in list order), or none when the
 * statement carries a number, a score, a frequency or a duration.
 */
export function findVaguePhrases(statement: string, phrases?: readonly VaguePhrase[]): string[] {
  if (isQuantified(statement)) return [];
  if (!phrases && !builtIn) builtIn = compile(builtInVaguePhrases());
  const compiled = phrases ? compile(phrases) : (builtIn as CompiledPhrase[]);
  return compiled.filter(({ pattern }) => pattern.test(statement)).map(({ phrase }) => phrase);
}
