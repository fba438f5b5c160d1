import type { Valence } from '../model/codebook.js';
import { didYouMean } from '../util/did-you-mean.js';
import type { Coding } from '../model/coding.js';
import type { Segment } from '../model/segment.js';
import type { Source } from '../model/source.js';
import type { Span } from '../model/span.js';
import { Diagnostics } from '../util/diagnostics.js';
import { anchorQuote } from './anchor.js';
import { quoteContext, trimSpan } from './quote-context.js';
import { readCsvTable } from '../util/csv-table.js';
import type { SegmentIndex, SourceIndex } from './lookup.js';
import { parseValence } from './valence.js';

/**
 * Manual codings from `codings/<coder>.csv`, one file per coder, in the agreed format:
 * `source,segment,quote,code,valence,coder,memo` (+ optional `prefix,suffix`). The tool reads
 * these files and never writes to them. Every bad row is a diagnostic with file and line;
 * good rows load regardless.
 */

export interface ManualRow {
  file: string;
  line: number;
  source: string;
  segment: string;
  quote: string;
  prefix: string;
  suffix: string;
  code: string;
  valence: Valence;
  coder: string;
  memo: string;
}

export interface ResolveContext {
  sources: SourceIndex;
  segments: SegmentIndex;
  /** Known code ids of the codebook. */
  codes: ReadonlySet<string>;
}

const HINT_COLUMNS = 'the header must be: source,segment,quote,code,valence,coder,memo (prefix,suffix optional)';

/** Rows of one coder's CSV; syntax-level problems (columns, empty cells, valence) reported here. */
export function parseManualCsv(text: string, file: string, defaultCoder: string, diags: Diagnostics): ManualRow[] {
  const table = readCsvTable(text, file, diags, 'coding/csv-syntax');
  if (!table) {
    diags.warn('coding/empty-file', 'coding file has no header and no rows', { file, line: 1 }, HINT_COLUMNS);
    return [];
  }
  const has = new Set(table.header);
  const missing = ['source', 'code'].filter((c) => !has.has(c));
  if (!has.has('segment') && !has.has('quote')) missing.push('segment or quote');
  if (missing.length > 0) {
    diags.error(
      'coding/missing-column',
      `missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}; the file was not loaded`,
      { file, line: 1 },
      HINT_COLUMNS,
    );
    return [];
  }
  const rows: ManualRow[] = [];
  const width = table.header.length;
  for (const { line, values, fields } of table.rows) {
    const where = { file, line };
    if (fields < width && !table.header.slice(fields).every((h) => h === 'memo' || h === 'prefix' || h === 'suffix' || h === 'coder')) {
      diags.error(
        'coding/missing-column',
        `row has ${fields} field${fields === 1 ? '' : 's'}, the header has ${width}: missing ${table.header.slice(fields).join(', ')}`,
        where,
        'add the missing fields (empty ones still need their commas)',
      );
      continue;
    }
    if (fields > width) {
      // Usually a comma in an unquoted memo or quote: the row loads, but what was cut off is lost.
      diags.warn(
        'coding/extra-field',
        `row has ${fields} fields, the header has ${width}; the extra ones were ignored`,
        where,
        'put a memo or quote that contains commas in double quotes: "mudah, cepat"',
      );
    }
    const v = (k: string) => (values[k] ?? '').trim();
    const code = v('code');
    const source = v('source');
    const segment = v('segment');
    // A cell copied from codings.csv may carry the apostrophe that kept a spreadsheet from running it: readCsvTable takes it off.
    const quote = values['quote'] ?? '';
    if (code === '') {
      diags.error('coding/missing-value', 'row names no code', where, 'fill the code column with a codebook code id, e.g. relative_advantage.time_saving');
      continue;
    }
    if (segment === '' && quote.trim() === '') {
      diags.error(
        'coding/missing-value',
        'row has neither a segment nor a quote',
        where,
        'give the segment id (e.g. interviews/w01:3) or the exact text coded',
      );
      continue;
    }
    if (source === '' && !segment.includes(':')) {
      diags.error('coding/missing-value', 'row names no source', where, 'fill the source column with the source id, e.g. interviews/w01-kepala');
      continue;
    }
    const valence = parseValence(values['valence'] ?? '');
    if (valence === undefined) {
      diags.error(
        'coding/bad-valence',
        `valence "${v('valence')}" is not one of +, -, 0 (or +1, -1, 1)`,
        where,
        'use + for favourable, - for unfavourable, 0 for neutral',
      );
      continue;
    }
    rows.push({
      file,
      line,
      source,
      segment,
      quote,
      prefix: values['prefix'] ?? '',
      suffix: values['suffix'] ?? '',
      code,
      valence,
      coder: v('coder') || defaultCoder,
      memo: v('memo'),
    });
  }
  return rows;
}

/** Places rows in the current text of their sources: checks code, source and segment, re-anchors quotes. */
export function resolveManualRows(rows: readonly ManualRow[], ctx: ResolveContext, diags: Diagnostics): Coding[] {
  const out: Coding[] = [];
  for (const row of rows) {
    const c = resolveRow(row, ctx, diags);
    if (c) out.push(c);
  }
  return out;
}

/** Where a manual row lies: its source and, if it names one, its segment (or that the segment is gone). */
interface RowPlace {
  source: Source;
  segment: Segment | undefined;
  segmentMissing: boolean;
}

function resolveRow(row: ManualRow, ctx: ResolveContext, diags: Diagnostics): Coding | undefined {
  const where = { file: row.file, line: row.line };
  if (!ctx.codes.has(row.code)) {
    diags.error('coding/unknown-code', `unknown code "${row.code}"`, where, suggestCode(row.code, ctx.codes));
    return undefined;
  }
  const place = placeRow(row, ctx, diags, where);
  if (!place) return undefined;
  const span = spanOfRow(row, place, ctx, diags, where);
  if (!span) return undefined;
  const { source, segment } = place;
  const seg = segment && span.start >= segment.span.start && span.end <= segment.span.end ? segment : ctx.segments.locate(source.id, span);
  if (!seg) {
    diags.error('coding/unanchored', `quote in ${source.id} falls outside every segment`, where);
    return undefined;
  }
  const ctxText = quoteContext(source.text, span);
  const coding: Coding = {
    segmentId: seg.id,
    sourceId: source.id,
    code: row.code,
    valence: row.valence,
    coder: row.coder,
    origin: 'manual',
    status: 'manual',
    span,
    quote: ctxText.quote,
    prefix: ctxText.prefix,
    suffix: ctxText.suffix,
    matches: [],
    cues: [],
    score: 1,
    from: { file: row.file, line: row.line },
  };
  if (row.memo) coding.memo = row.memo;
  return coding;
}

function placeRow(row: ManualRow, ctx: ResolveContext, diags: Diagnostics, where: { file: string; line: number }): RowPlace | undefined {
  let source: Source | undefined = row.source ? ctx.sources.find(row.source) : undefined;
  if (row.source && !source) {
    diags.error(
      'coding/unknown-source',
      `no source "${row.source}" in this study`,
      where,
      'use the source id as `qia sources` lists it, e.g. interviews/w01-kepala',
    );
    return undefined;
  }

  let segment: Segment | undefined;
  let segmentMissing = false;
  if (row.segment) {
    segment = findSegment(row.segment, source, ctx);
    if (!segment) segmentMissing = true;
    else if (!source) source = ctx.sources.get(segment.sourceId);
    else if (segment.sourceId !== source.id) {
      diags.warn('coding/source-mismatch', `segment ${segment.id} is not in source ${source.id}; the segment's source was used`, where);
      source = ctx.sources.get(segment.sourceId);
    }
  }
  if (!source) {
    diags.error(
      'coding/unknown-source',
      `segment "${row.segment}" names no source of this study`,
      where,
      'use a segment id as `qia code --format csv` prints it, e.g. interviews/w01-kepala:3',
    );
    return undefined;
  }
  if (segmentMissing && row.quote.trim() === '') {
    diags.error(
      'coding/unknown-segment',
      `no segment "${row.segment}" in ${source.id}`,
      where,
      `${source.id} has ${ctx.segments.ofSource(source.id).length} segments; give the quote as well, so the coding can be found after edits`,
    );
    return undefined;
  }

  return { source, segment, segmentMissing };
}

/** The row's span in the current text: its segment's body, or its quote anchored again (with what moved said). */
function spanOfRow(row: ManualRow, place: RowPlace, ctx: ResolveContext, diags: Diagnostics, where: { file: string; line: number }): Span | undefined {
  const { source, segment, segmentMissing } = place;
  if (row.quote.trim() === '') return trimSpan(source.text, segment!.body);
  const anchor = anchorQuote(
    source.text,
    { quote: row.quote, prefix: row.prefix, suffix: row.suffix },
    segment ? { within: segment.span, hint: segment.span.start } : {},
  );
  if (!anchor) {
    diags.error(
      'coding/unanchored',
      `quote not found in ${source.id}: "${clip(row.quote)}"`,
      where,
      'the transcript may have been edited: correct the quote in this row to the current wording',
    );
    return undefined;
  }
  const span = anchor.span;
  if (segmentMissing) {
    diags.warn(
      'coding/unknown-segment',
      `no segment "${row.segment}" in ${source.id}; placed by its quote`,
      where,
      'update the segment column, or leave it empty and rely on the quote',
    );
  } else if (segment && (span.start < segment.span.start || span.end > segment.span.end)) {
    const now = ctx.segments.locate(source.id, span);
    diags.info(
      'coding/moved',
      `quote is no longer in ${segment.id}; found ${now ? `in ${now.id}` : 'elsewhere'}`,
      where,
      'the transcript was edited; update the segment column when convenient',
    );
  } else if (!segment && anchor.ambiguous) {
    diags.warn(
      'coding/ambiguous-quote',
      `quote occurs more than once in ${source.id}; the first place was taken: "${clip(row.quote)}"`,
      where,
      'add the segment id, or prefix/suffix columns, to say which one',
    );
  }
  if (anchor.method === 'fuzzy') {
    diags.warn(
      'coding/quote-changed',
      `quote was edited in the transcript (${anchor.distance} character${anchor.distance === 1 ? '' : 's'} differ); placed at the closest match: "${clip(source.text.slice(span.start, span.end))}"`,
      where,
      'check the coding still holds, then update the quote',
    );
  }
  return span;
}

/** `interviews/w01:3`, or `3` / `:3` counted within the row's source. */
function findSegment(ref: string, source: Source | undefined, ctx: ResolveContext): Segment | undefined {
  const direct = ctx.segments.get(ref);
  if (direct) return direct;
  const colon = ref.lastIndexOf(':');
  const n = ref.slice(colon + 1).trim();
  if (/^\d+$/.test(n)) {
    if (source) return ctx.segments.get(`${source.id}:${Number(n)}`);
    const src = ctx.sources.find(ref.slice(0, colon));
    if (src) return ctx.segments.get(`${src.id}:${Number(n)}`);
  }
  return undefined;
}

function suggestCode(code: string, codes: ReadonlySet<string>): string {
  return didYouMean(code, codes, 'see `qia codebook show` for the code ids');
}

function clip(s: string, n = 60): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}

/** One coder's file in codings/: its rows, and what reading it (and later placing them) found. */
export interface CoderFile {
  rows: ManualRow[];
  diags: Diagnostics;
}
