import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src/render/docx/render-docx.js';
import { bodyElements, docxParts, part, styleOf, wordText } from './docx-parts.js';
import { draftTreatmentPlanTree, treatmentPlanTree, treeWithBlocks } from './fixture.js';

let parts: Map<string, string>;
let documentXml: string;
let body: string[];

beforeAll(async () => {
  parts = docxParts(await renderDocx(treatmentPlanTree));
  documentXml = part(parts, 'word/document.xml');
  body = bodyElements(documentXml);
});

const paragraphsStyled = (style: string): string[] =>
  body.filter((element) => element.startsWith('<w:p') && styleOf(element) === style).map(wordText);

describe('document structure', () => {
  it('opens with the title and subtitle in their styles', () => {
    expect(styleOf(body[0] ?? '')).toBe('Title');
    expect(wordText(body[0] ?? '')).toBe('Individualized Treatment Plan');
    expect(styleOf(body[1] ?? '')).toBe('Subtitle');
    expect(wordText(body[1] ?? '')).toBe('Outpatient behavioral health · Initial plan');
  });

  it('makes each section a Heading 1, in order', () => {
    expect(paragraphsStyled('Heading1')).toEqual([
      'Identification and coverage',
      'Diagnoses',
      'Clinical summary',
      'Goals and objectives',
      'Services and frequency',
      'Signatures',
    ]);
  });

  it('makes heading blocks Heading 2 and Heading 3', () => {
    expect(paragraphsStyled('Heading2')).toEqual([
      'Measurement-based care',
      'G1. Reduce depressive symptoms and return to full work duties',
      'All objectives',
    ]);
    expect(paragraphsStyled('Heading3')).toEqual(['Interventions']);
  });

  it('defines the headings with outline levels so the navigation pane lists them', () => {
    const styles = part(parts, 'word/styles.xml');
    for (const [id, level] of [
      ['Heading1', 0],
      ['Heading2', 1],
      ['Heading3', 2],
    ] as const) {
      const style = /<w:style [^>]*w:styleId="([^"]+)"[^>]*>.*?<\/w:style>/gs;
      const found = [...styles.matchAll(style)].find((match) => match[1] === id)?.[0] ?? '';
      expect(found).toContain(`<w:outlineLvl w:val="${level}"/>`);
      expect(found).toContain('<w:keepNext/>');
    }
  });

  it('defines the named styles a user can change', () => {
    const styles = part(parts, 'word/styles.xml');
    for (const name of ['Normal', 'Title', 'Field Label', 'Muted', 'Table Header', 'Notice Warning', 'Draft Mark']) {
      expect(styles).toContain(`<w:name w:val="${name}"/>`);
    }
    expect(styles).toMatch(/w:styleId="Normal" w:default="1"/);
    expect(styles).toContain('w:ascii="Arial"');
  });

  it('gives a muted paragraph the Muted style', () => {
    expect(paragraphsStyled('Muted')).toContain(
      'PHQ-9 administered at intake and every third session; severity bands per the instrument manual.',
    );
  });

  it('puts the chart’s title above it and its legend in words below it', () => {
    const legend = paragraphsStyled('Muted').find((text) =>
      /^PHQ-9 score by date; severity bands: minimal 0–4/i.test(text),
    );
    expect(legend).toMatch(/dashed line: target \d+\.$/);
  });
});

describe('lists', () => {
  const numIdOf = (xml: string): string | undefined => /<w:numId w:val="(\d+)"\/>/.exec(xml)?.[1];

  it('numbers ordered lists with Word numbering, each list starting again at 1', async () => {
    const tree = treeWithBlocks([
      { kind: 'list', ordered: true, items: [[{ text: 'a' }], [{ text: 'b' }]] },
      { kind: 'paragraph', content: [{ text: 'between' }] },
      { kind: 'list', ordered: true, items: [[{ text: 'c' }]] },
    ]);
    const xmlParts = docxParts(await renderDocx(tree));
    const items = bodyElements(part(xmlParts, 'word/document.xml')).filter((p) => p.includes('<w:numPr>'));
    expect(items.map(wordText)).toEqual(['a', 'b', 'c']);
    const [first, second, third] = items.map(numIdOf);
    expect(first).toBe(second);
    expect(third).not.toBe(first);
    const numbering = part(xmlParts, 'word/numbering.xml');
    expect(numbering).toContain('<w:numFmt w:val="decimal"/>');
    expect(numbering).toContain(`<w:num w:numId="${third}">`);
  });

  it('bullets unordered lists', () => {
    const bulletItems = body.filter((p) => p.includes('<w:numPr>') && wordText(p).startsWith('Met:'));
    expect(bulletItems).toHaveLength(1);
    const numbering = part(parts, 'word/numbering.xml');
    expect(numbering).toContain('<w:numFmt w:val="bullet"/>');
  });
});

describe('tables', () => {
  const tables = (): string[] => body.filter((element) => element.startsWith('<w:tbl'));
  const rowsOf = (table: string): string[] => [...table.matchAll(/<w:tr\b.*?<\/w:tr>/gs)].map((match) => match[0]);

  it('repeats the header row on every page and never splits a row', () => {
    const objectives = tables().find((table) => wordText(table).includes('Objective (measurable)')) ?? '';
    const rows = rowsOf(objectives);
    expect(rows).toHaveLength(19);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows.slice(1).every((row) => !row.includes('<w:tblHeader/>'))).toBe(true);
    expect(rows.every((row) => row.includes('<w:cantSplit/>'))).toBe(true);
    expect(wordText(rows[18] ?? '')).toContain('Rate mood daily (0-10)');
  });

  it('lays the fields grid out as a borderless two-column table', () => {
    const fields = tables()[0] ?? '';
    const rows = rowsOf(fields);
    expect(rows).toHaveLength(9);
    expect(rows.every((row) => (row.match(/<w:tc>/g) ?? []).length === 2)).toBe(true);
    expect(wordText(rows[0] ?? '')).toBe('PatientDana R. Whitfield');
    expect(fields).not.toMatch(/<w:tblBorders>.*w:val="single"/s);
    expect(styleOf(/<w:p>.*?<\/w:p>/s.exec(rows[0] ?? '')?.[0] ?? '')).toBe('FieldLabel');
  });

  it('aligns cells as their column asks', () => {
    const services = tables().find((table) => wordText(table).includes('Sessions')) ?? '';
    const lastRow = rowsOf(services).at(-1) ?? '';
    expect(lastRow).toMatch(/<w:jc w:val="right"\/>.*?>0<\/w:t>/s);
  });
});

describe('notices, charts and signatures', () => {
  it('shows a notice as a paragraph in its tone style, shaded and bordered', () => {
    const warning = body.find((p) => styleOf(p) === 'NoticeWarning') ?? '';
    expect(wordText(warning)).toContain('Crisis plan: call or text 988');
    const styles = part(parts, 'word/styles.xml');
    const style = /<w:style [^>]*w:styleId="NoticeWarning".*?<\/w:style>/s.exec(styles)?.[0] ?? '';
    expect(style).toContain('<w:pBdr>');
    expect(style).toContain('w:fill="FFF4E0"');
  });

  it('embeds the chart as SVG with a PNG fallback of the same size', () => {
    expect(documentXml).toContain('<asvg:svgBlip');
    expect(parts.get('word/media/image1.svg')).toMatch(/^<svg [^>]*>.*PHQ-9 over the episode/s);
    const png = part(parts, 'word/media/image1.png');
    expect(png.slice(1, 4)).toBe('PNG');
    const width = Buffer.from(png.slice(16, 20), 'latin1').readUInt32BE(0);
    const height = Buffer.from(png.slice(20, 24), 'latin1').readUInt32BE(0);
    expect(width / height).toBeCloseTo(504 / 200, 2);
    expect(documentXml).toContain('descr="PHQ-9 over the episode"');
  });

  it('gives each signer a one-row table that cannot split, with role, name, credentials, signature and date', () => {
    const signers = body.filter((element) => element.startsWith('<w:tbl') && wordText(element).includes('Signature'));
    expect(signers).toHaveLength(3);
    for (const signer of signers) {
      const rows = [...signer.matchAll(/<w:tr\b/g)];
      expect(rows).toHaveLength(1);
      expect(signer).toContain('<w:cantSplit/>');
      expect(signer).toContain('<w:pStyle w:val="SignatureLine"/>');
    }
    expect(wordText(signers[0] ?? '')).toBe('Treating clinicianAlex Rivera, LCSWSignature2026-09-09Date');
    expect(wordText(signers[1] ?? '')).toBe('Clinical supervisorMorgan Lee, LCSW-RSignatureDate');
    expect(wordText(signers[2] ?? '')).toBe('PatientDana R. WhitfieldSignatureDate');
  });
});

describe('page header and footer', () => {
  const headerText = (xmlParts: Map<string, string>): string =>
    [...xmlParts]
      .filter(([name]) => /^word\/header\d+\.xml$/.test(name))
      .map(([, xml]) => wordText(xml))
      .join('|');

  it('puts patient, DOB, record number and organization in the header', () => {
    const text = headerText(parts);
    for (const value of ['Dana R. Whitfield', 'DOB 1987-03-14', 'Record MRN-004512', 'Harbor Counseling Group']) {
      expect(text).toContain(value);
    }
    expect(text).not.toContain('DRAFT');
  });

  it('numbers pages with Word PAGE and NUMPAGES fields beside the document id and version', () => {
    const footer = [...parts].find(([name]) => /^word\/footer\d+\.xml$/.test(name))?.[1] ?? '';
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
    expect(wordText(footer)).toContain('whitfield-2026-09.treatment-plan · plan v2');
  });

  it('marks every page of a draft in red bold, and opens the draft with a notice', async () => {
    const draftParts = docxParts(await renderDocx(draftTreatmentPlanTree));
    expect(headerText(draftParts)).toContain('DRAFT — NOT READY FOR SIGNATURE');
    const styles = part(draftParts, 'word/styles.xml');
    const mark = /<w:style [^>]*w:styleId="DraftMark".*?<\/w:style>/s.exec(styles)?.[0] ?? '';
    expect(mark).toContain('<w:b/>');
    expect(mark).toContain('<w:color w:val="C00000"/>');
    const draftBody = bodyElements(part(draftParts, 'word/document.xml'));
    expect(styleOf(draftBody[2] ?? '')).toBe('NoticeDraft');
    expect(wordText(draftBody[2] ?? '')).toContain('NOT READY FOR SIGNATURE');
  });

  it('does not add a second draft notice when the tree opens with one', async () => {
    const tree = treeWithBlocks(
      [{ kind: 'notice', tone: 'draft', content: [{ text: 'Composed draft notice' }] }],
      true,
    );
    const draftBody = bodyElements(part(docxParts(await renderDocx(tree)), 'word/document.xml'));
    expect(draftBody.filter((p) => styleOf(p) === 'NoticeDraft').map(wordText)).toEqual(['Composed draft notice']);
  });
});

describe('document properties', () => {
  it('takes title, author, keywords and dates from the tree, never the clock', () => {
    const core = part(parts, 'docProps/core.xml');
    expect(core).toContain('<dc:title>Individualized Treatment Plan: Dana R. Whitfield</dc:title>');
    expect(core).toContain('<dc:creator>Alex Rivera, LCSW</dc:creator>');
    expect(core).toContain('<cp:keywords>treatment plan, behavioral health, F33.1</cp:keywords>');
    expect(core).toContain('<dc:language>en-US</dc:language>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-09-09T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-09-09T00:00:00Z</dcterms:modified>');
  });
});
