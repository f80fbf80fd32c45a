/**
 * A small anti-aliased RGB canvas that fills polygons, for the PNG copy of a chart.
 *
 * Coverage is computed exactly per pixel by accumulating the signed area each edge leaves to its
 * right, then summing along each row. Contours of the same orientation add up (their union is
 * filled); a contour of opposite orientation cuts a hole. Pure arithmetic: the same shapes always
 * give the same pixels.
 */

/** A point in pixels, y pointing down. */
export type Point = readonly [number, number];
/** A closed polygon. */
export type Contour = readonly Point[];
/** A color as red, green, blue from 0 to 255. */
export type Rgb = readonly [number, number, number];

/** An RGB canvas with a white background. */
export class RasterCanvas {
  /** Row-major RGB bytes. */
  readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height * 3).fill(255);
  }

  /** Fills the contours (closed polygons) with a color. */
  fill(contours: readonly Contour[], color: Rgb): void {
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const contour of contours) {
      for (const [x, y] of contour) {
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
    }
    const originX = Math.floor(minX);
    const originY = Math.max(0, Math.floor(minY));
    const rows = Math.min(this.height, Math.ceil(maxY)) - originY;
    if (rows <= 0 || !Number.isFinite(originX) || !Number.isFinite(maxX)) return;
    const stride = Math.ceil(maxX) - originX + 2;
    const area = new Float64Array(stride * rows);
    for (const contour of contours) {
      for (let index = 0; index < contour.length; index++) {
        const [fromX, fromY] = contour[index] as Point;
        const [toX, toY] = contour[(index + 1) % contour.length] as Point;
        accumulateEdge(area, stride, rows, fromX - originX, fromY - originY, toX - originX, toY - originY);
      }
    }
    this.composite(area, stride, rows, originX, originY, color);
  }

  private composite(
    area: Float64Array,
    stride: number,
    rows: number,
    originX: number,
    originY: number,
    color: Rgb,
  ): void {
    const [red, green, blue] = color;
    const pixels = this.pixels;
    const firstColumn = Math.max(0, -originX);
    const lastColumn = Math.min(stride, this.width - originX);
    for (let row = 0; row < rows; row++) {
      let sum = 0;
      for (let column = 0; column < firstColumn; column++) sum += area[row * stride + column] as number;
      for (let column = firstColumn; column < lastColumn; column++) {
        sum += area[row * stride + column] as number;
        const coverage = sum < 0 ? Math.min(1, -sum) : Math.min(1, sum);
        if (coverage < 1 / 512) continue;
        const at = ((originY + row) * this.width + originX + column) * 3;
        pixels[at] = blend(pixels[at] as number, red, coverage);
        pixels[at + 1] = blend(pixels[at + 1] as number, green, coverage);
        pixels[at + 2] = blend(pixels[at + 2] as number, blue, coverage);
      }
    }
  }
}

/** A channel of `under` painted over with `over` at `coverage` (0 to 1). */
function blend(under: number, over: number, coverage: number): number {
  return Math.round(under + (over - under) * coverage);
}

/**
 * Adds the signed area an edge leaves to its right, row by row, into `area` (`rows` x `stride`).
 * Downward edges count positive, upward negative; x must be within [0, stride - 2].
 */
function accumulateEdge(
  area: Float64Array,
  stride: number,
  rows: number,
  fromX: number,
  fromY: number,
  toX: number,
  toY: number,
): void {
  if (fromY === toY) return;
  const direction = fromY < toY ? 1 : -1;
  const [x0, y0, x1, y1] = direction > 0 ? [fromX, fromY, toX, toY] : [toX, toY, fromX, fromY];
  const slope = (x1 - x0) / (y1 - y0);
  const top = Math.max(0, y0);
  const bottom = Math.min(rows, y1);
  let x = x0 + (top - y0) * slope;
  for (let row = Math.floor(top); row < bottom; row++) {
    const height = Math.min(row + 1, bottom) - Math.max(row, top);
    const nextX = x + slope * height;
    addRowSpan(area, row * stride, Math.min(x, nextX), Math.max(x, nextX), height * direction);
    x = nextX;
  }
}

/**
 * Spreads `delta` (the edge's signed height within one row) over the cells its horizontal extent
 * [left, right] crosses: each cell gets the share of the row's area that starts there.
 */
function addRowSpan(area: Float64Array, base: number, left: number, right: number, delta: number): void {
  const leftCell = Math.floor(left);
  const rightCell = Math.ceil(right);
  const first = base + leftCell;
  if (rightCell <= leftCell + 1) {
    // Within one cell: the part of the cell right of the edge's midpoint is covered.
    const middle = (left + right) / 2 - leftCell;
    area[first] = (area[first] as number) + delta * (1 - middle);
    area[first + 1] = (area[first + 1] as number) + delta * middle;
    return;
  }
  const last = base + rightCell;
  const perCell = 1 / (right - left);
  const firstShare = 0.5 * perCell * (1 - (left - leftCell)) ** 2;
  const lastShare = 0.5 * perCell * (right - rightCell + 1) ** 2;
  area[first] = (area[first] as number) + delta * firstShare;
  if (rightCell === leftCell + 2) {
    area[first + 1] = (area[first + 1] as number) + delta * (1 - firstShare - lastShare);
  } else {
    const secondShare = perCell * (1.5 - (left - leftCell));
    area[first + 1] = (area[first + 1] as number) + delta * (secondShare - firstShare);
    for (let cell = first + 2; cell < last - 1; cell++) area[cell] = (area[cell] as number) + delta * perCell;
    const beforeLast = secondShare + (rightCell - leftCell - 3) * perCell;
    area[last - 1] = (area[last - 1] as number) + delta * (1 - beforeLast - lastShare);
  }
  area[last] = (area[last] as number) + delta * lastShare;
}
