import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentTree } from '../../src/compose/tree.js';
import { renderDocx } from '../../src/render/docx/render-docx.js';
import { renderHtml } from '../../src/render/html/render-html.js';
import { toPdfText } from '../../src/render/pdf/pdf-text.js';
import { renderPdf } from '../../src/render/pdf/render-pdf.js';
import {
  compose,
  drawnText,
  htmlEscaped,
  looksLikeCompletePdf,
  paragraphHolds,
  pdfTexts,
  readDocx,
} from './documents.js';
import { type HostileText, LONG_HOSTILE_TEXTS, SHORT_HOSTILE_TEXTS, withTexts } from './hostile-text.js';
import { exampleData, getAt, loadData } from './record-data.js';

/** Every rendering of one document: the tree, the HTML page, the DOCX parts read back, the PDF. */
interface Rendered {
  tree: DocumentTree;
  html: string;
  docx: ReturnType<typeof readDocx>;
  pdf: Uint8Array;
}

async function renderEverything(tree: DocumentTree): Promise<Rendered> {
  return { tree, html: renderHtml(tree), docx: readDocx(await renderDocx(tree)), pdf: await renderPdf(tree) };
}

/** Checks that each format carries `text.value` whole, as literal text. */
function expectCarried(rendered: Rendered, text: HostileText): void {
  expect(rendered.html.includes(htmlEscaped(text.value)), 'the HTML holds the text, escaped').toBe(true);
  expect(rendered.docx.body.problems, 'word/document.xml is well-formed').toEqual([]);
  expect(paragraphHolds(rendered.docx.body, text.value), 'one DOCX paragraph holds the text').toBe(true);
  expect(
    pdfTexts(rendered.tree).some((t) => t.includes(toPdfText(text.value))),
    'the PDF definition holds the text',
  ).toBe(true);
}

describe('legal but hostile text renders literally in every format', () => {
  const record = withTexts(exampleData(), SHORT_HOSTILE_TEXTS);
  const byKind = new Map<string, Rendered>();

  beforeAll(async () => {
    const loaded = loadData(record);
    for (const kind of ['treatment-plan', 'discharge-summary'] as const) {
      byKind.set(kind, await renderEverything(await compose(loaded, kind)));
    }
  }, 60_000);

  it('loads every text unchanged (nothing is stripped or normalised on the way in)', () => {
    const loaded = loadData(record);
    for (const text of SHORT_HOSTILE_TEXTS) expect(getAt(loaded.data, text.path), text.name).toBe(text.value);
  });

  it.each(SHORT_HOSTILE_TEXTS.map((t) => [t.name, t] as const))('%s', (_name, text) => {
    expectCarried(byKind.get(text.kind) as Rendered, text);
  });

  it('shows markup and template syntax as text: no element, no expansion', () => {
    const { html } = byKind.get('treatment-plan') as Rendered;
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>not bold</b>');
    expect(html).toContain('{{patient.name}}');
  });

  it('gives complete PDF files', () => {
    for (const rendered of byKind.values()) expect(looksLikeCompletePdf(rendered.pdf)).toBe(true);
  });

  it('keeps the running header well-formed with an unusual patient name in it', () => {
    const { docx } = byKind.get('treatment-plan') as Rendered;
    const family = SHORT_HOSTILE_TEXTS.find((t) => t.path.join('.') === 'patient.name.family')?.value ?? '';
    expect(docx.headers.length).toBeGreaterThan(0);
    for (const header of docx.headers) expect(header.problems).toEqual([]);
    expect(docx.headers.some((header) => paragraphHolds(header, family))).toBe(true);
  });
});

describe('very long words and narratives wrap and are never cut', () => {
  let plain: Rendered;
  let long: Rendered;

  beforeAll(async () => {
    plain = await renderEverything(await compose(loadData(exampleData())));
    long = await renderEverything(await compose(loadData(withTexts(exampleData(), LONG_HOSTILE_TEXTS))));
  }, 120_000);

  it.each(LONG_HOSTILE_TEXTS.map((t) => [t.name, t] as const))('%s is carried whole by every format', (_name, text) => {
    expectCarried(long, text);
  });

  it('draws every letter in the PDF: nothing dropped from an unbreakable row or block', () => {
    const replaced = LONG_HOSTILE_TEXTS.reduce(
      (sum, text) => sum + String(getAt(exampleData(), text.path) ?? '').replace(/\s/g, '').length,
      0,
    );
    const added = LONG_HOSTILE_TEXTS.reduce((sum, text) => sum + text.value.replace(/\s/g, '').length, 0);
    // Spaces may or may not be drawn as glyphs; letters always are. Running headers only add more.
    expect(drawnText(long.pdf).glyphs - drawnText(plain.pdf).glyphs).toBeGreaterThanOrEqual(added - replaced);
    expect(looksLikeCompletePdf(long.pdf)).toBe(true);
  });

  it('breaks the 6,000-letter word into pieces that fit a line of the PDF', () => {
    // One text object per word or word piece: an unbroken 6,000-letter word would be one object.
    expect(drawnText(long.pdf).longestTextObject).toBeLessThan(150);
  });
});
