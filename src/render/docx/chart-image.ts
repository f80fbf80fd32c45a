/**
 * A trend chart as a picture in the document: the shared SVG drawing, with a PNG of the same
 * drawing for readers that do not show SVG (LibreOffice, Word before 2016).
 */
import { AlignmentType, ImageRun, Paragraph } from 'docx';
import type { ChartSpec } from '../../compose/tree.js';
import { chartLegend, chartToSvg } from '../chart-svg.js';
import { STYLE } from './styles.js';
import { rasterizeSvg } from './svg-raster.js';

/** The chart's size in points: the full text width, and tall enough for five severity bands. */
const CHART_SIZE = { width: 504, height: 200 } as const;
/** Pixels per point of the PNG: 3 gives 216 dpi, sharp on paper without a large file. */
const PNG_SCALE = 3;
/** Word sizes pictures in 96-dpi pixels. */
const PIXELS_PER_POINT = 96 / 72;

/** The chart as SVG and PNG bytes of the same drawing. */
export function chartImages(chart: ChartSpec): { readonly svg: Buffer; readonly png: Buffer } {
  const svg = chartToSvg(chart, CHART_SIZE);
  return { svg: Buffer.from(svg, 'utf8'), png: rasterizeSvg(svg, PNG_SCALE) };
}

/** The chart's caption, its picture and its legend in words; `drawingId` must be unique in the document. */
export function chartParagraphs(chart: ChartSpec, drawingId: number): Paragraph[] {
  return [
    new Paragraph({ style: STYLE.fieldLabel, keepNext: true, keepLines: true, text: chart.title }),
    chartParagraph(chart, drawingId),
    new Paragraph({ style: STYLE.muted, text: chartLegend(chart) }),
  ];
}

/** A centered paragraph holding the chart; `drawingId` must be unique in the document. */
export function chartParagraph(chart: ChartSpec, drawingId: number): Paragraph {
  const { svg, png } = chartImages(chart);
  const transformation = {
    width: Math.round(CHART_SIZE.width * PIXELS_PER_POINT),
    height: Math.round(CHART_SIZE.height * PIXELS_PER_POINT),
  };
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepLines: true,
    keepNext: true,
    spacing: { before: 120, after: 120 },
    children: [
      new ImageRun({
        type: 'svg',
        data: svg,
        fallback: { type: 'png', data: png },
        transformation,
        altText: { id: String(drawingId), name: `Chart ${drawingId}`, title: chart.title, description: chart.title },
      }),
    ],
  });
}
