import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chartToSvg } from '../../../src/render/chart-svg.js';
import { RasterCanvas } from '../../../src/render/docx/raster-canvas.js';
import { rasterizeSvg } from '../../../src/render/docx/svg-raster.js';

/** Decodes the PNGs `encodePng` writes (truecolor, filter 0) into a pixel reader. */
function decode(png: Buffer): { width: number; height: number; at: (x: number, y: number) => string } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idat = png.indexOf('IDAT', 0, 'latin1');
  const raw = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
  const at = (x: number, y: number): string => {
    const offset = y * (width * 3 + 1) + 1 + x * 3;
    return [...raw.subarray(offset, offset + 3)].map((v) => v.toString(16).padStart(2, '0')).join('');
  };
  return { width, height, at };
}

const svg = (body: string): string => `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">${body}</svg>`;

describe('rasterizeSvg', () => {
  it('fills a rectangle exactly, with partial cover at fractional edges', () => {
    const image = decode(rasterizeSvg(svg('<rect x="2" y="2" width="4.5" height="3" fill="#000000"/>'), 1));
    expect(image.width).toBe(10);
    expect(image.height).toBe(10);
    expect(image.at(2, 2)).toBe('000000');
    expect(image.at(5, 4)).toBe('000000');
    expect(image.at(6, 3)).toBe('808080'); // half covered
    expect(image.at(7, 3)).toBe('ffffff');
    expect(image.at(3, 5)).toBe('ffffff');
  });

  it('scales the drawing and draws strokes, circles with a hole, and dashes', () => {
    const image = decode(
      rasterizeSvg(
        svg(
          '<line x1="0" y1="1" x2="10" y2="1" stroke="#FF0000" stroke-width="1" stroke-dasharray="2 2"/>' +
            '<circle cx="5" cy="6" r="2.5" fill="#FFFFFF" stroke="#0000FF" stroke-width="1"/>',
        ),
        4,
      ),
    );
    expect(image.width).toBe(40);
    expect(image.at(2, 4)).toBe('ff0000'); // in the first dash
    expect(image.at(12, 4)).toBe('ffffff'); // in the first gap
    expect(image.at(20, 24)).toBe('ffffff'); // centre of the ring
    expect(image.at(20, 14)).toBe('0000ff'); // top of the ring
  });

  it('draws labels where their anchor puts them', () => {
    const start = decode(rasterizeSvg(svg('<text x="1" y="8" font-size="8" fill="#000000">W</text>'), 4));
    const end = decode(
      rasterizeSvg(svg('<text x="9" y="8" font-size="8" fill="#000000" text-anchor="end">W</text>'), 4),
    );
    const inked = (image: ReturnType<typeof decode>, from: number, to: number): boolean => {
      for (let x = from; x < to; x++) for (let y = 0; y < 40; y++) if (image.at(x, y) !== 'ffffff') return true;
      return false;
    };
    expect(inked(start, 0, 4)).toBe(false);
    expect(inked(start, 4, 20)).toBe(true);
    expect(inked(end, 20, 36)).toBe(true);
    expect(inked(end, 37, 40)).toBe(false);
  });

  it('paints a chart: bands, series line and target, the same bytes every time', () => {
    const chart = {
      title: 'PHQ-9',
      instrument: 'PHQ-9',
      min: 0,
      max: 27,
      bands: [{ from: 0, to: 27, label: 'All' }],
      points: [
        { date: '2026-01-01', value: 20 },
        { date: '2026-02-01', value: 20 },
      ],
      target: 5,
    };
    const drawing = chartToSvg(chart, { width: 300, height: 150 });
    const png = rasterizeSvg(drawing, 2);
    expect(rasterizeSvg(drawing, 2).equals(png)).toBe(true);
    const image = decode(png);
    expect(image.width).toBe(600);
    const colors = new Set<string>();
    for (let x = 0; x < image.width; x += 2) for (let y = 0; y < image.height; y += 2) colors.add(image.at(x, y));
    expect(colors).toContain('eaf3ec'); // the band's tint
    expect(colors).toContain('1f4e79'); // the series line
    expect(colors).toContain('2e7d4f'); // the target line
  });
});

describe('RasterCanvas', () => {
  it('fills overlapping contours of the same orientation as their union', () => {
    const canvas = new RasterCanvas(6, 2);
    const square = (x: number): [number, number][] => [
      [x, 0],
      [x + 4, 0],
      [x + 4, 2],
      [x, 2],
    ];
    canvas.fill([square(0), square(2)], [0, 0, 0]);
    expect([...canvas.pixels.subarray(0, 18)].every((value) => value === 0)).toBe(true);
  });
});
