/**
 * An sRGB IEC 61966-2.1 colour profile (ICC version 2, display class), built here from the
 * standard's published numbers rather than copied from a profile file: the red, green and blue
 * chromaticities and the D65 white point, adapted to the ICC's D50 connection space with the
 * Bradford transform, and the sRGB transfer curve sampled at 1024 points.
 *
 * PDF/A needs it as the destination profile of the document's output intent: it says what the
 * DeviceRGB colours pdfmake writes mean, so a viewer in twenty years shows the same colours.
 */

type Xyz = readonly [number, number, number];
type Matrix = readonly [Xyz, Xyz, Xyz];

/** The name the profile and the output intent carry. */
export const SRGB_PROFILE_NAME = 'sRGB IEC61966-2.1';

const PRIMARIES = { red: [0.64, 0.33], green: [0.3, 0.6], blue: [0.15, 0.06] } as const;
const D65_WHITE: Xyz = fromChromaticity(0.3127, 0.329);
/** The ICC profile connection space illuminant, as the ICC specification rounds it. */
const D50_WHITE: Xyz = [0.9642, 1, 0.8249];
const BRADFORD: Matrix = [
  [0.8951, 0.2664, -0.1614],
  [-0.7502, 1.7135, 0.0367],
  [0.0389, -0.0685, 1.0296],
];
const CURVE_POINTS = 1024;
/** A fixed creation date keeps the bytes the same on every run. */
const CREATED = [2026, 1, 1, 0, 0, 0] as const;

let cached: Uint8Array | undefined;

/** The profile's bytes (the same array on every call: do not modify it). */
export function srgbProfile(): Uint8Array {
  cached ??= buildProfile();
  return cached;
}

/** The sRGB transfer function: an encoded value in 0..1 to linear light. */
export function srgbToLinear(encoded: number): number {
  return encoded <= 0.04045 ? encoded / 12.92 : ((encoded + 0.055) / 1.055) ** 2.4;
}

/** The red, green and blue colorants in the D50 connection space (the profile's rXYZ, gXYZ, bXYZ). */
export function srgbColorantsD50(): { red: Xyz; green: Xyz; blue: Xyz } {
  const toD50 = adaptation(D65_WHITE, D50_WHITE);
  const [red, green, blue] = primariesToXyz();
  return { red: apply(toD50, red), green: apply(toD50, green), blue: apply(toD50, blue) };
}

function buildProfile(): Uint8Array {
  const { red, green, blue } = srgbColorantsD50();
  const curve = curveTag();
  const tags: [string, Uint8Array][] = [
    ['desc', descriptionTag(SRGB_PROFILE_NAME)],
    ['cprt', textTag('No copyright. Built by goldthread from the published sRGB parameters.')],
    ['wtpt', xyzTag(D50_WHITE)],
    ['rXYZ', xyzTag(red)],
    ['gXYZ', xyzTag(green)],
    ['bXYZ', xyzTag(blue)],
    ['rTRC', curve],
    ['gTRC', curve],
    ['bTRC', curve],
  ];

  // The three TRC tags point at one shared curve, which the ICC specification allows.
  const tableSize = 4 + tags.length * 12;
  const offsets = new Map<Uint8Array, number>();
  let end = 128 + tableSize;
  for (const [, data] of tags) {
    if (offsets.has(data)) continue;
    offsets.set(data, end);
    end = align4(end + data.length);
  }

  const bytes = new Uint8Array(end);
  const view = new DataView(bytes.buffer);
  writeHeader(view, end);
  view.setUint32(128, tags.length);
  tags.forEach(([signature, data], index) => {
    const entry = 132 + index * 12;
    writeAscii(bytes, entry, signature);
    view.setUint32(entry + 4, offsets.get(data) as number);
    view.setUint32(entry + 8, data.length);
  });
  for (const [data, offset] of offsets) bytes.set(data, offset);
  return bytes;
}

function writeHeader(view: DataView, size: number): void {
  const bytes = new Uint8Array(view.buffer);
  view.setUint32(0, size);
  view.setUint32(8, 0x02100000); // version 2.1
  writeAscii(bytes, 12, 'mntr');
  writeAscii(bytes, 16, 'RGB ');
  writeAscii(bytes, 20, 'XYZ ');
  CREATED.forEach((part, i) => view.setUint16(24 + i * 2, part));
  writeAscii(bytes, 36, 'acsp');
  view.setUint32(64, 0); // perceptual rendering intent
  D50_WHITE.forEach((v, i) => view.setInt32(68 + i * 4, s15Fixed16(v)));
}

/** textDescriptionType (ICC v2): the ASCII name, no Unicode or ScriptCode variant. */
function descriptionTag(text: string): Uint8Array {
  const ascii = text.length + 1;
  const bytes = new Uint8Array(12 + ascii + 8 + 3 + 67);
  const view = new DataView(bytes.buffer);
  writeAscii(bytes, 0, 'desc');
  view.setUint32(8, ascii);
  writeAscii(bytes, 12, text);
  return bytes;
}

function textTag(text: string): Uint8Array {
  const bytes = new Uint8Array(8 + text.length + 1);
  writeAscii(bytes, 0, 'text');
  writeAscii(bytes, 8, text);
  return bytes;
}

function xyzTag(xyz: Xyz): Uint8Array {
  const bytes = new Uint8Array(20);
  const view = new DataView(bytes.buffer);
  writeAscii(bytes, 0, 'XYZ ');
  xyz.forEach((v, i) => view.setInt32(8 + i * 4, s15Fixed16(v)));
  return bytes;
}

function curveTag(): Uint8Array {
  const bytes = new Uint8Array(12 + CURVE_POINTS * 2);
  const view = new DataView(bytes.buffer);
  writeAscii(bytes, 0, 'curv');
  view.setUint32(8, CURVE_POINTS);
  for (let i = 0; i < CURVE_POINTS; i++) {
    view.setUint16(12 + i * 2, Math.round(srgbToLinear(i / (CURVE_POINTS - 1)) * 0xffff));
  }
  return bytes;
}

/** The RGB-to-XYZ columns (D65) whose sum is the white point, from the primaries' chromaticities. */
function primariesToXyz(): [Xyz, Xyz, Xyz] {
  const [r, g, b] = [PRIMARIES.red, PRIMARIES.green, PRIMARIES.blue].map(([x, y]) => fromChromaticity(x, y)) as [
    Xyz,
    Xyz,
    Xyz,
  ];
  const byRow: Matrix = [
    [r[0], g[0], b[0]],
    [r[1], g[1], b[1]],
    [r[2], g[2], b[2]],
  ];
  const [sr, sg, sb] = apply(invert(byRow), D65_WHITE);
  return [scaled(r, sr), scaled(g, sg), scaled(b, sb)];
}

function scaled([x, y, z]: Xyz, factor: number): Xyz {
  return [x * factor, y * factor, z * factor];
}

/** Bradford chromatic adaptation from one white to another. */
function adaptation(from: Xyz, to: Xyz): Matrix {
  const coneFrom = apply(BRADFORD, from);
  const coneTo = apply(BRADFORD, to);
  const scale: Matrix = [
    [coneTo[0] / coneFrom[0], 0, 0],
    [0, coneTo[1] / coneFrom[1], 0],
    [0, 0, coneTo[2] / coneFrom[2]],
  ];
  return multiply(invert(BRADFORD), multiply(scale, BRADFORD));
}

function fromChromaticity(x: number, y: number): Xyz {
  return [x / y, 1, (1 - x - y) / y];
}

function apply(m: Matrix, v: Xyz): Xyz {
  const row = (r: Xyz) => r[0] * v[0] + r[1] * v[1] + r[2] * v[2];
  return [row(m[0]), row(m[1]), row(m[2])];
}

function multiply(a: Matrix, b: Matrix): Matrix {
  const column = (c: 0 | 1 | 2): Xyz => [b[0][c], b[1][c], b[2][c]];
  const columns = [apply(a, column(0)), apply(a, column(1)), apply(a, column(2))];
  return [0, 1, 2].map((r) => [columns[0][r], columns[1][r], columns[2][r]]) as unknown as Matrix;
}

function invert(m: Matrix): Matrix {
  const [[a, b, c], [d, e, f], [g, h, i]] = m;
  const det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  return [
    [(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det],
    [(f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det],
    [(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det],
  ];
}

function s15Fixed16(value: number): number {
  return Math.round(value * 0x10000);
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

function writeAscii(bytes: Uint8Array, offset: number, text: string): void {
  for (let i = 0; i < text.length; i++) bytes[offset + i] = text.charCodeAt(i);
}
