/**
 * Finds nodes in a pdfmake document definition, however deeply nested in stacks, columns,
 * tables and lists.
 */

/** A node of a document definition seen as a plain record. */
export type DefinitionNode = Record<string, unknown>;

/** Every object node under `content`, depth first, in document order. */
export function allNodes(content: unknown): DefinitionNode[] {
  const out: DefinitionNode[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const node = value as DefinitionNode;
    out.push(node);
    for (const key of ['stack', 'columns', 'ul', 'ol'] as const) visit(node[key]);
    const table = node.table as { body?: unknown } | undefined;
    if (table?.body) visit(table.body);
  };
  visit(content);
  return out;
}

/** The plain text of a node's `text` (a string or an array of fragments). */
export function textOf(node: DefinitionNode): string {
  const flatten = (value: unknown): string => {
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) return value.map(flatten).join('');
    if (value !== null && typeof value === 'object' && 'text' in value)
      return flatten((value as { text: unknown }).text);
    return '';
  };
  return flatten(node.text);
}

/** Nodes whose text is exactly `text`. */
export function nodesWithText(content: unknown, text: string): DefinitionNode[] {
  return allNodes(content).filter((node) => 'text' in node && textOf(node) === text);
}
