import { describe, expect, it } from 'vitest';
import { LoadError } from '../../src/errors.js';
import { loadRecordText } from '../../src/load/record.js';
import { exampleData, type FieldPath, loadData, pathText, setAt } from './record-data.js';

/** Characters no document format can carry (DOCX's XML forbids them) or that only mean broken text. */
const REFUSED: readonly (readonly [string, string])[] = [
  ['NUL', '\u0000'],
  ['ESC', '\u001b'],
  ['vertical tab', '\u000b'],
  ['form feed', '\u000c'],
  ['backspace', '\u0008'],
  ['DEL', '\u007f'],
  ['a lone high surrogate', '\ud83d'],
  ['a lone low surrogate', '\ude00'],
  ['a low surrogate before a high one', '\ude00\ud83d'],
  ['U+FFFE', '\ufffe'],
  ['U+FFFF', '\uffff'],
];

/** Text fields at several depths: top-level list item, nested object, list in a list, signature. */
const FIELDS: readonly FieldPath[] = [
  ['patient', 'name', 'given'],
  ['assessment', 'summary'],
  ['problems', 1, 'impairments', 0, 'description'],
  ['strengths', 2],
  ['signatures', 0, 'name'],
  ['discharge', 'referrals', 0],
];

const MARKER = 'CANARY-refused-7f3a';

function refusal(field: FieldPath, character: string): LoadError {
  const data = exampleData();
  setAt(data, field, `${MARKER} before${character}after`);
  try {
    loadData(data, 'hostile.json');
  } catch (error) {
    if (error instanceof LoadError) return error;
    throw error;
  }
  throw new Error('the record loaded');
}

describe('characters a document cannot carry are refused by the loader, with the field path', () => {
  for (const [name, character] of REFUSED) {
    it.each(FIELDS.map((f) => [pathText(f), f] as const))(`${name} in %s`, (where, field) => {
      const error = refusal(field, character);
      expect(error.issues).toHaveLength(1);
      const issue = error.first;
      expect(issue.path).toBe(where);
      expect(issue.file).toBe('hostile.json');
      expect(issue.line).toBe(1);
      expect(issue.column).toBeGreaterThan(1);
      expect(error.message).not.toContain(MARKER);
      expect(error.message).not.toContain(character);
    });
  }

  it('names the character by its code point, not by showing it', () => {
    expect(refusal(['goals', 0, 'statement'], '\u001b').first.message).toMatch(/U\+001B/);
    expect(refusal(['goals', 0, 'statement'], '\ufffe').first.message).toMatch(/U\+FFFE/);
  });

  it('points at the line and column of the field in a YAML file', () => {
    const data = exampleData();
    setAt(data, ['goals', 1, 'statement'], 'fine');
    // Pretty JSON is YAML; YAML's double-quoted "\\e" escape is the ESC character.
    const lines = JSON.stringify(data, null, 2).replace('"fine"', '"bad \\e escape"').split('\n');
    const line = lines.findIndex((l) => l.includes('\\e escape'));
    // Problems with a field's value are placed at the field's key, on the value's line.
    const column = (lines[line] ?? '').indexOf('"statement"');
    try {
      loadRecordText(lines.join('\n'), 'hostile.yaml');
      throw new Error('the record loaded');
    } catch (error) {
      if (!(error instanceof LoadError)) throw error;
      expect(error.first.path).toBe('goals[1].statement');
      expect(`${error.first.line}:${error.first.column}`).toBe(`${line + 1}:${column + 1}`);
    }
  });

  it('accepts tab, newline and carriage return, and turns CR LF into LF', () => {
    const data = exampleData();
    setAt(data, ['goals', 1, 'statement'], 'one\ttwo\r\nthree\rfour\nfive');
    expect(loadData(data).data.goals[1]?.statement).toBe('one\ttwo\nthree\nfour\nfive');
  });
});
