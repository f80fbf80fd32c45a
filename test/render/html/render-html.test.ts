import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/render/html/escape.js';
import { renderHtml } from '../../../src/render/html/render-html.js';
import { draftTreatmentPlanTree, treatmentPlanTree, treeWithBlocks } from '../docx/fixture.js';

const html = renderHtml(treatmentPlanTree);

/** Undoes `escapeHtml`, as a browser reads text. */
function unescapeHtml(value: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
  return value.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => named[name] ?? '');
}

describe('escaping', () => {
  it('escapes the five HTML special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('shows a script or template syntax in any text as literal text', () => {
    const hostile = '<script>alert(1)</script>{{x}}';
    const tree = {
      ...treeWithBlocks([
        { kind: 'section', id: 'x"><script>', title: hostile, blocks: [] },
        { kind: 'paragraph', content: [{ text: hostile, bold: true }] },
        { kind: 'fields', items: [{ label: hostile, value: hostile }] },
        { kind: 'table', columns: [{ header: hostile, width: 1 }], rows: [[[{ text: hostile }]]] },
        { kind: 'list', ordered: false, items: [[{ text: hostile }]] },
        { kind: 'notice', tone: 'info', content: [{ text: hostile }] },
        { kind: 'signatures', signers: [{ role: 'x', roleLabel: hostile, name: hostile, credentials: hostile }] },
      ]),
      title: hostile,
      header: { patientName: hostile, dob: hostile, recordNumber: hostile, organization: hostile },
    };
    const page = renderHtml(tree);
    expect(page).not.toContain('<script>');
    expect(page).toContain('id="x&quot;&gt;&lt;script&gt;"');
    const escaped = '&lt;script&gt;alert(1)&lt;/script&gt;{{x}}';
    // Title tag, h1, section heading, paragraph, dt, dd, th, td, li, notice, role, name, four header fields.
    expect(page.split(escaped).length - 1).toBeGreaterThanOrEqual(16);
  });

  it('gives back any text exactly once unescaped', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const page = renderHtml(treeWithBlocks([{ kind: 'paragraph', content: [{ text }] }]));
        const paragraph = /<main>\n.*?\n<p>(.*?)<\/p>\n<\/main>/s.exec(page)?.[1];
        expect(paragraph).toBeDefined();
        expect(unescapeHtml(paragraph ?? '')).toBe(text);
      }),
    );
  });
});

describe('structure', () => {
  it('is a standalone HTML5 page in the document language with the document title', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-US">')).toBe(true);
    expect(html).toContain('<title>Individualized Treatment Plan: Dana R. Whitfield</title>');
    expect(html).not.toMatch(/<link\b|<script\b|\bsrc=|url\(/);
  });

  it('has a section with the tree id and an h2 for each section, in order', () => {
    const sections = [...html.matchAll(/<section id="([^"]+)">\n<h2>([^<]+)<\/h2>/g)].map((m) => [m[1], m[2]]);
    expect(sections).toEqual([
      ['identification', 'Identification and coverage'],
      ['diagnoses', 'Diagnoses'],
      ['clinical-summary', 'Clinical summary'],
      ['goals', 'Goals and objectives'],
      ['services', 'Services and frequency'],
      ['signatures', 'Signatures'],
    ]);
  });

  it('gives tables a thead with one th per column and a row per tree row', () => {
    const objectives = [...html.matchAll(/<table>.*?<\/table>/gs)]
      .map((m) => m[0])
      .find((t) => t.includes('Objective'));
    expect(objectives).toMatch(/<thead><tr>(<th scope="col"[^>]*>[^<]+<\/th>){5}<\/tr><\/thead>/);
    expect(objectives?.match(/<tbody>.*<\/tbody>/s)?.[0].match(/<tr>/g)).toHaveLength(18);
  });

  it('inlines the chart as SVG', () => {
    expect(html).toMatch(
      /<figure class="chart"><figcaption>PHQ-9 over the episode<\/figcaption><svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>.*<p class="muted">PHQ-9 score by date; severity bands: minimal 0–4/is,
    );
  });

  it('shows each signer with role, printed name and credentials, and the signed date', () => {
    const signers = [...html.matchAll(/<div class="signer" data-role="([a-z]+)">(.*?)\n<\/div>/gs)];
    expect(signers.map((m) => m[1])).toEqual(['clinician', 'supervisor', 'patient']);
    expect(signers[0]?.[2]).toContain('Alex Rivera, LCSW');
    expect(signers[0]?.[2]).toContain('<div class="signer-line signer-date">2026-09-09</div>');
    expect(signers[1]?.[2]).toContain('<div class="signer-line signer-date"></div>');
  });

  it('keeps signer blocks and table rows whole when printed', () => {
    expect(html).toMatch(/@media print \{[^@]*tr, \.signer[^}]*page-break-inside: avoid/);
  });

  it('keeps newlines and tabs as written', () => {
    expect(html).toContain('A safety plan was completed at intake.\nSuicide risk: low.\tHomicide risk: none.');
    expect(html).toMatch(/p, li, td[^{]*\{ white-space: pre-wrap;/);
  });

  it('is the same string every time', () => {
    expect(renderHtml(treatmentPlanTree)).toBe(html);
  });
});

describe('drafts', () => {
  it('shows a draft banner and opens with a draft notice only for a draft', () => {
    const draft = renderHtml(draftTreatmentPlanTree);
    expect(draft).toContain('<div class="draft-banner" role="alert">DRAFT — NOT READY FOR SIGNATURE</div>');
    expect(draft).toMatch(/<main>\n<h1[^\n]*\n<p class="subtitle">[^\n]*\n<div class="notice notice-draft"/);
    expect(html).not.toContain('draft-banner" role');
    expect(html).not.toContain('notice-draft"');
  });
});
