import { describe, expect, it } from 'vitest';
import { SRGB_PROFILE_NAME, srgbColorantsD50, srgbProfile, srgbToLinear } from '../../src/sign/srgb-profile.js';

const profile = Buffer.from(srgbProfile());
const ascii = (offset: number, length = 4) => profile.toString('latin1', offset, offset + length);
const s15 = (offset: number) => profile.readInt32BE(offset) / 65536;

function tags(): Map<string, { offset: number; size: number }> {
  const found = new Map<string, { offset: number; size: number }>();
  const count = profile.readUInt32BE(128);
  for (let i = 0; i < count; i++) {
    const entry = 132 + i * 12;
    found.set(ascii(entry), { offset: profile.readUInt32BE(entry + 4), size: profile.readUInt32BE(entry + 8) });
  }
  return found;
}

describe('the sRGB output profile', () => {
  it('has an ICC v2 display-profile header whose size is the file size', () => {
    expect(profile.readUInt32BE(0)).toBe(profile.length);
    expect(profile.readUInt32BE(8)).toBe(0x02100000);
    expect([ascii(12), ascii(16), ascii(20), ascii(36)]).toEqual(['mntr', 'RGB ', 'XYZ ', 'acsp']);
    // The connection space illuminant is D50.
    expect([s15(68), s15(72), s15(76)].map((v) => v.toFixed(4))).toEqual(['0.9642', '1.0000', '0.8249']);
  });

  it('has every tag a v2 RGB display profile needs, each inside the file and 4-byte aligned', () => {
    const table = tags();
    expect([...table.keys()].sort()).toEqual(['bTRC', 'bXYZ', 'cprt', 'desc', 'gTRC', 'gXYZ', 'rTRC', 'rXYZ', 'wtpt']);
    for (const { offset, size } of table.values()) {
      expect(offset % 4).toBe(0);
      expect(offset + size).toBeLessThanOrEqual(profile.length);
    }
    const desc = table.get('desc') as { offset: number };
    expect(ascii(desc.offset)).toBe('desc');
    expect(ascii(desc.offset + 12, SRGB_PROFILE_NAME.length)).toBe(SRGB_PROFILE_NAME);
  });

  it('gives the colorants of sRGB adapted to D50, as the standard publishes them', () => {
    const table = tags();
    const xyz = (tag: string) => {
      const { offset } = table.get(tag) as { offset: number };
      expect(ascii(offset)).toBe('XYZ ');
      return [s15(offset + 8), s15(offset + 12), s15(offset + 16)];
    };
    // Published D50 (Bradford) colorants of sRGB, to four places.
    const published = {
      rXYZ: [0.4361, 0.2225, 0.0139],
      gXYZ: [0.3851, 0.7169, 0.0971],
      bXYZ: [0.1431, 0.0606, 0.7139],
    };
    for (const [tag, expected] of Object.entries(published)) {
      xyz(tag).forEach((value, i) => expect(value).toBeCloseTo(expected[i] as number, 3));
    }
    // Red + green + blue at full strength is the white of the connection space.
    const { red, green, blue } = srgbColorantsD50();
    [0.9642, 1, 0.8249].forEach((white, i) => expect(red[i]! + green[i]! + blue[i]!).toBeCloseTo(white, 4));
  });

  it('samples the sRGB transfer curve: linear toe, 2.4 power above it, one curve shared by all channels', () => {
    const table = tags();
    const curve = table.get('rTRC') as { offset: number };
    expect(table.get('gTRC')).toEqual(curve);
    expect(table.get('bTRC')).toEqual(curve);
    expect(ascii(curve.offset)).toBe('curv');
    const points = profile.readUInt32BE(curve.offset + 8);
    const at = (i: number) => profile.readUInt16BE(curve.offset + 12 + i * 2) / 65535;
    expect(at(0)).toBe(0);
    expect(at(points - 1)).toBe(1);
    for (let i = 1; i < points; i++) expect(at(i)).toBeGreaterThanOrEqual(at(i - 1));
    expect(srgbToLinear(0.04)).toBeCloseTo(0.04 / 12.92, 9);
    expect(srgbToLinear(0.5)).toBeCloseTo(0.214, 3);
    expect(at(Math.round((points - 1) / 2))).toBeCloseTo(srgbToLinear(Math.round((points - 1) / 2) / (points - 1)), 4);
  });

  it('is the same bytes every time', () => {
    expect(Buffer.from(srgbProfile()).equals(profile)).toBe(true);
  });
});
