import { INSTRUMENTS } from '../codes/instruments.js';

/**
 * Whether a statement is quantified: it carries a number, a score, a frequency or a duration.
 * A quantified statement is measurable, so vague-language never flags it and a discharge
 * criterion that has one is measurable.
 */

const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
  'hundred',
  'half',
  'once',
  'twice',
  'thrice',
  'percent',
];

const FREQUENCY_WORDS = [
  'hourly',
  'daily',
  'nightly',
  'weekly',
  'biweekly',
  'fortnightly',
  'monthly',
  'bimonthly',
  'quarterly',
  'yearly',
  'annually',
  'weekday',
  'weekdays',
];

// Units a frequency or duration is counted in: "a week", "per session", "4 consecutive months".
const TIME_UNITS = 'days?|nights?|mornings?|evenings?|weeks?|weekends?|months?|years?';
const VISIT_UNITS = 'sessions?|visits?|appointments?';

// Screening and outcome instruments named in plans, beyond those goldthread scores itself.
const OTHER_INSTRUMENTS = [
  'BDI',
  'BAI',
  'C-SSRS',
  'CSSRS',
  'DAST',
  'CAGE',
  'ORS',
  'SRS',
  'K10',
  'WHODAS',
  'EPDS',
  'SCARED',
  'Vanderbilt',
  'CGI',
  'YMRS',
];

/** A text with every character a regular expression treats specially escaped. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A pattern for any of `alternatives` as a whole word: no letter or digit right before or after. */
export const wholeWord = (alternatives: readonly string[]): string =>
  `(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`;

const QUANTITY_PATTERNS: readonly RegExp[] = [
  /\d/u,
  /%/u,
  new RegExp(wholeWord(NUMBER_WORDS), 'iu'),
  new RegExp(wholeWord(FREQUENCY_WORDS), 'iu'),
  new RegExp(wholeWord([`(?:a|an|per|each|every|consecutive)\\s+(?:[\\p{L}-]+\\s+)?(?:${TIME_UNITS})`]), 'iu'),
  // "in a session" is no frequency; "per session" and "every visit" are.
  new RegExp(wholeWord([`(?:per|each|every|consecutive)\\s+(?:[\\p{L}-]+\\s+)?(?:${VISIT_UNITS})`]), 'iu'),
  new RegExp(wholeWord(['scores?', 'scored', 'rating', 'ratings']), 'iu'),
  // Instrument names are written in capitals: match them case-sensitively so "audit" the verb is not one.
  new RegExp(
    wholeWord([...INSTRUMENTS.map((i) => i.id.split('-')[0] as string), ...OTHER_INSTRUMENTS].map(escapeRegExp)),
    'u',
  ),
];

/** Whether the text carries a number, a score, a frequency or a duration. */
export function isQuantified(text: string): boolean {
  return QUANTITY_PATTERNS.some((pattern) => pattern.test(text));
}
