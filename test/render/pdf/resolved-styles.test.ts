import pdfmake from 'pdfmake';
import type {
  Content,
  ContextPageSize,
  DynamicContent,
  StyleDictionary,
  TDocumentDefinitions,
} from 'pdfmake/interfaces.js';
import { describe, expect, it } from 'vitest';
import { COLOR, DEFAULT_STYLE, FONT_SIZE, STYLES } from '../../../src/render/pdf/page-style.js';
import { pdfFontSource } from '../../../src/render/pdf/render-pdf.js';
import { withResolvedTextStyles } from '../../../src/render/pdf/resolved-styles.js';
import { allNodes, type DefinitionNode, nodesWithText } from './definition-walk.js';

const pageSize = { width: 612, height: 792, orientation: 'portrait' } as ContextPageSize;
const resolved = (definition: TDocumentDefinitions) => withResolvedTextStyles(definition).content;
const only = (content: unknown, text: string): DefinitionNode => {
  const [node, ...more] = nodesWithText(content, text);
  expect(more).toHaveLength(0);
  return node as DefinitionNode;
};

describe('text styles resolved for pdfmake', () => {
  it('give a table cell its named style over the default style, with its own alignment', () => {
    const content = resolved({
      content: [{ table: { body: [[{ text: 'Cell', style: 'tableCell', alignment: 'right' }]] } }],
      styles: STYLES,
      defaultStyle: { ...DEFAULT_STYLE },
    });
    expect(only(content, 'Cell')).toMatchObject({
      text: 'Cell',
      style: 'tableCell',
      fontSize: FONT_SIZE.tableCell,
      alignment: 'right',
      font: DEFAULT_STYLE.font,
      lineHeight: DEFAULT_STYLE.lineHeight,
      color: COLOR.ink,
      bold: false,
      italics: false,
      characterSpacing: 0,
      opacity: 1,
    });
  });

  it("follow pdfmake's precedence: own, last named style (with what it extends), enclosing nodes, default", () => {
    const styles = {
      base: { color: 'red', fontSize: 20, characterSpacing: 1 },
      strong: { extends: 'base', bold: true },
      big: { fontSize: 30, italics: false },
    } as StyleDictionary;
    // pdfmake skips a property set to null; the types do not allow it.
    const x = { text: 'x', style: ['big', 'strong'], color: 'green', italics: null } as unknown as Content;
    const content = resolved({
      content: {
        stack: [x],
        style: 'big',
        italics: true,
        alignment: 'center',
      },
      styles,
      defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.5 },
    });
    expect(only(content, 'x')).toMatchObject({
      color: 'green',
      fontSize: 20,
      characterSpacing: 1,
      bold: true,
      italics: false,
      alignment: 'center',
      lineHeight: 1.5,
    });
  });

  it("stand in false only where pdfmake tests truthiness, and leave a link to pdfmake's look-up", () => {
    const content = resolved({ content: [{ text: 'plain' }, { text: 'linked', link: 'https://example.org' }] });
    const plain = only(content, 'plain');
    expect(plain).toMatchObject({ decoration: false, background: false, fontFeatures: false, noWrap: false });
    expect(plain.link).toBeUndefined();
    expect(only(content, 'linked').link).toBe('https://example.org');
  });

  it('leave fragments, and nodes that are not text, as they were built', () => {
    const fragments = [{ text: 'Plain ' }, { text: 'bold', bold: true }, { text: 'grey', color: COLOR.muted }];
    const content = resolved({
      content: [{ table: { widths: [100], body: [[{ text: structuredClone(fragments), style: 'tableCell' }]] } }],
      styles: STYLES,
      defaultStyle: { ...DEFAULT_STYLE },
    });
    const cell = only(content, 'Plain boldgrey');
    expect(cell.text).toEqual(fragments);
    expect(cell.fontSize).toBe(FONT_SIZE.tableCell);
    const table = allNodes(content).find((node) => node.table !== undefined);
    expect(table).not.toHaveProperty('fontSize');
  });

  it('resolve what the running header and footer functions return, page by page', () => {
    const definition = withResolvedTextStyles({
      content: [],
      header: { text: 'Header', style: 'runningHeader' },
      footer: (page, pages) => ({ text: `Page ${page} of ${pages}`, style: 'runningFooter' }),
      styles: STYLES,
      defaultStyle: { ...DEFAULT_STYLE },
    });
    expect(definition.header).toMatchObject({ fontSize: 8, color: COLOR.muted });
    const footer = (definition.footer as DynamicContent)(2, 5, pageSize);
    expect(footer).toMatchObject({ text: 'Page 2 of 5', fontSize: 7.5, color: COLOR.faint, lineHeight: 1.25 });
  });

  it('change nothing in the PDF pdfmake makes', async () => {
    pdfFontSource();
    const definition = (): TDocumentDefinitions => ({
      info: { creationDate: new Date(Date.UTC(2026, 8, 9)), modDate: new Date(Date.UTC(2026, 8, 9)) },
      styles: { ...STYLES, linked: { decoration: 'underline', color: COLOR.info } },
      defaultStyle: { ...DEFAULT_STYLE },
      header: (page) => ({ text: [{ text: 'Page ', color: COLOR.faint }, `${page}`], style: 'runningHeader' }),
      content: [
        { text: 'Title', style: 'title' },
        {
          text: [
            { text: 'Plain\tand ' },
            { text: 'bold', bold: true },
            ' and a ',
            { text: 'link', link: 'https://example.org', style: 'linked' },
          ],
          style: ['paragraph', 'muted'],
        },
        {
          ul: [
            { text: 'one', characterSpacing: 1 },
            { text: 'two', background: COLOR.zebraFill },
          ],
          markerColor: COLOR.muted,
        },
        {
          columns: [
            { width: 120, text: 'left column text that wraps onto a second line', alignment: 'justify' },
            { width: 80, text: 'no wrap here at all', noWrap: true, fontSize: 7 },
          ],
        },
        {
          table: {
            body: [[{ text: 'Head', style: 'tableHeader' }], [{ text: 'Cell', style: 'tableCell', italics: true }]],
          },
        },
      ],
    });
    const plain = await pdfmake.createPdf(definition()).getBuffer();
    const resolvedPdf = await pdfmake.createPdf(withResolvedTextStyles(definition())).getBuffer();
    expect(resolvedPdf.equals(plain)).toBe(true);
  });
});
