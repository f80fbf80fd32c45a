import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, MAX_TOKENS } from '../../src/load/located-yaml.js';
import { loadRecordText } from '../../src/load/record.js';
import {
  edit,
  expectCleanRefusal,
  positionAfter,
  positionOf,
  summary,
  VALID_JSON,
  VALID_YAML,
} from './record-fixture.js';

/** Loads `text` as `file`, which must be refused cleanly; returns its issues summarised. */
async function refused(text: string, file = 'hostile.yaml'): Promise<string[]> {
  const error = await expectCleanRefusal(() => loadRecordText(text, file), file);
  return error.issues.map(summary);
}

/** The first issue only, for inputs that fail in more than one place. */
async function firstRefusal(text: string, file = 'hostile.yaml'): Promise<string> {
  return (await refused(text, file))[0] ?? '';
}

describe('malformed YAML', () => {
  // The yaml library notices some mistakes a line later (an unclosed bracket, at the next key).
  it.each([
    ['an unclosed bracket', 'dob: 1987-03-14', 'dob: [1987-03-14', '10:3: the indentation is inconsistent here'],
    [
      'an unclosed quote',
      'memberId: W123456789',
      'memberId: "W123456789',
      // At the end of the line the quote opens on.
      `17:${(VALID_YAML.split('\n')[16]?.replace('W123', '"W123').length ?? 0) + 1}: a closing quote or bracket is missing`,
    ],
    ['a tab as indentation', '  sex: F', '\tsex: F', '10:1: a tab is used for indentation; indent with spaces'],
    [
      'a key without its colon',
      '  sex: F',
      '  sex F\n  extra: 1',
      '10:3: a key runs over several lines; is a colon missing on the line before?',
    ],
  ])('refuses %s with where it is, not the text around it', async (_what, from, to, expected) => {
    const text = edit(VALID_YAML, from, to);
    const error = await expectCleanRefusal(() => loadRecordText(text, 'bad.yaml'), 'bad.yaml');
    expect(error.first).toMatchObject({ code: 'yaml-syntax', path: '' });
    expect(error.message.split('\n')[0]).toBe(`bad.yaml:${expected}`);
  });
});

describe('duplicate keys', () => {
  it('refuses a key given twice, at the second one', async () => {
    const text = edit(VALID_YAML, '  sex: F', '  sex: F\n  sex: M');
    expect(await refused(text)).toEqual([`duplicate-key patient @${positionOf(text, 'sex: M')}`]);
  });

  it('refuses a duplicate top-level section far from the first', async () => {
    const text = `${VALID_YAML}patient:\n  id: other\n`;
    expect(await refused(text)).toEqual([`duplicate-key  @${positionOf(text, 'patient:\n  id: other')}`]);
  });

  it('finds duplicates among thousands of keys without slowing down', async () => {
    const keys = Array.from({ length: 10_000 }, (_, i) => `k${i}: v`).join('\n');
    expect(await refused(`${keys}\nk7: again\n`)).toEqual(['duplicate-key  @10001:1']);
  });
});

describe('anchors, aliases and merge keys', () => {
  const laughs = [
    'lol0: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
    ...Array.from({ length: 8 }, (_, i) => {
      const [name, previous] = [String.fromCharCode(98 + i), String.fromCharCode(97 + i)];
      return `lol${i + 1}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`;
    }),
  ].join('\n');

  it('refuses a billion-laughs alias bomb at its first anchor, without expanding it', async () => {
    const issues = await refused(`${laughs}\n`);
    expect(issues[0]).toBe('anchor lol0 @1:10');
    expect(issues).toContain('alias lol1[0] @2:11');
  });

  it('refuses an alias bomb inside an otherwise valid record', async () => {
    const text = edit(VALID_YAML, 'strengths: [', `x: &a [a, a]\ny: [*a, *a]\nstrengths: [`);
    expect((await refused(text)).slice(0, 2)).toEqual([
      `anchor x @${positionOf(text, '[a, a]')}`,
      `alias y[0] @${positionOf(text, '*a')}`,
    ]);
  });

  it('refuses a merge key', async () => {
    const text = edit(VALID_YAML, '  sex: F', '  <<: { sex: F }');
    expect(await refused(text)).toEqual([`merge-key patient @${positionOf(text, '<<')}`]);
  });
});

describe('nesting thousands of levels deep', () => {
  const deep = `values nest more than ${MAX_DEPTH} levels deep`;

  it.each([
    ['flow sequences', `format: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, '1:73'],
    ['flow mappings', `format: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`, '1:265'],
    ['flow hidden after a quote mark', `a: [x'y, ${'['.repeat(500_000)}${']'.repeat(500_000)}]\n`, '1:73'],
    ['flow hidden after a hash', `a: [x#y, ${'['.repeat(500_000)}${']'.repeat(500_000)}]\n`, '1:73'],
    ['block mappings', `${Array.from({ length: 3_000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} 1\n`, '65:65'],
    ['block sequences', `${Array.from({ length: 3_000 }, (_, i) => `${'  '.repeat(i)}-`).join('\n')} x\n`, '65:129'],
    ['compact sequences on one line', `${'- '.repeat(500_000)}x\n`, '1:129'],
    ['compact explicit keys on one line', `${'? '.repeat(500_000)}x\n`, '1:129'],
  ])('refuses %s at the first level too many', async (_what, text, position) => {
    expect(await refused(text)).toEqual([`too-deep  @${position}`]);
    const error = await expectCleanRefusal(() => loadRecordText(text, 'deep.yaml'), 'deep.yaml');
    expect(error.first.message).toBe(deep);
  });

  it('accepts nesting up to the limit', () => {
    const text = edit(
      VALID_YAML,
      'strengths: [',
      `x: ${'['.repeat(MAX_DEPTH - 1)}${']'.repeat(MAX_DEPTH - 1)}\nstrengths: [`,
    );
    // The nesting is read; what fails is only the unknown key that holds it.
    expect(() => loadRecordText(text, 'ok.yaml')).toThrow(/unknown field "x"/);
  });

  it('refuses a file with more tokens than any record needs', async () => {
    const text = `${VALID_YAML}x: [${'a, '.repeat(MAX_TOKENS)}a]\n`;
    const issues = await refused(text);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(new RegExp(`^too-large {2}@${positionOf(text, 'x: [').split(':')[0]}:`));
  });
});

describe('directives and tags', () => {
  it.each([
    ['%YAML 1.1', '%YAML 1.1\n---\n'],
    ['%YAML 1.2', '%YAML 1.2\n---\n'],
    ['%TAG', '%TAG !e! tag:example.com,2000:app/\n---\n'],
  ])('refuses a %s directive', async (_directive, prefix) => {
    expect(await refused(prefix + VALID_YAML)).toEqual(['directive  @1:1']);
  });

  it.each([
    ['!!str', 'sex: !!str F'],
    ['!foo', 'sex: !foo F'],
    ['!!binary', 'sex: !!binary R0lGODlhDAAMAIQAAP'],
    ['!<tag:yaml.org,2002:str>', 'sex: !<tag:yaml.org,2002:str> F'],
    ['!!python/object:os.system', 'sex: !!python/object:os.system F'],
  ])('refuses the tag %s on a value', async (tag, line) => {
    const text = edit(VALID_YAML, 'sex: F', line);
    expect(await refused(text)).toEqual([`tag patient.sex @${positionAfter(text, `${tag} `)}`]);
  });

  it('refuses a tag on a mapping and on a sequence', async () => {
    const text = edit(edit(VALID_YAML, 'patient:\n', 'patient: !!map\n'), 'strengths: [', 'strengths: !!seq [');
    expect(await refused(text)).toEqual([
      `tag patient @${positionOf(text, 'id: MRN')}`,
      `tag strengths @${positionAfter(text, '!!seq ')}`,
    ]);
  });
});

describe('keys that reach the prototype', () => {
  it.each([
    ['__proto__', '  __proto__: { isAdmin: true }'],
    ['"__proto__"', '  "__proto__": { isAdmin: true }'],
    ['constructor', '  constructor: { prototype: { isAdmin: true } }'],
    ['prototype', '  prototype: { isAdmin: true }'],
  ])('refuses %s and pollutes nothing', async (key, line) => {
    const text = edit(VALID_YAML, '  sex: F', line);
    expect(await refused(text)).toEqual([`forbidden-key patient @${positionOf(text, key)}`]);
    expect(({} as { isAdmin?: unknown }).isAdmin).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('isAdmin');
  });

  it('refuses them at the top level and deep in a list', async () => {
    const top = `__proto__:\n  isAdmin: true\n${VALID_YAML}`;
    expect(await refused(top)).toEqual(['forbidden-key  @1:1']);
    const inList = edit(VALID_YAML, '  - { objective: O2', '  - { constructor: x, objective: O2');
    expect(await refused(inList)).toEqual([
      `forbidden-key discharge.outcomes[1] @${positionOf(inList, 'constructor')}`,
    ]);
    expect(({} as { isAdmin?: unknown }).isAdmin).toBeUndefined();
  });
});

describe('several documents in one file', () => {
  it.each([
    ['a second document', `${VALID_YAML}---\nformat: goldthread/record@1\n`],
    ['a document after an end marker', `${VALID_YAML}...\n---\n${VALID_YAML}`],
  ])('refuses %s at the marker', async (_what, text) => {
    expect(await refused(text)).toEqual([`multiple-documents  @${positionOf(text, '---')}`]);
  });
});

describe('a JSON record with the same defects', () => {
  it('refuses a duplicate key', async () => {
    const text = edit(VALID_JSON, '"sex": "F",', '"sex": "F", "sex": "M",');
    expect(await refused(text, 'hostile.json')).toEqual([`duplicate-key patient @${positionOf(text, '"sex": "M"')}`]);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a "%s" key', async (key) => {
    const text = edit(VALID_JSON, '"sex": "F",', `"${key}": { "isAdmin": true },`);
    expect(await refused(text, 'hostile.json')).toEqual([`forbidden-key patient @${positionOf(text, `"${key}"`)}`]);
    expect(({} as { isAdmin?: unknown }).isAdmin).toBeUndefined();
  });

  it('refuses nesting thousands of levels deep', async () => {
    const text = edit(VALID_JSON, '"sex": "F",', `"sex": ${'{"a": '.repeat(20_000)}1${'}'.repeat(20_000)},`);
    // The record's own braces and the patient's are the first two levels.
    const tooDeep = positionOf(text, '{"a": ').replace(/\d+$/, (c) => String(Number(c) + 6 * (MAX_DEPTH - 2)));
    expect(await refused(text, 'hostile.json')).toEqual([`too-deep  @${tooDeep}`]);
  });

  it('refuses a truncated record', async () => {
    const text = VALID_JSON.slice(0, VALID_JSON.indexOf('"coverage"'));
    expect(await firstRefusal(text, 'hostile.json')).toMatch(/^yaml-syntax {2}@\d+:\d+$/);
  });
});
