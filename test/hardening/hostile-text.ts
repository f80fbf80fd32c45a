/**
 * Text that is legal in a record but hard on documents: emoji sequences, right-to-left scripts,
 * invisible characters, combining marks, markup and template syntax, tabs and line breaks, very
 * long words and narratives. Shared by the tests and by make-hostile-record.ts.
 */
import type { FieldPath, RecordData } from './record-data.js';
import { setAt } from './record-data.js';

/** One hostile text and the field it goes into. */
export interface HostileText {
  readonly name: string;
  readonly path: FieldPath;
  readonly value: string;
  readonly kind: 'treatment-plan' | 'discharge-summary';
}

/** A word of `length` letters with no break opportunity in it. */
export function longWord(length: number): string {
  return 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(Math.ceil(length / 45)).slice(0, length);
}

/** A narrative of about `length` characters: ordinary sentences, so it wraps at spaces. */
export function longNarrative(length: number): string {
  const sentences = [
    'Patient reports sleeping six hours most nights and walking twice a week.',
    'Worry about work performance took about two hours a day this month.',
    'Practiced the relaxation exercise four times between sessions.',
  ];
  let text = '';
  for (let i = 0; text.length < length; i += 1) text += `${sentences[i % sentences.length]} `;
  return text.slice(0, length).trim();
}

/** Short hostile texts, each in its own field so one document carries them all. */
export const SHORT_HOSTILE_TEXTS: readonly HostileText[] = [
  {
    name: 'emoji with ZWJ sequences, skin tones, flags and keycaps',
    path: ['assessment', 'summary'],
    value: 'Drew 👨‍👩‍👧‍👦 and 🏳️‍🌈; waved 👋🏽; rated mood 7️⃣ of 10 🙂.',
    kind: 'treatment-plan',
  },
  {
    name: 'right-to-left Hebrew and Arabic mixed with Latin and digits',
    path: ['goals', 0, 'statement'],
    value: 'Reach PHQ-9 ≤ 9: המטופלת תחזור לעבודה מלאה תוך 12 שבועות، وستعود المريضة إلى العمل خلال 12 أسبوعًا.',
    kind: 'treatment-plan',
  },
  {
    name: 'zero-width and bidirectional control characters',
    path: ['problems', 0, 'statement'],
    value:
      'Zero\u200bwidth\u200cnon\u200djoiner\u2060joined\ufeffbom \u200eLRM\u200f \u202eoverride\u202c \u2066isolate\u2069 soft\u00adhyphen',
    kind: 'treatment-plan',
  },
  {
    name: 'combining marks, decomposed letters and stacked diacritics',
    path: ['patient', 'name', 'family'],
    value: 'Nguye\u0302\u0303n-Z\u0334\u0317a\u0335\u0355l\u0336g\u0337o\u0338',
    kind: 'treatment-plan',
  },
  {
    name: 'markup, template syntax and XML-special characters',
    path: ['strengths', 0],
    value: '<b>not bold</b> {{patient.name}} {{{x}}} &amp; & < > " \' ]]> <w:t>x</w:t> <script>alert(1)</script>',
    kind: 'treatment-plan',
  },
  {
    name: 'tabs and line breaks, with a blank line',
    path: ['dischargeCriteria', 1, 'statement'],
    value: 'No missed workdays:\n\tweek 1\tweek 2\n\n\tfor 4 consecutive weeks.',
    kind: 'treatment-plan',
  },
  {
    name: 'CJK, Devanagari, Thai and mathematical symbols',
    path: ['discharge', 'aftercare'],
    value: '月に一度の面談 · मासिक जाँच · ตรวจรายเดือน · ∑ ≥ ≤ ∞ √',
    kind: 'discharge-summary',
  },
];

/** Very long texts: a 6,000-letter word in a table cell and a 30,000-character narrative. */
export const LONG_HOSTILE_TEXTS: readonly HostileText[] = [
  {
    name: 'a 6,000-letter word in a table cell',
    path: ['interventions', 1, 'description'],
    value: longWord(6000),
    kind: 'treatment-plan',
  },
  {
    name: 'a 30,000-character narrative',
    path: ['assessment', 'summary'],
    value: longNarrative(30_000),
    kind: 'treatment-plan',
  },
];

/** Writes each text into its field of `data`. */
export function withTexts(data: RecordData, texts: readonly HostileText[]): RecordData {
  for (const text of texts) setAt(data, text.path, text.value);
  return data;
}
