/**
 * Draws a trend chart (one scored instrument over the episode) as a standalone SVG string.
 *
 * Shared by the PDF renderer (pdfmake draws SVG) and the HTML renderer (inlines it). The output
 * depends only on the chart and the size: no ids, no clocks, numbers rounded to two decimals.
 * The labels are also available as data (`chartLabels`), for a renderer that sets them in its
 * own text engine over a label-free drawing.
 */
import type { ChartBand, ChartSpec } from '../compose/tree.js';
import { escapeXml } from './escape-xml.js';

/** The size of the drawing in points (PDF) or CSS pixels (HTML). */
export interface ChartSize {
  readonly width: number;
  readonly height: number;
}

/** Options for `chartToSvg`. */
export interface ChartSvgOptions extends ChartSize {
  /** Draw the text labels into the SVG (default true); false leaves them to the caller (`chartLabels`). */
  readonly labels?: boolean;
}

/** One text label of a chart, positioned in the drawing's coordinates. */
export interface ChartLabel {
  readonly text: string;
  readonly x: number;
  /** The baseline, as SVG places text. */
  readonly y: number;
  readonly size: number;
  readonly color: string;
  readonly anchor: 'start' | 'middle' | 'end';
  readonly bold: boolean;
}

const FONT_FAMILY = 'Roboto, Helvetica, Arial, sans-serif';
const INK = '#2B3440';
const MUTED = '#6B7480';
const AXIS = '#8A939E';
const GRID = '#E3E7EC';
const LINE = '#1F4E79';
const TARGET = '#2E7D4F';
/** Band tints run from calm (least severe) to warm (most severe). */
const BAND_CALM: Rgb = [234, 243, 236];
const BAND_WARM: Rgb = [250, 228, 222];

const PAD = { top: 14, right: 92, bottom: 26, left: 34 } as const;

type Rgb = readonly [number, number, number];

/** The chart as an SVG document sized `width` x `height`; every text is escaped. */
export function chartToSvg(chart: ChartSpec, opts: ChartSvgOptions): string {
  const drawing = layoutChart(chart, opts);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(opts.width)}" height="${num(opts.height)}" ` +
      `viewBox="0 0 ${num(opts.width)} ${num(opts.height)}" role="img" aria-label="${escapeXml(chart.title)}">`,
    `<title>${escapeXml(chart.title)}</title>`,
    ...drawing.shapes,
  ];
  if (opts.labels !== false) parts.push(...drawing.labels.map(labelToSvg));
  parts.push('</svg>');
  return parts.join('');
}

/** The chart's text labels, in drawing order, for the same size as `chartToSvg`. */
export function chartLabels(chart: ChartSpec, size: ChartSize): ChartLabel[] {
  return layoutChart(chart, size).labels;
}

interface Plot {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

interface Drawing {
  readonly shapes: string[];
  readonly labels: ChartLabel[];
}

type Scale = (value: number) => number;

function layoutChart(chart: ChartSpec, size: ChartSize): Drawing {
  const plot: Plot = {
    left: PAD.left,
    top: PAD.top,
    right: Math.max(PAD.left + 1, size.width - PAD.right),
    bottom: Math.max(PAD.top + 1, size.height - PAD.bottom),
  };
  const low = Math.min(chart.min, chart.max);
  const high = Math.max(chart.min, chart.max);
  const span = high - low || 1;
  const yOf: Scale = (value) => plot.bottom - ((clamp(value, low, high) - low) / span) * (plot.bottom - plot.top);

  const drawing: Drawing = { shapes: [], labels: [] };
  drawBands(drawing, chart.bands, plot, yOf);
  drawYAxis(drawing, low, high, plot, yOf);
  if (chart.target !== undefined) drawTarget(drawing, chart.target, plot, yOf);
  drawSeries(drawing, chart, plot, yOf);
  drawing.shapes.push(
    line(plot.left, plot.top, plot.left, plot.bottom, AXIS, 0.75),
    line(plot.left, plot.bottom, plot.right, plot.bottom, AXIS, 0.75),
  );
  drawing.labels.push(label(2, 9, `${chart.instrument} score`, { size: 7.5, color: MUTED }));
  return drawing;
}

function drawBands(drawing: Drawing, bands: readonly ChartBand[], plot: Plot, yOf: Scale): void {
  const sorted = contiguousBands(bands);
  sorted.forEach((band, index) => {
    const top = yOf(band.to);
    const bottom = yOf(band.from);
    const height = Math.max(0, bottom - top);
    const fill = mix(BAND_CALM, BAND_WARM, sorted.length > 1 ? index / (sorted.length - 1) : 0);
    drawing.shapes.push(
      `<rect x="${num(plot.left)}" y="${num(top)}" width="${num(plot.right - plot.left)}" height="${num(height)}" fill="${fill}"/>`,
    );
    // A label only where the band is tall enough to hold one line of text.
    if (height >= 8) {
      drawing.labels.push(label(plot.right + 6, (top + bottom) / 2 + 2.6, band.label, { size: 7.5, color: MUTED }));
    }
  });
}

/**
 * Bands sorted from low to high, with the one-point gaps of integer score ranges (0-4, 5-9)
 * closed at the midpoint, so the shading is continuous and a score of 5 sits inside "5-9".
 */
function contiguousBands(bands: readonly ChartBand[]): ChartBand[] {
  const sorted = bands
    .map((b) => ({ ...b, from: Math.min(b.from, b.to), to: Math.max(b.from, b.to) }))
    .sort((a, b) => a.from - b.from || a.to - b.to);
  return sorted.map((band, i) => {
    const previous = sorted[i - 1];
    const next = sorted[i + 1];
    const gapBelow = previous ? band.from - previous.to : 0;
    const gapAbove = next ? next.from - band.to : 0;
    return {
      ...band,
      from: gapBelow > 0 && gapBelow <= 1 ? band.from - gapBelow / 2 : band.from,
      to: gapAbove > 0 && gapAbove <= 1 ? band.to + gapAbove / 2 : band.to,
    };
  });
}

function drawYAxis(drawing: Drawing, low: number, high: number, plot: Plot, yOf: Scale): void {
  for (const tick of niceTicks(low, high)) {
    const y = yOf(tick);
    if (tick !== low) drawing.shapes.push(line(plot.left, y, plot.right, y, GRID, 0.5));
    drawing.shapes.push(line(plot.left - 3, y, plot.left, y, AXIS, 0.75));
    drawing.labels.push(label(plot.left - 5, y + 2.6, num(tick), { size: 7.5, color: MUTED, anchor: 'end' }));
  }
}

function drawTarget(drawing: Drawing, target: number, plot: Plot, yOf: Scale): void {
  const y = yOf(target);
  drawing.shapes.push(
    `<line x1="${num(plot.left)}" y1="${num(y)}" x2="${num(plot.right)}" y2="${num(y)}" stroke="${TARGET}" stroke-width="1" stroke-dasharray="4 3"/>`,
  );
  // At the left end: the series starts at its baseline, away from the target, so the label stays clear.
  drawing.labels.push(label(plot.left + 4, y - 3, `Target ${num(target)}`, { size: 7.5, color: TARGET, bold: true }));
}

function drawSeries(drawing: Drawing, chart: ChartSpec, plot: Plot, yOf: Scale): void {
  const points = [...chart.points]
    .map((p) => ({ ...p, day: dayNumber(p.date) }))
    .sort((a, b) => a.day - b.day || a.value - b.value);
  if (points.length === 0) {
    const middle = { x: (plot.left + plot.right) / 2, y: (plot.top + plot.bottom) / 2 };
    drawing.labels.push(label(middle.x, middle.y, 'No scores recorded', { size: 8.5, color: MUTED, anchor: 'middle' }));
    return;
  }
  const first = points[0]!.day;
  const last = points[points.length - 1]!.day;
  const inset = 10;
  const xOf: Scale = (day) =>
    last === first
      ? (plot.left + plot.right) / 2
      : plot.left + inset + ((day - first) / (last - first)) * (plot.right - plot.left - 2 * inset);

  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${num(xOf(p.day))} ${num(yOf(p.value))}`).join(' ');
  drawing.shapes.push(`<path d="${path}" fill="none" stroke="${LINE}" stroke-width="1.5" stroke-linejoin="round"/>`);
  const labelValues = points.length <= 16;
  for (const p of points) {
    const x = xOf(p.day);
    const y = yOf(p.value);
    drawing.shapes.push(
      `<circle cx="${num(x)}" cy="${num(y)}" r="2.6" fill="#FFFFFF" stroke="${LINE}" stroke-width="1.3"/>`,
    );
    if (labelValues)
      drawing.labels.push(label(x, y - 5, num(p.value), { size: 7, color: INK, anchor: 'middle', bold: true }));
  }
  // Date labels: as many as fit side by side where the points fall, the first and the last always.
  for (const p of labelledPoints(points, xOf, DATE_LABEL_WIDTH)) {
    drawing.labels.push(label(xOf(p.day), plot.bottom + 12, p.date, { size: 7, color: MUTED, anchor: 'middle' }));
  }
}

/** The width a centred ISO date label needs at 7 pt, with a little air. */
const DATE_LABEL_WIDTH = 48;

/**
 * Picks the points whose date labels fit without overlapping: the first and the last always, and
 * between them, left to right, each point far enough from the label before it and from the last.
 */
export function labelledPoints<P extends { day: number }>(
  points: readonly P[],
  xOf: (day: number) => number,
  gap: number,
): P[] {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return [];
  if (first === last) return [first];
  const kept: P[] = [first];
  for (const p of points.slice(1, -1)) {
    if (xOf(p.day) - xOf((kept.at(-1) as P).day) >= gap && xOf(last.day) - xOf(p.day) >= gap) kept.push(p);
  }
  // Two labels closer than the gap: the last date matters more than the first.
  if (xOf(last.day) - xOf((kept.at(-1) as P).day) < gap) kept.pop();
  return [...kept, last];
}

/** Round tick values (steps of 1, 2 or 5 times a power of ten), about six across the range. */
function niceTicks(low: number, high: number): number[] {
  const span = high - low;
  if (span <= 0) return [low];
  const rough = span / 6;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? rough;
  const ticks: number[] = [];
  for (let v = Math.ceil(low / step) * step; v <= high + step * 1e-9; v += step) {
    ticks.push(Math.round(v * 1e6) / 1e6);
  }
  return ticks;
}

/** Days since the epoch of an ISO date; a malformed date sorts first rather than breaking the chart. */
function dayNumber(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return 0;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000;
}

function label(
  x: number,
  y: number,
  text: string,
  style: { size: number; color: string; anchor?: ChartLabel['anchor']; bold?: boolean },
): ChartLabel {
  return {
    text,
    x: round(x),
    y: round(y),
    size: style.size,
    color: style.color,
    anchor: style.anchor ?? 'start',
    bold: style.bold ?? false,
  };
}

function labelToSvg(l: ChartLabel): string {
  const anchor = l.anchor === 'start' ? '' : ` text-anchor="${l.anchor}"`;
  const weight = l.bold ? ' font-weight="bold"' : '';
  return (
    `<text x="${num(l.x)}" y="${num(l.y)}" font-family="${FONT_FAMILY}" font-size="${num(l.size)}" ` +
    `fill="${l.color}"${anchor}${weight}>${escapeXml(l.text)}</text>`
  );
}

function line(x1: number, y1: number, x2: number, y2: number, stroke: string, width: number): string {
  return `<line x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" stroke="${stroke}" stroke-width="${num(width)}"/>`;
}

function mix(from: Rgb, to: Rgb, t: number): string {
  const channel = (i: 0 | 1 | 2): string =>
    Math.round(from[i] + (to[i] - from[i]) * t)
      .toString(16)
      .padStart(2, '0');
  return `#${channel(0)}${channel(1)}${channel(2)}`.toUpperCase();
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

function round(value: number): number {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** A number with at most two decimals and no trailing zeros, so output is short and stable. */
function num(value: number): string {
  return String(round(value));
}

/**
 * The chart in words, shown under every chart in every format: what is plotted, the severity
 * bands and the target. A reader who cannot see the drawing (or a text extraction) gets its meaning.
 */
export function chartLegend(chart: ChartSpec): string {
  const bands = chart.bands.map((b) => `${b.label} ${b.from}–${b.to}`).join(', ');
  const parts = [`${chart.instrument} score by date`];
  if (bands) parts.push(`severity bands: ${bands}`);
  if (chart.target !== undefined) parts.push(`dashed line: target ${chart.target}`);
  return `${parts.join('; ')}.`;
}
