import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../../src/compose/tree.js';
import { chartLabels, chartToSvg, labelledPoints } from '../../../src/render/chart-svg.js';

const size = { width: 504, height: 190 };

const phq9: ChartSpec = {
  title: 'PHQ-9 over the episode',
  instrument: 'PHQ-9',
  min: 0,
  max: 27,
  bands: [
    { from: 0, to: 4, label: 'Minimal' },
    { from: 5, to: 9, label: 'Mild' },
    { from: 10, to: 14, label: 'Moderate' },
    { from: 15, to: 19, label: 'Moderately severe' },
    { from: 20, to: 27, label: 'Severe' },
  ],
  points: [
    { date: '2026-09-02', value: 18 },
    { date: '2026-09-30', value: 15 },
    { date: '2026-10-28', value: 11 },
  ],
  target: 9,
};

const count = (svg: string, pattern: RegExp): number => svg.match(pattern)?.length ?? 0;
const attr = (element: string, name: string): number => Number(new RegExp(`${name}="([-0-9.]+)"`).exec(element)?.[1]);

describe('chartToSvg', () => {
  it('is a standalone SVG of the requested size, the same every time', () => {
    const svg = chartToSvg(phq9, size);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="504" height="190"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(chartToSvg(phq9, size)).toBe(svg);
  });

  it('shades one band per severity range, without gaps between integer ranges', () => {
    const rects = chartToSvg(phq9, size).match(/<rect [^>]*>/g) ?? [];
    expect(rects).toHaveLength(5);
    // Drawn low to high: each band's top edge is the next band's bottom edge.
    for (let i = 0; i + 1 < rects.length; i++) {
      const lower = rects[i] as string;
      const upper = rects[i + 1] as string;
      expect(attr(upper, 'y') + attr(upper, 'height')).toBeCloseTo(attr(lower, 'y'), 1);
    }
    expect(new Set(rects.map((r) => /fill="([^"]+)"/.exec(r)?.[1])).size).toBe(5);
  });

  it('draws the scores as a line with a marker and a value label per point', () => {
    const svg = chartToSvg(phq9, size);
    expect(count(svg, /<path d="M/g)).toBe(1);
    expect(count(svg, /<circle /g)).toBe(3);
    for (const value of ['18', '15', '11']) expect(svg).toContain(`>${value}</text>`);
    for (const date of ['2026-09-02', '2026-09-30', '2026-10-28']) expect(svg).toContain(`>${date}</text>`);
  });

  it('draws a dashed target line only when there is a target', () => {
    expect(chartToSvg(phq9, size)).toMatch(/<line [^>]*stroke-dasharray="4 3"/);
    expect(chartToSvg(phq9, size)).toContain('>Target 9</text>');
    const { target: _omitted, ...withoutTarget } = phq9;
    expect(chartToSvg(withoutTarget, size)).not.toContain('stroke-dasharray');
  });

  it('escapes every text it writes', () => {
    const hostile: ChartSpec = {
      ...phq9,
      title: '<script>alert("x")</script> & co',
      instrument: 'Q&A <b>',
      bands: [{ from: 0, to: 27, label: `O'Brien "scale" <i>` }],
    };
    const svg = chartToSvg(hostile, size);
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('<i>');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
    expect(svg).toContain('Q&amp;A &lt;b&gt; score');
    expect(svg).toContain('O&apos;Brien &quot;scale&quot; &lt;i&gt;');
  });

  it('keeps scores outside the range inside the plot and says so when there are none', () => {
    const wild = {
      ...phq9,
      points: [
        { date: '2026-09-02', value: 99 },
        { date: '2026-09-09', value: -5 },
      ],
    };
    for (const circle of chartToSvg(wild, size).match(/<circle [^>]*>/g) ?? []) {
      expect(attr(circle, 'cy')).toBeGreaterThanOrEqual(0);
      expect(attr(circle, 'cy')).toBeLessThanOrEqual(size.height);
    }
    expect(chartToSvg({ ...phq9, points: [] }, size)).toContain('>No scores recorded</text>');
  });

  it('orders points by date whatever order they come in', () => {
    const shuffled = { ...phq9, points: [...phq9.points].reverse() };
    expect(chartToSvg(shuffled, size)).toBe(chartToSvg(phq9, size));
  });

  it('leaves the labels out on request and gives them as data instead', () => {
    const bare = chartToSvg(phq9, { ...size, labels: false });
    expect(bare).not.toContain('<text');
    const labels = chartLabels(phq9, size);
    expect(labels.length).toBe(count(chartToSvg(phq9, size), /<text /g));
    expect(labels).toContainEqual(expect.objectContaining({ text: 'Moderately severe', anchor: 'start' }));
    expect(labels).toContainEqual(expect.objectContaining({ text: 'Target 9', bold: true }));
  });
});

describe('date labels', () => {
  it('never overlap, and always include the first and last dates', () => {
    const xOf = (day: number) => day * 2;
    const points = [0, 3, 7, 30, 35, 60, 62].map((day) => ({ day }));
    const kept = labelledPoints(points, xOf, 48);
    expect(kept[0]).toBe(points[0]);
    expect(kept.at(-1)).toBe(points.at(-1));
    for (let i = 1; i < kept.length; i++) expect(xOf(kept[i]!.day) - xOf(kept[i - 1]!.day)).toBeGreaterThanOrEqual(48);
    expect(kept.map((p) => p.day)).toEqual([0, 30, 62]);
    // Two points a day apart: only the later date is labelled.
    expect(labelledPoints([{ day: 0 }, { day: 1 }], xOf, 48).map((p) => p.day)).toEqual([1]);
  });
});
