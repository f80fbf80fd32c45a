/**
 * Figures measured inside this process, on one core: the pipeline against rendering alone, our
 * PDF renderer against pdfmake used the plain way, DOCX documents per second, audits per second.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pdfmake from 'pdfmake';
import { auditRecord } from '../src/audit/audit.js';
import { composeDocument } from '../src/compose/compose.js';
import { loadTemplateSet } from '../src/compose/templates.js';
import type { DocKind, DocumentTree } from '../src/compose/tree.js';
import { loadRecordText } from '../src/load/record.js';
import type { LinkedRecord } from '../src/model/linked.js';
import { loadProfileRegistry, type ProfileRegistry } from '../src/payers/registry.js';
import type { ResolvedProfile } from '../src/payers/resolved-profile.js';
import { renderRecord } from '../src/pipeline/render-record.js';
import { renderDocx } from '../src/render/docx/render-docx.js';
import { toDocDefinition } from '../src/render/pdf/doc-definition.js';
import { ROBOTO_FILES } from '../src/render/pdf/fonts.js';
import { FONT_FAMILY } from '../src/render/pdf/page-style.js';
import { pdfFontSource, renderPdf } from '../src/render/pdf/render-pdf.js';
import type { CorpusRecord } from './corpus.js';
import type { Figure } from './figures.js';
import { interleaved, rate } from './timing.js';

export const AS_OF = '2026-11-27';

interface Prepared {
  readonly source: CorpusRecord;
  readonly record: LinkedRecord;
  readonly profile: ResolvedProfile;
  readonly tree: DocumentTree;
}

const audit = (r: LinkedRecord, p: ResolvedProfile) => auditRecord(r, p, { asOf: AS_OF });

/** Loads, audits and composes each record once, as the render-only variants start from the tree. */
export function prepare(
  corpus: readonly CorpusRecord[],
  registry: ProfileRegistry,
  templates = loadTemplateSet(),
): Prepared[] {
  return corpus.map((source) => {
    const record = loadRecordText(source.text, source.id);
    const profile = registry.resolve(record.data.coverage.payer, record.data.plan.effectiveDate);
    const findings = audit(record, profile);
    const errors = findings.some((f) => f.severity === 'error');
    const tree = composeDocument(record, {
      kind: source.kind as DocKind,
      profile,
      templates,
      asOf: AS_OF,
      ...(errors ? { draftFindings: findings } : {}),
    });
    return { source, record, profile, tree };
  });
}

/** pdfmake the way its README shows: fonts as file paths, read and parsed again by every createPdf. */
async function plainPdfmake(): Promise<{ render: (tree: DocumentTree) => Promise<Buffer>; dir: string }> {
  // Copies, so pdfmake reads them from disk: the originals' paths are served parsed by our renderer.
  const dir = await mkdtemp(path.join(tmpdir(), 'goldthread-bench-fonts-'));
  const files = Object.fromEntries(
    await Promise.all(
      Object.entries(ROBOTO_FILES).map(async ([face, file]) => {
        const copy = path.join(dir, path.basename(file));
        await copyFile(file, copy);
        return [face, copy];
      }),
    ),
  ) as Record<keyof typeof ROBOTO_FILES, string>;
  const allowed = new Set(Object.values(files));
  const render = (tree: DocumentTree) => {
    pdfmake.setFonts({ [FONT_FAMILY]: { ...files } });
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((p: string) => allowed.has(path.resolve(p)));
    return pdfmake.createPdf(toDocDefinition(tree)).getBuffer();
  };
  return { render, dir };
}

/** All in-process figures over the corpus; `rounds` interleaved passes for each comparison. */
export async function measureInProcess(
  corpus: readonly CorpusRecord[],
  rounds: number,
  auditMs: number,
): Promise<Figure[]> {
  const registry = await loadProfileRegistry();
  const templates = loadTemplateSet();
  const items = prepare(corpus, registry, templates);
  const renderers = { pdf: renderPdf, docx: renderDocx, html: () => '' };
  const figures: Figure[] = [];

  const pipeline = await interleaved(
    {
      pipeline: async () => {
        for (const { source } of items) {
          const record = loadRecordText(source.text, source.id);
          const profile = registry.resolve(record.data.coverage.payer, record.data.plan.effectiveDate);
          const opts = {
            kind: source.kind,
            formats: ['pdf'] as const,
            profile,
            templates,
            asOf: AS_OF,
            allowDraft: true,
            audit,
            renderers,
          };
          await renderRecord(record, opts);
        }
      },
      renderOnly: async () => {
        for (const { tree } of items) await renderPdf(tree);
      },
    },
    rounds,
  );
  figures.push({
    name: 'pipeline overhead over render-only (PDF)',
    value: pipeline.pipeline / pipeline.renderOnly - 1,
    unit: 'ratio',
    display: `${((pipeline.pipeline / pipeline.renderOnly - 1) * 100).toFixed(1)}%`,
    target: '<= 10%',
    met: pipeline.pipeline / pipeline.renderOnly - 1 <= 0.1,
    note: `load+audit+compose+render ${(pipeline.pipeline / rounds / items.length).toFixed(1)} ms/doc vs render ${(pipeline.renderOnly / rounds / items.length).toFixed(1)} ms/doc`,
  });

  // Ours is the whole renderer (pdfmake with fonts parsed once, then PDF/A finishing and signature
  // fields); "layout" is its pdfmake stage alone, to show what the font reuse gives by itself.
  const { render: plain, dir: fontCopies } = await plainPdfmake();
  const layout = (tree: DocumentTree) => {
    pdfFontSource();
    return pdfmake.createPdf(toDocDefinition(tree)).getBuffer();
  };
  const first = items[0] as Prepared;
  const same = Buffer.compare(await layout(first.tree), await plain(first.tree)) === 0;
  const pdf = await interleaved(
    {
      ours: async () => {
        for (const { tree } of items) await renderPdf(tree);
      },
      layout: async () => {
        for (const { tree } of items) await layout(tree);
      },
      plain: async () => {
        for (const { tree } of items) await plain(tree);
      },
    },
    rounds,
  );
  const perDoc = (ms: number) => ms / rounds / items.length;
  figures.push({
    name: 'PDF render vs plain pdfmake',
    value: pdf.plain / pdf.ours,
    unit: 'x',
    display: `${(pdf.plain / pdf.ours).toFixed(2)}x`,
    target: '>= 1.5x',
    met: pdf.plain / pdf.ours >= 1.5,
    note:
      `${perDoc(pdf.ours).toFixed(0)} vs ${perDoc(pdf.plain).toFixed(0)} ms/doc (${(1000 / perDoc(pdf.ours)).toFixed(1)} docs/s); ` +
      `pdfmake stage alone ${perDoc(pdf.layout).toFixed(0)} ms (${(pdf.plain / pdf.layout).toFixed(2)}x plain, ` +
      `same bytes: ${same ? 'yes' : 'NO'}), PDF/A + signature fields ${(perDoc(pdf.ours) - perDoc(pdf.layout)).toFixed(0)} ms`,
  });

  await rm(fontCopies, { recursive: true, force: true });

  const docx = await interleaved(
    {
      docx: async () => {
        for (const { tree } of items) await renderDocx(tree);
      },
    },
    rounds,
  );
  const docxPerSecond = 1000 / perDoc(docx.docx);
  figures.push({
    name: 'DOCX render, one core',
    value: docxPerSecond,
    unit: 'docs/s',
    display: `${docxPerSecond.toFixed(1)} docs/s`,
    target: '(reported)',
    met: null,
    note: `${perDoc(docx.docx).toFixed(0)} ms/doc; PDF ${perDoc(pdf.ours).toFixed(0)} ms/doc`,
  });

  let next = 0;
  const audits = await rate(() => {
    const item = items[next++ % items.length] as Prepared;
    audit(item.record, item.profile);
  }, auditMs);
  figures.push({
    name: 'audit, one core',
    value: audits,
    unit: 'records/s',
    display: `${audits.toFixed(0)} records/s`,
    target: '>= 5000/s',
    met: audits >= 5000,
    note: 'auditRecord on loaded records, mixed sizes',
  });
  return figures;
}
