import type { Diagnostics } from '../util/diagnostics.js';
import { didYouMean } from '../util/did-you-mean.js';
import { anchorQuote } from './anchor.js';
import { segmentNumber } from '../segment/ids.js';
import { readCsvTable } from '../util/csv-table.js';
import { segmentByQuote, type SegmentIndex } from './lookup.js';

/**
 * `<study>/codings/review.csv`: a researcher's verdict on automatic codings, columns
 * `segment,code,decision,note`. `reject` drops the auto coding of that code (or of its
 * sub-codes, when a parent is named) in that segment on every run; `accept` keeps it as
 * confirmed, even where manual codings would otherwise replace it. The tool never writes
 * this file.
 */

export type ReviewVerdict = 'accept' | 'reject';

export interface ReviewDecision {
  /** The segment id as written, or where `quote` was found again after an edit. */
  segment: string;
  code: string;
  decision: ReviewVerdict;
  note: string;
  file: string;
  line: number;
  /** The coding's quote (optional column): lets the decision follow its words when ids shift. */
  quote?: string;
  /** Set when the quote is nowhere in the source any more: the decision is reported, not applied. */
  unplaced?: boolean;
}

export function parseReview(text: string, file: string, diags: Diagnostics): ReviewDecision[] {
  const table = readCsvTable(text, file, diags, 'review/csv-syntax');
  if (!table) return [];
  const missing = ['segment', 'code', 'decision'].filter((c) => !table.header.includes(c));
  if (missing.length > 0) {
    diags.error(
      'review/missing-column',
      `missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}; the review file was not used`,
      { file, line: 1 },
      'the header must be: segment,code,decision,note',
    );
    return [];
  }
  const out: ReviewDecision[] = [];
  for (const { line, values } of table.rows) {
    const segment = (values['segment'] ?? '').trim();
    const code = (values['code'] ?? '').trim();
    const decision = (values['decision'] ?? '').trim().toLowerCase();
    if (segment === '' || code === '') {
      diags.error('review/missing-value', 'row needs both a segment and a code', { file, line });
      continue;
    }
    if (decision !== 'accept' && decision !== 'reject') {
      diags.error(
        'review/bad-decision',
        `decision "${values['decision'] ?? ''}" is neither accept nor reject`,
        { file, line },
        'write reject to drop the automatic coding, accept to confirm it',
      );
      continue;
    }
    const d: ReviewDecision = { segment, code, decision, note: (values['note'] ?? '').trim(), file, line };
    const quote = values['quote'] ?? '';
    if (quote.trim() !== '') d.quote = quote;
    out.push(d);
  }
  return out;
}

/**
 * Places each decision in the current transcripts and reports the ones that no longer fit.
 * A decision with a quote follows it: when the named segment no longer holds the quote (a turn
 * was inserted, ids shifted), it moves to the segment of the same source that does; when the
 * quote is gone it is marked `unplaced`, so it never rejects or accepts the wrong coding.
 * Decisions about segments or codes that do not exist are warnings.
 */
export function checkReview(decisions: readonly ReviewDecision[], segments: SegmentIndex, codes: ReadonlySet<string>, diags: Diagnostics): void {
  for (const d of decisions) {
    const where = { file: d.file, line: d.line };
    if (d.quote !== undefined && !placeByQuote(d, segments, diags)) continue;
    if (!segments.get(d.segment)) {
      diags.warn(
        'review/unknown-segment',
        `no segment "${d.segment}"; this decision has no effect`,
        where,
        'segment ids change when a transcript is edited; add the quote column (from out/codings.csv) so decisions follow their words',
      );
    } else if (!codes.has(d.code)) {
      diags.warn(
        'review/unknown-code',
        `unknown code "${d.code}"; this decision has no effect`,
        where,
        didYouMean(d.code, codes, 'see `qia codebook show` for the code ids'),
      );
    }
  }
}

/** False when the decision cannot be placed (and was reported and marked so). */
function placeByQuote(d: ReviewDecision, segments: SegmentIndex, diags: Diagnostics): boolean {
  const quote = d.quote!;
  const named = segments.get(d.segment);
  if (named && anchorQuote(named.text, { quote })) return true;
  const sourceId = named?.sourceId ?? d.segment.slice(0, d.segment.lastIndexOf(':'));
  const best = segmentByQuote(segments.ofSource(sourceId), { quote }, named?.n ?? segmentNumber(d.segment));
  const where = { file: d.file, line: d.line };
  if (!best) {
    d.unplaced = true;
    diags.warn(
      'review/unanchored',
      `the quote of this decision is not in ${sourceId} any more; it was not applied: "${clip(quote)}"`,
      where,
      'the transcript was edited: judge the coding again and update or remove this row',
    );
    return false;
  }
  diags.info(
    'review/moved',
    `quote is no longer in ${d.segment}; the decision now applies to ${best.id}`,
    where,
    'the transcript was edited; update the segment column when convenient',
  );
  d.segment = best.id;
  return true;
}

function clip(s: string, n = 60): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}
