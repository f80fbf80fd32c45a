/**
 * Text as polygons, for drawing chart labels into the PNG copy of a chart.
 *
 * Uses the Roboto fonts that ship with pdfmake (the chart SVG names Roboto first) and fontkit, which
 * pdfmake uses to read them, so the PNG's labels match the PDF's.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Contour, Point } from './raster-canvas.js';

/** The part of fontkit's API used here (fontkit ships no types). */
interface FontkitFont {
  readonly unitsPerEm: number;
  layout(text: string): {
    readonly glyphs: readonly { readonly path: { readonly commands: readonly PathCommand[] } }[];
    readonly positions: readonly { readonly xAdvance: number; readonly xOffset: number; readonly yOffset: number }[];
  };
}
interface PathCommand {
  readonly command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath';
  readonly args: readonly number[];
}
interface Fontkit {
  create(data: Buffer): FontkitFont;
}

const require = createRequire(import.meta.url);
const fonts = new Map<'regular' | 'bold', FontkitFont>();

/** Roboto Regular, or Roboto Medium for bold (as pdfmake uses it), read once per process. */
function font(weight: 'regular' | 'bold'): FontkitFont {
  const cached = fonts.get(weight);
  if (cached) return cached;
  const fontkit = require('fontkit') as Fontkit;
  const folder = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  const file = weight === 'bold' ? 'Roboto-Medium.ttf' : 'Roboto-Regular.ttf';
  const loaded = fontkit.create(readFileSync(join(folder, file)));
  fonts.set(weight, loaded);
  return loaded;
}

/** Where a label sits relative to its x, as in SVG's `text-anchor`. */
export type TextAnchor = 'start' | 'middle' | 'end';

/** How a label is drawn: its baseline origin and size are in pixels. */
export interface TextPlacement {
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly anchor: TextAnchor;
  readonly bold: boolean;
}

/** Segments per curve: labels are a few pixels high, so a handful of segments is smooth. */
const CURVE_STEPS = 6;

/** The outlines of `text` laid out on one line, in pixel coordinates (y down). */
export function textContours(text: string, placement: TextPlacement): Contour[] {
  const face = font(placement.bold ? 'bold' : 'regular');
  const run = face.layout(text);
  const scale = placement.size / face.unitsPerEm;
  const advance = run.positions.reduce((total, position) => total + position.xAdvance, 0) * scale;
  const shift = placement.anchor === 'middle' ? advance / 2 : placement.anchor === 'end' ? advance : 0;
  let penX = placement.x - shift;
  const contours: Contour[] = [];
  run.glyphs.forEach((glyph, index) => {
    const position = run.positions[index];
    const originX = penX + (position?.xOffset ?? 0) * scale;
    const originY = placement.y - (position?.yOffset ?? 0) * scale;
    const toPixels = (x: number, y: number): Point => [originX + x * scale, originY - y * scale];
    contours.push(...pathContours(glyph.path.commands, toPixels));
    penX += (position?.xAdvance ?? 0) * scale;
  });
  return contours;
}

/** A glyph's path commands as polygons, curves flattened into short lines. */
function pathContours(commands: readonly PathCommand[], toPixels: (x: number, y: number) => Point): Contour[] {
  const contours: Contour[] = [];
  let current: Point[] = [];
  let pen: readonly [number, number] = [0, 0];
  const close = (): void => {
    if (current.length > 2) contours.push(current);
    current = [];
  };
  for (const { command, args } of commands) {
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = args;
    if (command === 'moveTo') {
      close();
      pen = [a, b];
      current.push(toPixels(a, b));
    } else if (command === 'lineTo') {
      pen = [a, b];
      current.push(toPixels(a, b));
    } else if (command === 'quadraticCurveTo' || command === 'bezierCurveTo') {
      const [x0, y0] = pen;
      for (let step = 1; step <= CURVE_STEPS; step++) {
        const t = step / CURVE_STEPS;
        const u = 1 - t;
        const point: [number, number] =
          command === 'quadraticCurveTo'
            ? [u * u * x0 + 2 * u * t * a + t * t * c, u * u * y0 + 2 * u * t * b + t * t * d]
            : [
                u ** 3 * x0 + 3 * u * u * t * a + 3 * u * t * t * c + t ** 3 * e,
                u ** 3 * y0 + 3 * u * u * t * b + 3 * u * t * t * d + t ** 3 * f,
              ];
        current.push(toPixels(point[0], point[1]));
      }
      pen = command === 'quadraticCurveTo' ? [c, d] : [e, f];
    } else {
      close();
    }
  }
  close();
  return contours;
}
