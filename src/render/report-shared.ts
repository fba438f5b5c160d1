import type { Lang } from '../model/codebook.js';
import type { Conclusion, Saturation } from '../model/conclusion.js';
import { kindLabel } from '../i18n/labels.js';
import { tr, verdictLabel } from '../i18n/report.js';

/** A counter for section numbers, so inserting a section renumbers the rest. */
export function sectionNumbers(): () => number {
  let n = 0;
  return () => ++n;
}

/**
 * The saturation chart as text: one bar per source, the cumulative count of codes, with the
 * codes new at that source drawn in a lighter block so the flattening is visible.
 */
export function saturationBars(s: Saturation, width = 40): string[] {
  const max = Math.max(1, s.totalCodes);
  const idWidth = Math.min(36, Math.max(...s.steps.map((x) => x.sourceId.length), 6));
  return s.steps.map((x) => {
    const total = Math.round((x.cumulative / max) * width);
    const fresh = Math.min(total, Math.round((x.newCodes.length / max) * width));
    const bar = '█'.repeat(total - fresh) + '▒'.repeat(fresh);
    const id = x.sourceId.length > idWidth ? x.sourceId.slice(0, idWidth - 1) + '…' : x.sourceId.padEnd(idWidth);
    return `${String(x.order).padStart(3)} ${id} ${bar.padEnd(width)} ${String(x.cumulative).padStart(3)} (+${x.newCodes.length})`;
  });
}

/** The saturation table, one row per source in reading order, for report.md and report.html alike. */
export function saturationTable(s: Saturation, L: Lang): { header: string[]; rows: string[][] } {
  return {
    header: [tr(L, 'order'), tr(L, 'source'), tr(L, 'date'), tr(L, 'kind'), tr(L, 'codings'), tr(L, 'newCodes'), tr(L, 'cumulative')],
    rows: s.steps.map((x) => [
      String(x.order),
      x.sourceId,
      x.date ?? '',
      kindLabel(x.kind, L),
      String(x.codings),
      x.newCodes.length ? `${x.newCodes.length}: ${x.newCodes.join(', ')}` : '0',
      String(x.cumulative),
    ]),
  };
}

/** A parent code's subcodes with their valence counts, informants and verdicts, for report.md and report.html alike. */
export function subcodeTable(subs: readonly Conclusion[], label: (code: string) => string, L: Lang): { header: string[]; rows: string[][] } {
  return {
    header: [tr(L, 'subcodes'), '+', '−', '·', tr(L, 'informantCount'), tr(L, 'verdict')],
    rows: subs.map((s) => [
      label(s.code),
      String(s.counts.positive),
      String(s.counts.negative),
      String(s.counts.neutral),
      String(s.informants),
      verdictLabel(s.verdict, L),
    ]),
  };
}
