import { dialectOf } from '../render/csv-write.js';
import { LISTING_LINES } from '../i18n/listing.js';
import { clipLeft, renderList, type Column, type ListFormat } from '../render/listing.js';
import type { Lang } from '../model/codebook.js';
import { openStudy } from '../study/open.js';
import { readCorpus } from '../pipeline/run.js';
import { lineAt } from '../segment/lines.js';
import { studyDirFor } from '../study/resolve.js';
import { compileQuery } from '../match/query.js';
import { scanWords } from '../match/tokenize.js';
import { QiaError } from '../util/diagnostics.js';
import type { CommandResult } from './result.js';

export interface KwicOptions {
  window?: string;
  format?: ListFormat;
}

export interface KwicRow {
  segment: string;
  source: string;
  line: number;
  speaker: string;
  left: string;
  keyword: string;
  right: string;
}

const COLUMNS: Column<KwicRow>[] = [
  { key: 'source', get: (r) => r.source },
  { key: 'line', get: (r) => r.line, right: true },
  { key: 'speaker', get: (r) => r.speaker },
  { key: 'left', get: (r) => r.left, right: true },
  { key: 'keyword', get: (r) => r.keyword },
  { key: 'right', get: (r) => r.right },
  { key: 'segment', get: (r) => r.segment },
];

/**
 * `qia kwic <term> [study]`: every place the term occurs, with N words either side, found by
 * the same tokenizer, stemmer and glob rules the codebook uses, so a researcher sees what a
 * rule with that term would catch before adding it.
 */
export async function run(args: string[], opts: Record<string, unknown>): Promise<CommandResult> {
  const o = opts as KwicOptions;
  const term = (args[0] ?? '').trim();
  if (term === '') throw new QiaError('kwic/no-term', 'give a word, a phrase in quotes or a glob to look for', {}, 'for example: qia kwic "server down"');
  // Words are runs of letters and digits: a term without any can never match (as in the codebook).
  if (!/[\p{L}\p{N}]/u.test(term))
    throw new QiaError('kwic/no-term', `"${term}" holds no letters or digits, so no word can match it`, {}, 'for example: qia kwic "kendala*"');
  const window = Number(o.window ?? 6);
  if (!Number.isInteger(window) || window < 0 || window > 100)
    throw new QiaError('kwic/bad-window', `--window must be a whole number of words from 0 to 100, got "${o.window}"`);
  const { dir } = studyDirFor(args[1]);
  const opened = await openStudy(dir, { lenientCodebook: true, allowOutside: Boolean(opts['allowOutside']) });
  const corpus = await readCorpus(opened);
  const diagnostics = [...opened.diagnostics, ...corpus.diagnostics];
  const cb = opened.codebook;
  const langs: Lang[] = cb.languages.length ? cb.languages : [opened.study.language];
  const find = compileQuery(term, langs, cb.stemOverrides ?? {});
  const texts = new Map(corpus.sources.map((s) => [s.id, s]));
  const rows: KwicRow[] = [];
  for (const seg of corpus.segments) {
    const src = texts.get(seg.sourceId);
    if (!src) continue;
    const body = src.text.slice(seg.body.start, seg.body.end);
    const spans = find(body, seg.body.start);
    if (spans.length === 0) continue;
    const words: number[] = [];
    scanWords(body, (s, e) => words.push(s + seg.body.start, e + seg.body.start));
    for (const sp of spans) {
      rows.push({
        segment: seg.id,
        source: seg.sourceId,
        line: lineAt(src, sp.start),
        speaker: seg.interviewer ? 'interviewer' : (seg.informant ?? seg.speaker ?? ''),
        left: src.text
          .slice(wordsBefore(words, sp.start, window, seg.body.start), sp.start)
          .replace(/\s+/g, ' ')
          .trim(),
        keyword: src.text.slice(sp.start, sp.end).replace(/\s+/g, ' '),
        right: src.text
          .slice(sp.end, wordsAfter(words, sp.end, window, seg.body.end))
          .replace(/\s+/g, ' ')
          .trim(),
      });
    }
  }
  const format = o.format ?? 'table';
  const lang: Lang = (opts['lang'] as Lang | undefined) ?? opened.study.language;
  if (format === 'table') {
    const shown = rows.map((r) => ({ ...r, left: clipLeft(r.left, 60), right: r.right.length > 60 ? r.right.slice(0, 59) + '…' : r.right }));
    return { stdout: `${renderList(shown, COLUMNS, 'table', 'kwic', lang)}\n${LISTING_LINES.matchesFor(rows.length, term, lang)}`, diagnostics, lang };
  }
  return { stdout: renderList(rows, COLUMNS, format, 'kwic', lang, dialectOf(opts)), diagnostics, lang };
}

/** Offset where the n-th word before `at` starts (word boundaries are [start, end] pairs). */
function wordsBefore(words: number[], at: number, n: number, floor: number): number {
  let k = 0;
  let start = at;
  for (let i = words.length - 2; i >= 0; i -= 2) {
    if (words[i + 1]! > at) continue;
    if (k === n) break;
    start = words[i]!;
    k++;
  }
  return n === 0 ? at : Math.max(floor, start);
}

function wordsAfter(words: number[], at: number, n: number, ceil: number): number {
  let k = 0;
  let end = at;
  for (let i = 0; i < words.length; i += 2) {
    if (words[i]! < at) continue;
    if (k === n) break;
    end = words[i + 1]!;
    k++;
  }
  return n === 0 ? at : Math.min(ceil, end);
}
