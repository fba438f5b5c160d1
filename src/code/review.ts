import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostics } from '../util/diagnostics.js';
import { readCsvTable } from './csv-table.js';
import type { SegmentIndex } from './lookup.js';
import { REVIEW_FILE } from './manual-csv.js';

/**
 * `<study>/codings/review.csv`: a researcher's verdict on automatic codings, columns
 * `segment,code,decision,note`. `reject` drops the auto coding of that code (or of its
 * sub-codes, when a parent is named) in that segment on every run; `accept` keeps it as
 * confirmed, even where manual codings would otherwise replace it. The tool never writes
 * this file.
 */

export type Decision = 'accept' | 'reject';

export interface ReviewDecision {
  segment: string;
  code: string;
  decision: Decision;
  note: string;
  file: string;
  line: number;
}

export function parseReview(text: string, file: string, diags: Diagnostics): ReviewDecision[] {
  const table = readCsvTable(text, file, diags, 'review/csv-syntax');
  if (!table) return [];
  const missing = ['segment', 'code', 'decision'].filter((c) => !table.header.includes(c));
  if (missing.length > 0) {
    diags.error('review/missing-column', `missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}; the review file was not used`, { file, line: 1 }, 'the header must be: segment,code,decision,note');
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
      diags.error('review/bad-decision', `decision "${values['decision'] ?? ''}" is neither accept nor reject`, { file, line }, 'write reject to drop the automatic coding, accept to confirm it');
      continue;
    }
    out.push({ segment, code, decision, note: (values['note'] ?? '').trim(), file, line });
  }
  return out;
}

export async function readReview(root: string, diags: Diagnostics, display: (abs: string) => string = (p) => p): Promise<ReviewDecision[]> {
  const abs = join(root, 'codings', REVIEW_FILE);
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch {
    return [];
  }
  return parseReview(text, display(abs), diags);
}

/** Decisions about segments or codes that do not exist are warnings: the transcript or codebook changed. */
export function checkReview(decisions: readonly ReviewDecision[], segments: SegmentIndex, codes: ReadonlySet<string>, diags: Diagnostics): void {
  for (const d of decisions) {
    if (!segments.get(d.segment)) {
      diags.warn('review/unknown-segment', `no segment "${d.segment}"; this decision has no effect`, { file: d.file, line: d.line }, 'segment ids change when a transcript is edited; look the coding up again with `qia code --format csv`');
    } else if (!codes.has(d.code)) {
      diags.warn('review/unknown-code', `unknown code "${d.code}"; this decision has no effect`, { file: d.file, line: d.line });
    }
  }
}
