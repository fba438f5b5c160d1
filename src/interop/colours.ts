/**
 * Code colours for programs that show them (NVivo, ATLAS.ti, MAXQDA): each top-level code takes
 * the next colour of a fixed ten-colour palette of clearly distinct hues, in codebook order;
 * its sub-codes are lighter shades of it, lighter further down the list, so a family of codes
 * reads as one family. Only the codebook decides the colours, so they are the same on every
 * export.
 */

const PALETTE = ['#4E79A7', '#F28E2B', '#E15759', '#76B7B2', '#59A14F', '#EDC948', '#B07AA1', '#FF9DA7', '#9C755F', '#BAB0AC'];

export function topColour(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}

function hex2(n: number): string {
  return Math.round(n).toString(16).padStart(2, '0').toUpperCase();
}

/** Child `index` of `count` under a code coloured `parent`: mixed with white by 25–70 %. */
export function shade(parent: string, index: number, count: number): string {
  const t = 0.25 + (0.45 * index) / Math.max(count - 1, 1);
  const rgb = [1, 3, 5].map((i) => parseInt(parent.slice(i, i + 2), 16));
  return '#' + rgb.map((c) => hex2(c + (255 - c) * t)).join('');
}
