import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { escapeRegExp, isQuantified, wholeWord } from './quantity.js';

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
  /** The spellings anywhere, even inside a word: cheap to build, and false for most statements. */
  readonly anywhere: RegExp;
  /** The same spellings as whole words; built on first need (see compile). */
  asWord?: RegExp;
}

function compile(phrases: readonly VaguePhrase[]): CompiledPhrase[] {
  return phrases.map(({ phrase, spellings }) => {
    // Words may be separated by any run of blanks; a hyphen matches a hyphen or a blank.
    const alternatives = spellings.map((s) =>
      escapeRegExp(s.trim().toLowerCase()).replace(/\s+/g, '\\s+').replace(/-/g, '[-\\s]?'),
    );
    // The whole-word look-arounds use Unicode's letter and digit classes, which V8 takes ~0.4 ms to
    // build for each expression: 18-36 ms for the list, paid by every one-record command. A
    // statement can only match the whole-word form if it matches this one, so most never need it.
    return { phrase, anywhere: new RegExp(alternatives.join('|'), 'iu') };
  });
}

function matches(compiled: CompiledPhrase, statement: string): boolean {
  if (!compiled.anywhere.test(statement)) return false;
  compiled.asWord ??= new RegExp(wholeWord([compiled.anywhere.source]), 'iu');
  return compiled.asWord.test(statement);
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
  return compiled.filter((c) => matches(c, statement)).map(({ phrase }) => phrase);
}
