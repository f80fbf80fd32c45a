import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ROBOTO_FILES } from '../../../src/render/pdf/fonts.js';
import { toPdfText } from '../../../src/render/pdf/pdf-text.js';

interface Face {
  readonly characterSet: readonly number[];
  glyphForCodePoint(codePoint: number): { readonly id: number };
}
const fontkit = createRequire(import.meta.url)('fontkit') as { create(bytes: Buffer): Face };

describe('text as the PDF writes it', () => {
  it('writes characters that share a glyph with another as that other', () => {
    expect(toPdfText('∆ PHQ-9 of −6')).toBe('Δ PHQ-9 of −6');
    expect(toPdfText('ﬁnal ﬂoor eﬃcient baﬄe')).toBe('final floor efficient baffle');
    expect(toPdfText('Ω and the ohm sign Ω')).toBe('Ω and the ohm sign Ω');
  });

  it('leaves no character of any face sharing its glyph with another, unmapped', () => {
    for (const file of Object.values(ROBOTO_FILES)) {
      const face = fontkit.create(readFileSync(file));
      const byGlyph = new Map<number, string[]>();
      for (const codePoint of face.characterSet) {
        // What the PDF writes for this character, and the glyph that is.
        const written = toPdfText(String.fromCodePoint(codePoint));
        if ([...written].length !== 1) continue;
        const id = face.glyphForCodePoint(written.codePointAt(0) as number).id;
        byGlyph.set(id, [...new Set([...(byGlyph.get(id) ?? []), written])]);
      }
      const shared = [...byGlyph.values()].filter((chars) => chars.length > 1);
      expect(shared, file).toEqual([]);
      // A Latin ligature the font maps as a character is also what shaping makes of its letters.
      const ligatures = face.characterSet.filter((c) => c >= 0xfb00 && c <= 0xfb06).map((c) => String.fromCodePoint(c));
      expect(ligatures.length, file).toBeGreaterThan(0);
      for (const ligature of ligatures) expect(toPdfText(ligature)).toBe(ligature.normalize('NFKD'));
    }
  });
});
