/**
 * Keeps headings with what follows them: a heading whose first following text would fall on a
 * later page moves to that page too.
 *
 * pdfmake lays the document out, then asks a `pageBreakBefore` callback about each node in order;
 * answering true inserts a page break before that node and lays out again. The callback sees
 * page numbers, but those of text inside an unbreakable block (a table row, a signer block, a
 * chart) still name the page the block was first tried on when pdfmake had to move the block to
 * the next page. pdfmake corrects the page only of nodes that carry an id. So each heading is
 * linked to the first text after it, both get ids, and the callback looks for that text by id.
 */
import type { Content, Node, NodeQueries } from 'pdfmake/interfaces.js';

/** For each heading's id, the id of the text it must stay on the same page with. */
export type HeadingLinks = ReadonlyMap<string, string>;

type DefinitionNode = { [key: string]: unknown };

/**
 * Walks `content` in pdfmake's layout order and links every heading (a node with a
 * `headlineLevel`) to the first non-empty text after it that is not itself a heading nor in a
 * table's header rows. Headings and texts without an id get one (`keep-<n>`). Mutates
 * `content`, which must be freshly built; run again on the same content it returns the same links.
 */
export function linkHeadingsToFollowers(content: Content): HeadingLinks {
  const links = new Map<string, string>();
  let pending: string[] = [];
  let counter = 0;
  const idOf = (node: DefinitionNode): string => {
    if (typeof node.id !== 'string') node.id = `keep-${++counter}`;
    return node.id as string;
  };
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const node = value as DefinitionNode;
    if (node.headlineLevel !== undefined) {
      pending.push(idOf(node));
    } else if (pending.length > 0 && 'text' in node && hasText(node.text)) {
      const follower = idOf(node);
      for (const heading of pending) links.set(heading, follower);
      pending = [];
    }
    for (const key of ['stack', 'columns', 'ul', 'ol']) visit(node[key]);
    const table = node.table as { body?: unknown[]; headerRows?: number } | undefined;
    // Header rows repeat on every page the table spans, and pdfmake then gives an id'd header
    // cell the page of its last repeat: link to the first body row instead.
    if (Array.isArray(table?.body)) visit(table.body.slice(table.headerRows ?? 0));
  };
  visit(content);
  return links;
}

/** pdfmake's `pageBreakBefore`: break before a heading whose linked text is not on its page. */
export function keepHeadingsWithFollowers(links: HeadingLinks): (node: Node, queries: NodeQueries) => boolean {
  return (node, queries) => {
    if (node.headlineLevel === undefined) return false;
    const follower = node.id === undefined ? undefined : links.get(node.id);
    // A heading with nothing after it (the end of the document) stays where it is.
    if (follower === undefined) return false;
    return !queries.getFollowingNodesOnPage().some((next) => next.id === follower);
  };
}

function hasText(text: unknown): boolean {
  if (typeof text === 'string') return text.trim() !== '';
  if (typeof text === 'number') return true;
  if (Array.isArray(text)) return text.some(hasText);
  if (text !== null && typeof text === 'object' && 'text' in text) return hasText(text.text);
  return false;
}
