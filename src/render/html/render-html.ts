/**
 * Renders a document tree as one standalone HTML5 page: inline CSS, inline SVG charts, nothing
 * loaded from elsewhere. The same tree always gives the same string.
 */
import type { DocumentTree } from '../../compose/tree.js';
import { blocksWithDraftNotice, DRAFT_MARK } from '../docx/draft.js';
import { escapeHtml } from './escape.js';
import { blockHtml } from './html-blocks.js';
import { PAGE_CSS } from './html-style.js';

function metaTag(name: string, content: string): string {
  return content === '' ? '' : `<meta name="${name}" content="${escapeHtml(content)}">\n`;
}

function pageHeader(tree: DocumentTree): string {
  const { patientName, dob, recordNumber, organization } = tree.header;
  return (
    '<header class="page-header">' +
    `<div><span class="patient">${escapeHtml(patientName)}</span>` +
    ` · DOB ${escapeHtml(dob)} · Record ${escapeHtml(recordNumber)}</div>` +
    `<div>${escapeHtml(organization)}</div>` +
    '</header>'
  );
}

function titleBlock(tree: DocumentTree): string {
  const subtitle = tree.subtitle === undefined ? '' : `\n<p class="subtitle">${escapeHtml(tree.subtitle)}</p>`;
  return `<h1 class="title">${escapeHtml(tree.title)}</h1>${subtitle}`;
}

/** The complete HTML page for a tree. */
export function renderHtml(tree: DocumentTree): string {
  const { meta } = tree;
  const banner = tree.draft ? `<div class="draft-banner" role="alert">${escapeHtml(DRAFT_MARK)}</div>\n` : '';
  return (
    '<!DOCTYPE html>\n' +
    `<html lang="${escapeHtml(meta.language)}">\n` +
    '<head>\n<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${escapeHtml(meta.title)}</title>\n` +
    metaTag('author', meta.author) +
    metaTag('description', meta.subject) +
    metaTag('keywords', meta.keywords.join(', ')) +
    metaTag('dcterms.date', meta.date) +
    metaTag('dcterms.identifier', `${tree.documentId} (${tree.version})`) +
    `<style>${PAGE_CSS}</style>\n` +
    '</head>\n<body>\n' +
    banner +
    `${pageHeader(tree)}\n` +
    '<main>\n' +
    `${titleBlock(tree)}\n` +
    blocksWithDraftNotice(tree).map(blockHtml).join('\n') +
    '\n</main>\n' +
    `<footer class="page-footer"><div>${escapeHtml(tree.documentId)} · ${escapeHtml(tree.version)}</div></footer>\n` +
    '</body>\n</html>\n'
  );
}
