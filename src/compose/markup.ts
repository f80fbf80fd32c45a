import type { Block, ChartSpec, Column, Inline, Run, Signer } from './tree.js';

/**
 * The markup templates write: a small, closed set of elements that maps one-to-one onto document
 * tree blocks. Handlebars escapes every value it inserts (`{{x}}`), and this parser decodes those
 * escapes back into text nodes, so a value can never become an element: whatever a record holds
 * comes out as literal text.
 *
 *   <p>text <b>bold</b> <i>italic</i></p>      <h level="2">..</h>      <notice tone="info">..</notice>
 *   <list ordered="true"><item>..</item></list>  <fields><field label="..">..</field></fields>
 *   <table><col width="2" align="right">Header</col>..<row><cell>..</cell>..</row></table>
 *   <signatures><signer role=".." label=".." name=".." credentials=".." signed-on=".."/></signatures>
 *   <chart ref="0"/>   (a chart computed by code, referenced by its index in the view's charts)
 */

/** A template produced markup the parser does not accept: a bug in a template, not in a record. */
export class MarkupError extends Error {
  override readonly name = 'MarkupError';
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

function decodeEntities(text: string, where: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);|&/g, (match, name: string | undefined) => {
    if (!name) throw new MarkupError(`${where}: a bare "&" in template text; write &amp;`);
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    const value = ENTITIES[name];
    if (value === undefined) throw new MarkupError(`${where}: unknown entity ${match}`);
    return value;
  });
}

interface Element {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: Node[];
}
type Node = Element | string;

const ELEMENTS = new Set([
  'p',
  'b',
  'i',
  'h',
  'notice',
  'list',
  'item',
  'fields',
  'field',
  'table',
  'col',
  'row',
  'cell',
  'signatures',
  'signer',
  'chart',
  'br',
]);
const VOID_ELEMENTS = new Set(['signer', 'chart', 'br']);

/** Parses markup into a forest of elements and text. Strict: unknown elements and bad nesting fail. */
function parseNodes(markup: string, where: string): Node[] {
  const root: Element = { name: '#root', attrs: {}, children: [] };
  const stack: Element[] = [root];
  const tag = /<(\/?)([a-z]+)((?:\s+[a-z-]+="[^"<>]*")*)\s*(\/?)>/gy;
  const attr = /\s+([a-z-]+)="([^"<>]*)"/g;
  let i = 0;
  while (i < markup.length) {
    const lt = markup.indexOf('<', i);
    const textEnd = lt < 0 ? markup.length : lt;
    if (textEnd > i) (stack.at(-1) as Element).children.push(decodeEntities(markup.slice(i, textEnd), where));
    if (lt < 0) break;
    tag.lastIndex = lt;
    const match = tag.exec(markup);
    if (!match) throw new MarkupError(`${where}: malformed tag at offset ${lt}`);
    const [whole, closing, name = '', rawAttrs = '', selfClosing] = match;
    if (!ELEMENTS.has(name)) throw new MarkupError(`${where}: unknown element <${name}>`);
    if (closing) {
      const open = stack.pop();
      if (!open || open.name !== name) throw new MarkupError(`${where}: </${name}> does not close <${open?.name}>`);
    } else {
      const attrs: Record<string, string> = {};
      for (const a of rawAttrs.matchAll(attr)) attrs[a[1] as string] = decodeEntities(a[2] as string, where);
      const element: Element = { name, attrs, children: [] };
      (stack.at(-1) as Element).children.push(element);
      if (!selfClosing && !VOID_ELEMENTS.has(name)) stack.push(element);
    }
    i = lt + whole.length;
  }
  if (stack.length !== 1) throw new MarkupError(`${where}: <${(stack.at(-1) as Element).name}> is never closed`);
  return root.children;
}

const isBlank = (node: Node) => typeof node === 'string' && node.trim() === '';

/** Inline content: text and <b>/<i>/<br/>, with template indentation trimmed at the edges only. */
function toInline(nodes: readonly Node[], where: string): Inline {
  const runs: Run[] = [];
  const visit = (list: readonly Node[], bold: boolean, italic: boolean) => {
    for (const node of list) {
      if (typeof node === 'string') {
        if (node) runs.push({ text: node, ...(bold ? { bold } : {}), ...(italic ? { italic } : {}) });
      } else if (node.name === 'b') visit(node.children, true, italic);
      else if (node.name === 'i') visit(node.children, bold, true);
      else if (node.name === 'br') runs.push({ text: '\n' });
      else throw new MarkupError(`${where}: <${node.name}> cannot appear inside text`);
    }
  };
  visit(nodes, false, false);
  // Only the markup's own leading and trailing layout whitespace goes; text inside stays as written.
  while (runs.length && runs[0]?.text.trim() === '' && runs[0].text !== '\n') runs.shift();
  while (runs.length && runs.at(-1)?.text.trim() === '' && runs.at(-1)?.text !== '\n') runs.pop();
  if (runs[0]) runs[0] = { ...runs[0], text: runs[0].text.replace(/^[ \t\n]+/, '') };
  const last = runs.length - 1;
  if (runs[last]) runs[last] = { ...runs[last], text: runs[last].text.replace(/[ \t\n]+$/, '') };
  return runs.filter((r) => r.text !== '');
}

function elements(nodes: readonly Node[], where: string): Element[] {
  const out: Element[] = [];
  for (const node of nodes) {
    if (isBlank(node)) continue;
    if (typeof node === 'string') throw new MarkupError(`${where}: text outside a block element`);
    out.push(node);
  }
  return out;
}

function required(element: Element, name: string, where: string): string {
  const value = element.attrs[name];
  if (value === undefined) throw new MarkupError(`${where}: <${element.name}> needs ${name}="..."`);
  return value;
}

function toBlock(element: Element, charts: readonly ChartSpec[], where: string): Block {
  switch (element.name) {
    case 'p':
      return element.attrs.tone === 'muted'
        ? { kind: 'paragraph', content: toInline(element.children, where), tone: 'muted' }
        : { kind: 'paragraph', content: toInline(element.children, where) };
    case 'h': {
      const level = element.attrs.level === '3' ? 3 : 2;
      return {
        kind: 'heading',
        level,
        text: toInline(element.children, where)
          .map((r) => r.text)
          .join(''),
      };
    }
    case 'notice': {
      const tone = element.attrs.tone;
      if (tone !== 'draft' && tone !== 'warning' && tone !== 'info') throw new MarkupError(`${where}: notice tone`);
      return { kind: 'notice', tone, content: toInline(element.children, where) };
    }
    case 'list':
      return {
        kind: 'list',
        ordered: element.attrs.ordered === 'true',
        items: elements(element.children, where).map((item) => {
          if (item.name !== 'item') throw new MarkupError(`${where}: <list> holds only <item>`);
          return toInline(item.children, where);
        }),
      };
    case 'fields':
      return {
        kind: 'fields',
        items: elements(element.children, where).map((field) => {
          if (field.name !== 'field') throw new MarkupError(`${where}: <fields> holds only <field>`);
          return {
            label: required(field, 'label', where),
            value: toInline(field.children, where)
              .map((r) => r.text)
              .join(''),
          };
        }),
      };
    case 'table': {
      const columns: Column[] = [];
      const rows: Inline[][] = [];
      for (const child of elements(element.children, where)) {
        if (child.name === 'col') {
          const align = child.attrs.align;
          columns.push({
            header: toInline(child.children, where)
              .map((r) => r.text)
              .join(''),
            width: Number(child.attrs.width ?? '1') || 1,
            ...(align === 'right' || align === 'center' || align === 'left' ? { align } : {}),
          });
        } else if (child.name === 'row') {
          const cells = elements(child.children, where).map((cell) => {
            if (cell.name !== 'cell') throw new MarkupError(`${where}: <row> holds only <cell>`);
            return toInline(cell.children, where);
          });
          if (cells.length !== columns.length) {
            throw new MarkupError(`${where}: a row has ${cells.length} cells for ${columns.length} columns`);
          }
          rows.push(cells);
        } else throw new MarkupError(`${where}: <table> holds only <col> and <row>`);
      }
      return { kind: 'table', columns, rows };
    }
    case 'signatures':
      return {
        kind: 'signatures',
        signers: elements(element.children, where).map((s): Signer => {
          if (s.name !== 'signer') throw new MarkupError(`${where}: <signatures> holds only <signer>`);
          const credentials = s.attrs.credentials;
          const signedOn = s.attrs['signed-on'];
          return {
            role: required(s, 'role', where),
            roleLabel: required(s, 'label', where),
            name: required(s, 'name', where),
            ...(credentials ? { credentials } : {}),
            ...(signedOn ? { signedOn } : {}),
          };
        }),
      };
    case 'chart': {
      const chart = charts[Number(required(element, 'ref', where))];
      if (!chart) throw new MarkupError(`${where}: <chart ref> names no chart`);
      return { kind: 'chart', chart };
    }
    default:
      throw new MarkupError(`${where}: <${element.name}> cannot stand as a block`);
  }
}

/** Parses one section's markup into blocks. `where` names the template, for template authors. */
export function parseBlocks(markup: string, charts: readonly ChartSpec[], where: string): Block[] {
  return elements(parseNodes(markup, where), where).map((element) => toBlock(element, charts, where));
}
