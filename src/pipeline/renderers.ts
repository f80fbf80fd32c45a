import type { OutputFormat, Renderer } from './render-record.js';

/** Loads only the renderers a run needs: pdfmake and docx are slow to import and never needed for HTML. */
export async function loadRenderers(formats: readonly OutputFormat[]): Promise<Record<OutputFormat, Renderer>> {
  const missing: Renderer = () => {
    throw new Error('internal: renderer not loaded');
  };
  const renderers: Record<OutputFormat, Renderer> = { pdf: missing, docx: missing, html: missing };
  if (formats.includes('pdf')) renderers.pdf = (await import('../render/pdf/render-pdf.js')).renderPdf;
  if (formats.includes('docx')) renderers.docx = (await import('../render/docx/render-docx.js')).renderDocx;
  if (formats.includes('html')) renderers.html = (await import('../render/html/render-html.js')).renderHtml;
  return renderers;
}
