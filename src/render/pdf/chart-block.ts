/**
 * A trend chart in the PDF: a caption, then the drawing as SVG with its labels set as ordinary
 * PDF text on top.
 *
 * Setting the labels with pdfmake rather than inside the SVG keeps them in the document's
 * embedded font and extractable, and spares the SVG renderer from opening the font file again
 * for every label (which also defeats the parsed-font cache in `fonts.ts`).
 */
import type { Content } from 'pdfmake/interfaces.js';
import type { ChartSpec } from '../../compose/tree.js';
import { type ChartLabel, chartLabels, chartLegend, chartToSvg } from '../chart-svg.js';
import { CONTENT_WIDTH } from './page-style.js';

/** Height of a chart drawing, in points. */
export const CHART_HEIGHT = 190;

/**
 * Roboto's ascent as a fraction of the font size (hhea ascender 1900 of 2048 units): pdfmake
 * puts a line's baseline this far below the top of its box, and SVG positions text by baseline.
 */
export const ROBOTO_ASCENT = 1900 / 2048;

/** Width of the box each label is aligned in; wider than any label the chart draws. */
const LABEL_BOX = 160;

/** The chart's caption (kept with the drawing) and the drawing, which never splits. */
export function chartContent(chart: ChartSpec, headlineLevel: number): Content {
  const size = { width: CONTENT_WIDTH, height: CHART_HEIGHT };
  return [
    { text: chart.title, style: 'caption', headlineLevel },
    {
      unbreakable: true,
      margin: [0, 0, 0, 10],
      stack: [
        { svg: chartToSvg(chart, { ...size, labels: false }), width: size.width, height: size.height },
        // Drawn after the SVG so they sit on top of its shading; positioned back up into it.
        ...chartLabels(chart, size).map(labelContent),
        { text: chartLegend(chart), style: 'muted', margin: [0, 4, 0, 0] },
      ],
    },
  ];
}

function labelContent(label: ChartLabel): Content {
  const offset = label.anchor === 'start' ? 0 : label.anchor === 'middle' ? LABEL_BOX / 2 : LABEL_BOX;
  return {
    relativePosition: { x: label.x - offset, y: label.y - label.size * ROBOTO_ASCENT - CHART_HEIGHT },
    columns: [
      {
        width: LABEL_BOX,
        text: label.text,
        fontSize: label.size,
        color: label.color,
        bold: label.bold,
        lineHeight: 1,
        noWrap: true,
        alignment: label.anchor === 'start' ? 'left' : label.anchor === 'middle' ? 'center' : 'right',
      },
    ],
  };
}
