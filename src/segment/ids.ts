/** Segment number from an id `<sourceId>:<n>` (0 when the id has no number). */
export function segmentNumber(id: string): number {
  const n = Number(id.slice(id.lastIndexOf(':') + 1));
  return Number.isFinite(n) ? n : 0;
}
