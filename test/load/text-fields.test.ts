import { describe, expect, it } from 'vitest';
import { loadRecordText } from '../../src/load/record.js';
import { type Data, edit, expectCleanRefusal, positionOf, summary, VALID_JSON, VALID_YAML } from './record-fixture.js';

/** The JSON twin with one text field set to `value` (JSON can carry any code unit, escaped). */
function jsonWith(set: (data: Data, value: string) => void, value: string): string {
  const data = JSON.parse(VALID_JSON);
  set(data, value);
  return JSON.stringify(data, null, 2);
}

const setNote = (data: Data, value: string) => {
  data.sessions[0].note = value;
};

describe('characters a document cannot carry are refused with the field path', () => {
  it.each([
    ['NUL', '\u0000', 'contains the control character U+0000, which a document cannot show'],
    ['ESC', '\u001b[31m', 'contains the control character U+001B, which a document cannot show'],
    ['vertical tab', '\u000b', 'contains the control character U+000B, which a document cannot show'],
    ['form feed', '\u000c', 'contains the control character U+000C, which a document cannot show'],
    ['backspace', '\u0008', 'contains the control character U+0008, which a document cannot show'],
    ['DEL', '\u007f', 'contains the control character U+007F, which a document cannot show'],
    ['U+FFFE', '\ufffe', 'contains the control character U+FFFE, which a document cannot show'],
    ['U+FFFF', '\uffff', 'contains the control character U+FFFF, which a document cannot show'],
    ['a lone high surrogate', '\ud800', 'contains an unpaired UTF-16 surrogate (broken text encoding)'],
    ['a lone low surrogate', '\udc00', 'contains an unpaired UTF-16 surrogate (broken text encoding)'],
    ['surrogates in the wrong order', '\udc00\ud800', 'contains an unpaired UTF-16 surrogate (broken text encoding)'],
  ])('refuses %s in a session note', async (_what, character, message) => {
    const text = jsonWith(setNote, `Worked on ${character} sleep.`);
    const error = await expectCleanRefusal(() => loadRecordText(text, 'chars.json'), 'chars.json');
    expect(error.issues).toEqual([expect.objectContaining({ code: 'schema', path: 'sessions[0].note', message })]);
    expect(error.issues.map(summary)).toEqual([`schema sessions[0].note @${positionOf(text, '"note"')}`]);
  });

  it.each([
    ['patient.name.given', (d: Data, v: string) => (d.patient.name.given = v), '"given"'],
    ['assessment.summary', (d: Data, v: string) => (d.assessment.summary = v), '"summary"'],
    ['problems[0].symptoms[1]', (d: Data, v: string) => (d.problems[0].symptoms[1] = v), '"before\\u001bafter"'],
    ['strengths[2]', (d: Data, v: string) => (d.strengths[2] = v), '"before\\u001bafter"'],
    ['discharge.referrals[0]', (d: Data, v: string) => (d.discharge.referrals[0] = v), '"before\\u001bafter"'],
  ])('refuses a control character in %s, wherever the field is', async (path, set, needle) => {
    const text = jsonWith(set, 'before\u001bafter');
    const where = positionOf(text, needle);
    const error = await expectCleanRefusal(() => loadRecordText(text, 'chars.json'), 'chars.json');
    expect(error.issues.map(summary)).toEqual([`schema ${path} @${where}`]);
  });

  it.each([
    ['a double-quoted \\0 escape', 'note: "before \\0 after"'],
    ['a double-quoted \\e escape', 'note: "before \\e after"'],
    ['a double-quoted \\v escape', 'note: "before \\v after"'],
    ['a double-quoted \\f escape', 'note: "before \\f after"'],
    ['a raw ESC byte in plain text', 'note: before \u001b after'],
    ['a raw NUL byte in plain text', 'note: before \u0000 after'],
    ['an escaped lone surrogate', 'note: "before \\ud800 after"'],
  ])('refuses %s in YAML', async (_what, line) => {
    const text = edit(VALID_YAML, 'note: Built an activity schedule; identified three self-critical thoughts.', line);
    const error = await expectCleanRefusal(() => loadRecordText(text, 'chars.yaml'), 'chars.yaml');
    expect(error.issues.map(summary)).toEqual([`schema sessions[0].note @${positionOf(text, line)}`]);
  });
});

describe('text that documents can carry is accepted and kept literally', () => {
  it.each([
    ['a tab', 'Scored\t17 on the PHQ-9.'],
    ['line breaks', 'First line.\nSecond line.\n\nA new paragraph.'],
    ['emoji with skin tone and joiners', 'Drew 👩🏽‍⚕️ and 🏳️‍🌈 on the worksheet.'],
    ['zero-width joiner and non-joiner alone', 'a\u200db\u200cc'],
    ['right-to-left text with a mark', 'Said: \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627\u200f today.'],
    ['combining accents and a no-break space', 'Zoe\u0308 Nguye\u0302\u0303n\u00a0Łukasz'],
    ['C1-free Latin-1 and symbols', '½ dose, 5 mg ≥ baseline — “quoted” © §4'],
    ['a 6,000-character word', 'x'.repeat(6_000)],
    ['a 30,000-character narrative', 'The client reported steady progress. '.repeat(811).trim()],
  ])('keeps %s', (_what, value) => {
    expect(value.length).toBeGreaterThan(0);
    const fromJson = loadRecordText(jsonWith(setNote, value), 'ok.json');
    expect(fromJson.data.sessions?.[0]?.note).toBe(value);
  });

  it('keeps a 30,000-character narrative written as a YAML literal block', () => {
    const paragraph = 'She described the week in detail, day by day, without prompting.';
    const narrative = Array.from({ length: 470 }, () => paragraph).join('\n');
    expect(narrative.length).toBeGreaterThan(30_000);
    const block = `note: |-\n${narrative.replace(/^/gm, '      ')}`;
    const text = edit(VALID_YAML, 'note: Built an activity schedule; identified three self-critical thoughts.', block);
    expect(loadRecordText(text, 'long.yaml').data.sessions?.[0]?.note).toBe(narrative);
  });

  it('normalises Windows line breaks and trims the ends, and nothing else', () => {
    const { data } = loadRecordText(jsonWith(setNote, '  One.\r\nTwo.\rThree.  '), 'crlf.json');
    expect(data.sessions?.[0]?.note).toBe('One.\nTwo.\nThree.');
  });
});
