import type {
  Content,
  ContextPageSize,
  CustomTableLayout,
  DynamicContent,
  Node,
  NodeQueries,
} from 'pdfmake/interfaces.js';
import { describe, expect, it } from 'vitest';
import type { Block, DocumentTree } from '../../../src/compose/tree.js';
import { toDocDefinition } from '../../../src/render/pdf/doc-definition.js';
import { keepHeadingsWithFollowers, linkHeadingsToFollowers } from '../../../src/render/pdf/keep-with-next.js';
import { DRAFT_MARK } from '../../../src/render/pdf/page-frame.js';
import { CONTENT_WIDTH } from '../../../src/render/pdf/page-style.js';
import { columnWidths } from '../../../src/render/pdf/table-blocks.js';
import { allNodes, type DefinitionNode, nodesWithText, textOf } from './definition-walk.js';
import { LONG_TOKEN, sampleTree } from './sample-tree.js';

const pageSize = { width: 612, height: 792, orientation: 'portrait' } as ContextPageSize;
const headerOf = (tree: DocumentTree): Content =>
  (toDocDefinition(tree).header as DynamicContent)(1, 3, pageSize) as Content;
const footerOf = (tree: DocumentTree, page: number, pages: number): Content =>
  (toDocDefinition(tree).footer as DynamicContent)(page, pages, pageSize) as Content;
const texts = (content: Content): string[] =>
  allNodes(content)
    .map(textOf)
    .filter((t) => t !== '');
const withBlocks = (...blocks: Block[]): DocumentTree => sampleTree({ blocks });
const bodyOf = (node: DefinitionNode | undefined): DefinitionNode[][] =>
  (node?.table as { body?: DefinitionNode[][] } | undefined)?.body ?? [];
const tables = (tree: DocumentTree): DefinitionNode[] =>
  allNodes(toDocDefinition(tree).content).filter((n) => n.table !== undefined);

/** Deep-freezes the tree so any mutation by the renderer throws. */
function frozen<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    Object.values(value).forEach(frozen);
    Object.freeze(value);
  }
  return value;
}

describe('document metadata', () => {
  it('comes from tree.meta, dated at UTC midnight of meta.date, never from the clock', () => {
    const { info, language } = toDocDefinition(sampleTree());
    expect(info).toEqual({
      title: 'Treatment Plan — Zoë Nguyễn',
      author: 'Alex Rivera, LCSW',
      subject: 'Behavioral health treatment plan',
      keywords: 'treatment plan, F33.1, F41.1',
      creator: 'goldthread',
      producer: 'goldthread',
      creationDate: new Date('2026-09-09T00:00:00Z'),
      modDate: new Date('2026-09-09T00:00:00Z'),
    });
    expect(language).toBe('en-US');
  });

  it('refuses a meta.date that is not a calendar date', () => {
    const tree = sampleTree();
    expect(() => toDocDefinition({ ...tree, meta: { ...tree.meta, date: '2026-02-30' } })).toThrow(/meta\.date/);
  });

  it('is built fresh from an untouched tree each time', () => {
    const tree = frozen(sampleTree({ draft: true }));
    const first = toDocDefinition(tree);
    const second = toDocDefinition(tree);
    expect(first).not.toBe(second);
    expect(JSON.stringify(second.content)).toBe(JSON.stringify(first.content));
  });
});

describe('running header and footer', () => {
  it('names the patient, date of birth, record number and organization on every page', () => {
    const shown = texts(headerOf(sampleTree())).join(' | ');
    for (const part of [
      'Zoë Nguyễn',
      'DOB 1987-03-14',
      'MRN MRN-004512',
      'Harbor Counseling Group',
      'Treatment Plan',
    ]) {
      expect(shown).toContain(part);
    }
  });

  it('gives "Page X of Y" with the document id and version', () => {
    const shown = texts(footerOf(sampleTree(), 2, 5));
    expect(shown).toContain('Page 2 of 5');
    expect(shown).toContain('nguyen-2026-09.treatment-plan · plan v1');
  });

  it('marks a draft in the header and with a watermark, and only a draft', () => {
    const draft = toDocDefinition(sampleTree({ draft: true }));
    expect(texts(headerOf(sampleTree({ draft: true })))).toContain(DRAFT_MARK);
    expect(draft.watermark).toMatchObject({ text: 'DRAFT — NOT READY FOR SIGNATURE' });

    const final = toDocDefinition(sampleTree({ draft: false }));
    expect(texts(headerOf(sampleTree({ draft: false })))).not.toContain(DRAFT_MARK);
    expect(final.watermark).toBeUndefined();
  });
});

describe('title and sections', () => {
  it('opens page 1 with the title and subtitle', () => {
    const content = toDocDefinition(sampleTree()).content as Content[];
    expect(texts(content[0] as Content).slice(0, 2)).toEqual([
      'Treatment Plan',
      'Initial plan · effective 2026-09-09 · next review 2026-12-08',
    ]);
  });

  it('gives each section a heading that is a bookmark and is kept with what follows', () => {
    const content = toDocDefinition(sampleTree()).content;
    const headings = allNodes(content).filter((n) => n.outline === true);
    expect(headings.map(textOf)).toEqual([
      'Identification',
      'Diagnoses',
      'Presenting problems',
      'Goals and objectives',
      'Interventions',
      'Risk',
      'Signatures',
    ]);
    for (const heading of headings) expect(heading).toMatchObject({ headlineLevel: 1, style: 'sectionTitle' });
    expect(headings[0]).toMatchObject({ id: 'section-identification' });
  });

  it('nests a section inside another under its parent bookmark', () => {
    const tree = withBlocks({
      kind: 'section',
      id: 'plan',
      title: 'Plan',
      blocks: [{ kind: 'section', id: 'services', title: 'Services', blocks: [] }],
    });
    const [child] = nodesWithText(toDocDefinition(tree).content, 'Services');
    expect(child).toMatchObject({ outline: true, outlineParentId: 'section-plan', headlineLevel: 2 });
  });

  it('passes text through literally, markup-looking or not', () => {
    const literal = '<b>{{patient.name}}</b> & **not bold**';
    const tree = withBlocks({ kind: 'paragraph', content: [{ text: literal }] });
    expect(nodesWithText(toDocDefinition(tree).content, literal)).toHaveLength(1);
  });

  it('keeps bold and italic runs', () => {
    const tree = withBlocks({
      kind: 'paragraph',
      content: [{ text: 'Plain ' }, { text: 'bold', bold: true }, { text: 'italic', italic: true }],
    });
    const [paragraph] = nodesWithText(toDocDefinition(tree).content, 'Plain bolditalic');
    expect(paragraph?.text).toEqual([
      { text: 'Plain ' },
      { text: 'bold', bold: true },
      { text: 'italic', italics: true },
    ]);
  });
});

describe('tables', () => {
  const columns = [
    { header: 'ID', width: 1 },
    { header: 'Description', width: 3 },
    { header: 'Score', width: 1, align: 'right' as const },
  ];

  it('repeat their header row, never split a row, and keep the header with the first row', () => {
    const [table] = tables(
      withBlocks({ kind: 'table', columns, rows: [[[{ text: 'O1' }], [{ text: 'x' }], [{ text: '9' }]]] }),
    );
    expect(table?.table).toMatchObject({ headerRows: 1, dontBreakRows: true, keepWithHeaderRows: 1 });
  });

  it('size columns by their weights to fill the text column exactly', () => {
    const widths = columnWidths(columns);
    expect(widths[1]).toBeCloseTo((widths[0] as number) * 3, 1);
    expect(widths[2]).toBeCloseTo(widths[0] as number, 1);
    const padding = columns.length * 10;
    expect(widths.reduce((a, b) => a + b, 0) + padding).toBeLessThanOrEqual(CONTENT_WIDTH);
    expect(widths.reduce((a, b) => a + b, 0) + padding).toBeGreaterThan(CONTENT_WIDTH - 0.1);
  });

  it('use fixed widths, so a long unbroken token wraps instead of widening a column past the margin', () => {
    for (const table of tables(sampleTree())) {
      const widths = (table.table as { widths: unknown[] }).widths;
      for (const width of widths) expect(typeof width).toBe('number');
    }
    expect(allNodes(toDocDefinition(sampleTree()).content).map(textOf)).toContain(
      `Uses the safety plan: ${LONG_TOKEN}`,
    );
  });

  it('align cells as their column says and shade the header', () => {
    const [table] = tables(
      withBlocks({ kind: 'table', columns, rows: [[[{ text: 'O1' }], [{ text: 'x' }], [{ text: '9' }]]] }),
    );
    const body = bodyOf(table);
    expect(body[0]?.map(textOf)).toEqual(['ID', 'Description', 'Score']);
    expect(body[1]?.[2]).toMatchObject({ alignment: 'right' });
    const layout = table?.layout as CustomTableLayout;
    const fill = layout.fillColor as (row: number) => string | null;
    expect(fill(0)).not.toBeNull();
    expect(fill(1)).toBeNull();
  });

  it('let rows split only when a row may be too tall for a page (pdfmake would drop it)', () => {
    const row = (text: string) => [[{ text: 'O1' }], [{ text }], [{ text: '9' }]];
    const huge = 'A sentence of a very long cell. '.repeat(200);
    const [normal] = tables(withBlocks({ kind: 'table', columns, rows: [row('short'), row('short')] }));
    const [tall] = tables(withBlocks({ kind: 'table', columns, rows: [row('short'), row(huge)] }));
    const [tallFirst] = tables(withBlocks({ kind: 'table', columns, rows: [row(huge), row('short')] }));
    expect(normal?.table).toMatchObject({ dontBreakRows: true, keepWithHeaderRows: 1 });
    expect(tall?.table).toMatchObject({ dontBreakRows: false, keepWithHeaderRows: 1 });
    expect(tallFirst?.table).toMatchObject({ dontBreakRows: false });
    expect(tallFirst?.table).not.toHaveProperty('keepWithHeaderRows');
  });

  it('refuse a row whose cells do not match the columns, naming counts only', () => {
    const tree = withBlocks({ kind: 'table', columns, rows: [[[{ text: 'Zoë' }]]] });
    expect(() => toDocDefinition(tree)).toThrow('table row 1 has 1 cells but the table has 3 columns');
    expect(() => toDocDefinition(tree)).not.toThrow(/Zoë/);
  });
});

describe('fields, notices and charts', () => {
  it('lay fields out two to a row, each a small muted label over its value', () => {
    const [grid] = tables(
      withBlocks({
        kind: 'fields',
        items: [
          { label: 'Patient', value: 'Zoë Nguyễn' },
          { label: 'Date of birth', value: '1987-03-14' },
          { label: 'Member ID', value: 'W123456789' },
        ],
      }),
    );
    const body = bodyOf(grid);
    expect(body).toHaveLength(2);
    expect(body.map((row) => row.length)).toEqual([2, 2]);
    const [label, value] = (body[0]?.[0]?.stack as DefinitionNode[]) ?? [];
    expect(label).toMatchObject({ text: 'Patient', style: 'fieldLabel' });
    expect(value).toMatchObject({ text: 'Zoë Nguyễn', style: 'fieldValue' });
  });

  it('keep a field row or a notice whole unless it may be too tall for a page', () => {
    const huge = 'word '.repeat(3000);
    const [grid] = tables(withBlocks({ kind: 'fields', items: [{ label: 'Notes', value: huge }] }));
    expect(grid?.table).toMatchObject({ dontBreakRows: false });
    const [notice] = tables(withBlocks({ kind: 'notice', tone: 'info', content: [{ text: huge }] }));
    expect(notice?.table).toMatchObject({ dontBreakRows: false });
    const [shortNotice] = tables(withBlocks({ kind: 'notice', tone: 'info', content: [{ text: 'Short.' }] }));
    expect(shortNotice?.table).toMatchObject({ dontBreakRows: true });
  });

  it('box a notice, in red for a draft', () => {
    const [box] = tables(withBlocks({ kind: 'notice', tone: 'draft', content: [{ text: 'Not final.' }] }));
    const cell = bodyOf(box)[0]?.[0];
    expect(textOf(cell ?? {})).toBe('Not final.');
    expect(cell?.color).toBe('#B3261E');
    const layout = box?.layout as CustomTableLayout;
    expect((layout.hLineWidth as (i: number) => number)(0)).toBeGreaterThan(0);
  });

  it('draw a chart as SVG with its caption kept with it and its labels as text', () => {
    const content = toDocDefinition(sampleTree()).content;
    const [caption] = nodesWithText(content, 'PHQ-9 over the episode');
    expect(caption).toMatchObject({ headlineLevel: 3 });
    const drawing = allNodes(content).find((n) => typeof n.svg === 'string');
    expect(drawing?.svg).toMatch(/^<svg /);
    expect(drawing?.width).toBe(CONTENT_WIDTH);
    const chartBlock = allNodes(content).find(
      (n) => Array.isArray(n.stack) && (n.stack as unknown[]).includes(drawing),
    );
    expect(chartBlock?.unbreakable).toBe(true);
    expect(allNodes(chartBlock?.stack).map(textOf)).toContain('Moderately severe');
  });
});

describe('signatures', () => {
  const signatureTree = withBlocks({
    kind: 'signatures',
    signers: [
      {
        role: 'clinician',
        roleLabel: 'Treating clinician',
        name: 'Alex Rivera',
        credentials: 'LCSW',
        signedOn: '2026-09-10',
      },
      { role: 'patient', roleLabel: 'Patient', name: 'Zoë Nguyễn' },
    ],
  });
  const blocks = (toDocDefinition(signatureTree).content as Content[]).slice(1) as unknown as DefinitionNode[][];
  const signerBlocks = blocks.flat();

  it('gives each signer an unbreakable block with role, printed name, signature and date lines', () => {
    expect(signerBlocks).toHaveLength(2);
    for (const block of signerBlocks) expect(block.unbreakable).toBe(true);
    const clinician = allNodes(signerBlocks[0]).map(textOf);
    expect(clinician).toEqual(expect.arrayContaining(['Treating clinician', 'Alex Rivera, LCSW', 'Signature', 'Date']));
    expect(allNodes(signerBlocks[0]).filter((n) => n.canvas !== undefined)).toHaveLength(2);
  });

  it('lets a signer block break only if its text could not fit on a page', () => {
    const absurd = withBlocks({
      kind: 'signatures',
      signers: [{ role: 'patient', roleLabel: 'Patient', name: 'Name '.repeat(3000) }],
    });
    const [block] = (toDocDefinition(absurd).content as unknown as DefinitionNode[][]).slice(1).flat();
    expect(block?.unbreakable).toBe(false);
  });

  it('fills the date in once signed and leaves the line blank until then', () => {
    expect(allNodes(signerBlocks[0]).map(textOf)).toContain('2026-09-10');
    const patient = allNodes(signerBlocks[1]).map(textOf);
    expect(patient).toContain('Zoë Nguyễn');
    expect(patient.some((t) => /\d{4}-\d{2}-\d{2}/.test(t))).toBe(false);
  });

  it('marks where each signature line is with an id per role, numbered if a role repeats', () => {
    const ids = (tree: DocumentTree) =>
      allNodes(toDocDefinition(tree).content)
        .map((n) => n.id)
        .filter((id) => typeof id === 'string' && id.startsWith('signature-'));
    expect(ids(signatureTree)).toEqual(['signature-clinician', 'signature-patient']);
    const twoGuardians = withBlocks({
      kind: 'signatures',
      signers: [
        { role: 'guardian', roleLabel: 'Guardian', name: 'A' },
        { role: 'guardian', roleLabel: 'Guardian', name: 'B' },
      ],
    });
    expect(ids(twoGuardians)).toEqual(['signature-guardian', 'signature-guardian-2']);
  });
});

describe('keeping headings with what follows', () => {
  const queries = (following: Node[]): NodeQueries =>
    ({
      getFollowingNodesOnPage: () => following,
      getNodesOnNextPage: () => [],
      getPreviousNodesOnPage: () => [],
    }) as NodeQueries;

  it('links each heading, and a run of headings, to the first text after it', () => {
    const content: Content = [
      { text: 'Plan', headlineLevel: 1, id: 'section-plan' },
      { canvas: [] },
      { text: 'Goals', headlineLevel: 2 },
      { table: { body: [[{ text: '' }, { text: 'G1' }]] } },
      { text: 'Closing', headlineLevel: 1 },
    ];
    const links = linkHeadingsToFollowers(content);
    const follower = allNodes(content).find((n) => textOf(n) === 'G1')?.id as string;
    expect(follower).toMatch(/^keep-/);
    expect(links.get('section-plan')).toBe(follower);
    expect(links.get(nodesWithText(content, 'Goals')[0]?.id as string)).toBe(follower);
    expect(links.size).toBe(2);
  });

  it('moves a heading whose linked text is not on its page, and only then', () => {
    const breakBefore = keepHeadingsWithFollowers(new Map([['section-plan', 'keep-1']]));
    const heading = { text: 'Plan', headlineLevel: 1, id: 'section-plan' } as Node;
    expect(breakBefore(heading, queries([]))).toBe(true);
    expect(
      breakBefore(heading, queries([{ canvas: [] } as unknown as Node, { text: 'x', id: 'keep-9' } as Node])),
    ).toBe(true);
    expect(breakBefore(heading, queries([{ text: 'G1', id: 'keep-1' } as Node]))).toBe(false);
  });

  it('leaves alone headings with nothing after them, and everything that is not a heading', () => {
    const breakBefore = keepHeadingsWithFollowers(new Map());
    expect(breakBefore({ text: 'Last', headlineLevel: 1, id: 'section-end' } as Node, queries([]))).toBe(false);
    expect(breakBefore({ text: 'Body' } as Node, queries([]))).toBe(false);
  });

  it('links every heading of the sample plan', () => {
    const content = toDocDefinition(sampleTree()).content;
    const headings = allNodes(content).filter((n) => n.headlineLevel !== undefined);
    expect(headings.length).toBeGreaterThan(8);
    for (const heading of headings) expect(heading.id).toEqual(expect.any(String));
  });
});
