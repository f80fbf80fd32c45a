import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Document, Lexer, parseDocument } from 'yaml';
import { PARSE_OPTIONS, parseLexemes } from '../../src/load/located-yaml.js';

// The loader lexes each file once, for its hostile-structure check, and hands those lexemes to
// yaml's parser and composer itself. These tests hold that to yaml's own parseDocument.

function bothWays(text: string) {
  const ours = parseLexemes([...new Lexer().lex(text)], text, PARSE_OPTIONS);
  const theirs = parseDocument(text, PARSE_OPTIONS);
  const view = (doc: Document.Parsed) => ({
    contents: doc.contents === null ? null : JSON.stringify(doc.contents),
    range: doc.range,
    errors: doc.errors.map((e) => [e.code, e.pos]),
    warnings: doc.warnings.map((e) => [e.code, e.pos]),
  });
  return { ours: view(ours), theirs: view(theirs) };
}

const samplesDir = new URL('../../samples/', import.meta.url);
const samples = readdirSync(samplesDir).filter((name) => name.endsWith('.yaml'));

describe('parsing from the lexemes already read', () => {
  it.each(samples)('builds the same document as yaml for %s', (name) => {
    const { ours, theirs } = bothWays(readFileSync(new URL(name, samplesDir), 'utf8'));
    expect(ours.errors).toEqual([]);
    expect(ours).toEqual(theirs);
  });

  it.each([
    ['a second document', 'a: 1\n---\nb: 2\n'],
    ['an end marker and another document', 'a: 1\n...\n---\nb: 2\n'],
    ['a bad indent', 'a:\n  b: 1\n c: 2\n'],
    ['an unclosed flow sequence', 'a: [1, 2\nb: 3\n'],
    ['a tab as indentation', 'a:\n\tb: 1\n'],
    ['an empty file', ''],
    ['only a comment', '# nothing\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
  ])('reports what yaml reports for %s', (_what, text) => {
    const { ours, theirs } = bothWays(text);
    expect(ours).toEqual(theirs);
  });

  it('agrees with yaml on arbitrary text made of YAML punctuation', () => {
    const alphabet = [
      'a',
      'b',
      '1',
      ' ',
      '  ',
      '\n',
      ':',
      '- ',
      '[',
      ']',
      '{',
      '}',
      ',',
      '"',
      "'",
      '#',
      '|',
      '>',
      '---',
      '...',
      '&x',
      '*x',
      '!t',
      '\t',
      '?',
      '%',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }), (parts) => {
        const { ours, theirs } = bothWays(parts.join(''));
        expect(ours).toEqual(theirs);
      }),
      { numRuns: 500, seed: 20261127 },
    );
  });
});
