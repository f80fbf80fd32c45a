/**
 * The document tree's blocks as HTML. Every text value passes through `escapeHtml`; the only markup
 * is the structure written here and the chart SVG (which escapes its own text).
 */
import type { Block, Column, Inline, Signer } from '../../compose/tree.js';
import { chartLegend, chartToSvg } from '../chart-svg.js';
import { escapeHtml } from './escape.js';

/** The chart's size in CSS pixels: the text width of a Letter page. */
const CHART_SIZE = { width: 672, height: 267 } as const;

/** Inline runs as escaped text, bold as `strong` and italic as `em`. */
export function inlineHtml(inline: Inline): string {
  return inline
    .map((run) => {
      let html = escapeHtml(run.text);
      if (run.italic) html = `<em>${html}</em>`;
      if (run.bold) html = `<strong>${html}</strong>`;
      return html;
    })
    .join('');
}

function alignClass(column: Column | undefined): string {
  return column?.align === 'center' || column?.align === 'right' ? ` class="align-${column.align}"` : '';
}

function tableHtml(columns: readonly Column[], rows: readonly (readonly Inline[])[]): string {
  const total = columns.reduce((sum, column) => sum + Math.max(column.width, 0), 0) || 1;
  const widths = columns
    .map((column) => `<col style="width:${((Math.max(column.width, 0) / total) * 100).toFixed(2)}%">`)
    .join('');
  const head = columns
    .map((column) => `<th scope="col"${alignClass(column)}>${escapeHtml(column.header)}</th>`)
    .join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${columns.map((column, index) => `<td${alignClass(column)}>${inlineHtml(row[index] ?? [])}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<table>\n<colgroup>${widths}</colgroup>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function signerHtml(signer: Signer): string {
  const name = signer.credentials ? `${signer.name}, ${signer.credentials}` : signer.name;
  return [
    `<div class="signer" data-role="${escapeHtml(signer.role)}">`,
    `<div class="signer-role">${escapeHtml(signer.roleLabel)}</div>`,
    '<div class="signer-line"></div>',
    `<div class="signer-line signer-date">${escapeHtml(signer.signedOn ?? '')}</div>`,
    '<div></div>',
    `<div><div class="signer-name">${escapeHtml(name)}</div><div class="signer-caption">Signature</div></div>`,
    '<div class="signer-caption">Date</div>',
    '</div>',
  ].join('\n');
}

/** One block as HTML; sections nest their blocks and carry the tree's id. */
export function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'section':
      return [
        `<section id="${escapeHtml(block.id)}">`,
        `<h2>${escapeHtml(block.title)}</h2>`,
        ...block.blocks.map(blockHtml),
        '</section>',
      ].join('\n');
    case 'heading': {
      const tag = block.level === 2 ? 'h3' : 'h4';
      return `<${tag}>${escapeHtml(block.text)}</${tag}>`;
    }
    case 'paragraph':
      return `<p${block.tone === 'muted' ? ' class="muted"' : ''}>${inlineHtml(block.content)}</p>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>\n${block.items.map((item) => `<li>${inlineHtml(item)}</li>`).join('\n')}\n</${tag}>`;
    }
    case 'table':
      return tableHtml(block.columns, block.rows);
    case 'fields':
      return `<dl class="fields">\n${block.items
        .map((item) => `<dt>${escapeHtml(item.label)}</dt><dd>${escapeHtml(item.value)}</dd>`)
        .join('\n')}\n</dl>`;
    case 'notice':
      return `<div class="notice notice-${block.tone}" role="note">${inlineHtml(block.content)}</div>`;
    case 'chart':
      return `<figure class="chart"><figcaption>${escapeHtml(block.chart.title)}</figcaption>${chartToSvg(block.chart, CHART_SIZE)}<p class="muted">${escapeHtml(chartLegend(block.chart))}</p></figure>`;
    case 'signatures':
      return `<div class="signatures">\n${block.signers.map(signerHtml).join('\n')}\n</div>`;
  }
}
