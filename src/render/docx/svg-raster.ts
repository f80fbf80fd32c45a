/**
 * Draws a chart SVG as a PNG, for DOCX readers that show only a picture's bitmap fallback.
 *
 * It understands exactly what `chartToSvg` writes: `rect`, `line` (optionally dashed), `path` made of
 * M/L commands, `circle` and one-line `text`, with solid hex colors. Anything else is skipped.
 */

import type { TextAnchor } from './glyph-outlines.js';
import { textContours } from './glyph-outlines.js';
import { encodePng } from './png-encode.js';
import type { Contour, Point, Rgb } from './raster-canvas.js';
import { RasterCanvas } from './raster-canvas.js';

type Attributes = ReadonlyMap<string, string>;

const ELEMENT = /<(svg|rect|line|path|circle|text)\b([^>]*?)\/?>(?:([^<]*)<\/text>)?/g;
const ATTRIBUTE = /([\w:-]+)="([^"]*)"/g;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function attributesOf(source: string): Attributes {
  return new Map([...source.matchAll(ATTRIBUTE)].map((match) => [match[1] ?? '', unescapeXml(match[2] ?? '')]));
}

function unescapeXml(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name] ?? '');
}

const numberOf = (attributes: Attributes, name: string, fallback = 0): number => {
  const value = Number.parseFloat(attributes.get(name) ?? '');
  return Number.isFinite(value) ? value : fallback;
};

/** A `#RGB` or `#RRGGBB` color; anything else (`none`, names) is not painted. */
function colorOf(value: string | undefined): Rgb | undefined {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value ?? '')?.[1];
  if (hex === undefined) return undefined;
  const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
  return [0, 2, 4].map((at) => Number.parseInt(full.slice(at, at + 2), 16)) as unknown as Rgb;
}

/** A polygon turned, if needed, so its signed area is positive: same-turning polygons fill as a union. */
function positive(contour: Contour): Contour {
  let twiceArea = 0;
  contour.forEach(([x0, y0], index) => {
    const [x1, y1] = contour[(index + 1) % contour.length] as Point;
    twiceArea += x0 * y1 - x1 * y0;
  });
  return twiceArea < 0 ? [...contour].reverse() : contour;
}

function disc(cx: number, cy: number, radius: number): Contour {
  const steps = 32;
  return positive(
    Array.from({ length: steps }, (_, i): Point => {
      const angle = (2 * Math.PI * i) / steps;
      return [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)];
    }),
  );
}

/** The rectangle a straight stroke of `width` covers from `from` to `to` (butt ends). */
function strokeQuad(from: Point, to: Point, width: number): Contour | undefined {
  const length = Math.hypot(to[0] - from[0], to[1] - from[1]);
  if (length === 0) return undefined;
  const nx = (-(to[1] - from[1]) / length) * (width / 2);
  const ny = ((to[0] - from[0]) / length) * (width / 2);
  return positive([
    [from[0] + nx, from[1] + ny],
    [to[0] + nx, to[1] + ny],
    [to[0] - nx, to[1] - ny],
    [from[0] - nx, from[1] - ny],
  ]);
}

/** The pieces of a segment a dash pattern leaves drawn. */
function dashes(from: Point, to: Point, pattern: readonly number[]): [Point, Point][] {
  const length = Math.hypot(to[0] - from[0], to[1] - from[1]);
  if (pattern.length === 0 || pattern.every((step) => step <= 0) || length === 0) return [[from, to]];
  const at = (distance: number): Point => [
    from[0] + ((to[0] - from[0]) * distance) / length,
    from[1] + ((to[1] - from[1]) * distance) / length,
  ];
  const pieces: [Point, Point][] = [];
  let distance = 0;
  for (let index = 0; distance < length; index++) {
    const step = Math.max(0, pattern[index % pattern.length] ?? 0);
    if (index % 2 === 0) pieces.push([at(distance), at(Math.min(length, distance + step))]);
    distance += step;
  }
  return pieces;
}

function strokeLine(attributes: Attributes, scale: number, points: readonly Point[]): Contour[] {
  const width = numberOf(attributes, 'stroke-width', 1) * scale;
  const pattern = (attributes.get('stroke-dasharray') ?? '')
    .split(/[\s,]+/)
    .filter((step) => step !== '')
    .map((step) => Number.parseFloat(step) * scale);
  const contours: Contour[] = [];
  points.slice(1).forEach((to, index) => {
    const from = points[index] as Point;
    for (const [start, end] of dashes(from, to, pattern)) {
      const quad = strokeQuad(start, end, width);
      if (quad) contours.push(quad);
    }
    // Round joins between the segments of a path.
    if (index > 0) contours.push(disc(from[0], from[1], width / 2));
  });
  return contours;
}

function drawElement(canvas: RasterCanvas, name: string, attributes: Attributes, content: string, scale: number): void {
  const at = (x: string, y: string): Point => [numberOf(attributes, x) * scale, numberOf(attributes, y) * scale];
  const fill = colorOf(attributes.get('fill'));
  const stroke = colorOf(attributes.get('stroke'));
  if (name === 'rect' && fill) {
    const [x, y] = at('x', 'y');
    const width = numberOf(attributes, 'width') * scale;
    const height = numberOf(attributes, 'height') * scale;
    canvas.fill(
      [
        [
          [x, y],
          [x + width, y],
          [x + width, y + height],
          [x, y + height],
        ],
      ],
      fill,
    );
  } else if (name === 'line' && stroke) {
    canvas.fill(strokeLine(attributes, scale, [at('x1', 'y1'), at('x2', 'y2')]), stroke);
  } else if (name === 'path' && stroke) {
    const points = [...(attributes.get('d') ?? '').matchAll(/[ML]\s*(-?[\d.]+)[\s,]+(-?[\d.]+)/g)].map(
      (match): Point => [Number(match[1]) * scale, Number(match[2]) * scale],
    );
    canvas.fill(strokeLine(attributes, scale, points), stroke);
  } else if (name === 'circle') {
    const [cx, cy] = at('cx', 'cy');
    const radius = numberOf(attributes, 'r') * scale;
    const half = (numberOf(attributes, 'stroke-width', 1) * scale) / 2;
    if (fill) canvas.fill([disc(cx, cy, radius)], fill);
    if (stroke) {
      const inner = [...disc(cx, cy, Math.max(0, radius - half))].reverse();
      canvas.fill([disc(cx, cy, radius + half), inner], stroke);
    }
  } else if (name === 'text' && fill) {
    const [x, y] = at('x', 'y');
    const anchor = (attributes.get('text-anchor') ?? 'start') as TextAnchor;
    canvas.fill(
      textContours(unescapeXml(content), {
        x,
        y,
        size: numberOf(attributes, 'font-size', 10) * scale,
        anchor: anchor === 'middle' || anchor === 'end' ? anchor : 'start',
        bold: attributes.get('font-weight') === 'bold',
      }),
      fill,
    );
  }
}

/** The SVG drawn at `scale` pixels per SVG unit, as PNG bytes (resolution recorded as 72 x scale dpi). */
export function rasterizeSvg(svg: string, scale: number): Buffer {
  let canvas: RasterCanvas | undefined;
  for (const match of svg.matchAll(ELEMENT)) {
    const [, name = '', source = '', content = ''] = match;
    const attributes = attributesOf(source);
    if (name === 'svg') {
      canvas ??= new RasterCanvas(
        Math.max(1, Math.round(numberOf(attributes, 'width', 1) * scale)),
        Math.max(1, Math.round(numberOf(attributes, 'height', 1) * scale)),
      );
    } else if (canvas) {
      drawElement(canvas, name, attributes, content, scale);
    }
  }
  canvas ??= new RasterCanvas(1, 1);
  return encodePng(canvas.pixels, canvas.width, canvas.height, 72 * scale);
}
