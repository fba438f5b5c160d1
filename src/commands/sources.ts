import type { Informant } from '../model/informant.js';
import type { Lang } from '../model/codebook.js';
import { header, kindWord, LISTING_LINES } from '../i18n/listing.js';
import type { Segment } from '../model/segment.js';
import type { Source } from '../model/source.js';
import { openStudy } from '../study/open.js';
import { readCorpus } from '../pipeline/run.js';
import { displayPath } from '../util/display-path.js';
import { studyDirFor } from '../study/resolve.js';
import { hasErrors, QiaError } from '../util/diagnostics.js';
import type { CommandResult } from './result.js';
import { tagged } from '../render/json-kinds.js';

export interface SourcesOptions {
  format?: 'table' | 'json';
  lang?: Lang;
}

export interface SourceRow {
  id: string;
  path: string;
  format: string;
  kind: string;
  informant: string | null;
  role: string | null;
  group: string | null;
  date: string | null;
  segments: number;
  /** Turns spoken by informants (not the interviewer); paragraphs count for documents. */
  codable: number;
  words: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/**
 * Words as a reader counts them: runs of letters or digits. Counted with `test` rather than
 * `match`, which would build an array of every word (seconds of garbage collection on 50 MB).
 */
export function countWords(text: string): number {
  WORD.lastIndex = 0;
  let n = 0;
  while (WORD.test(text)) n++;
  return n;
}

/**
 * A source's informant is its own (front matter or study.yaml), else the informants its turns
 * were mapped to, so a group interview still shows who spoke.
 */
export function sourceRows(sources: readonly Source[], segments: readonly Segment[], informants: readonly Informant[] = []): SourceRow[] {
  const byId = new Map(informants.map((i) => [i.id, i]));
  const bySource = new Map<string, Segment[]>();
  for (const seg of segments) {
    let list = bySource.get(seg.sourceId);
    if (!list) bySource.set(seg.sourceId, (list = []));
    list.push(seg);
  }
  return sources.map((s) => {
    const segs = bySource.get(s.id) ?? [];
    const spoken = [...new Set(segs.map((g) => g.informant).filter((x): x is string => x !== undefined))].sort();
    const who = s.informant ? [s.informant] : spoken;
    const roles = [...new Set(who.map((id) => byId.get(id)?.role).filter((x): x is string => !!x))].sort();
    const groups = [...new Set(who.map((id) => byId.get(id)?.group).filter((x): x is string => !!x))].sort();
    return {
      id: s.id,
      path: s.path,
      format: s.format,
      kind: s.kind,
      informant: who.length > 0 ? who.join(',') : null,
      role: s.role ?? (roles.length > 0 ? roles.join(',') : null),
      group: s.group ?? (groups.length > 0 ? groups.join(',') : null),
      date: s.date ?? null,
      segments: segs.length,
      codable: segs.filter((g) => !g.interviewer).length,
      words: countWords(s.text),
    };
  });
}

/** Informants the rows name, split into those informants.csv lists and those it does not. */
export function informantTotals(rows: readonly SourceRow[], informants: readonly Informant[]): { listed: number; unlisted: string[] } {
  const known = new Set(informants.map((i) => i.id));
  const named = new Set(rows.flatMap((r) => (r.informant ? r.informant.split(',') : [])));
  const unlisted = [...named].filter((id) => !known.has(id)).sort();
  return { listed: named.size - unlisted.length, unlisted };
}

async function table(rows: SourceRow[], title: string, informants: readonly Informant[], lang: Lang): Promise<string> {
  const Table = (await import('cli-table3')).default;
  const t = new Table({
    head: ['source', 'kind', 'informant', 'role', 'segments', 'words'].map((k) => header(k, lang)),
    colAligns: ['left', 'left', 'left', 'left', 'right', 'right'],
    style: { head: [], border: [], compact: true },
  });
  for (const r of rows) t.push([r.id, r.kind, r.informant ?? '', r.role ?? '', String(r.segments), String(r.words)]);
  const kinds = new Map<string, number>();
  for (const r of rows) kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + 1);
  const kindSummary = [...kinds.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${n} ${kindWord(k, lang)}`)
    .join(', ');
  // An id missing from informants.csv is an error reported on its file, not one more informant.
  const { listed, unlisted } = informantTotals(rows, informants);
  const segs = rows.reduce((n, r) => n + r.segments, 0);
  const words = rows.reduce((n, r) => n + r.words, 0);
  const total = LISTING_LINES.sourcesTotal({ sources: rows.length, kinds: kindSummary, informants: listed, notListed: unlisted, segments: segs, words }, lang);
  return `${title}\n${t.toString()}\n${total}`;
}

/** `qia sources [study]`: what was found, how it was read, and what is wrong with it. */
export async function run(args: string[], opts: Record<string, unknown>): Promise<CommandResult> {
  const o = opts as SourcesOptions;
  const format = o.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new QiaError('usage/format', `unknown format ${String(format)}`, {}, 'use table or json');
  const { dir } = studyDirFor(args[0]);
  const opened = await openStudy(dir, { lenientCodebook: true, allowOutside: Boolean(opts['allowOutside']) });
  const corpus = await readCorpus(opened);
  const diagnostics = [...opened.diagnostics, ...corpus.diagnostics];
  const rows = sourceRows(corpus.sources, corpus.segments, opened.informants);
  const stdout =
    format === 'json'
      ? JSON.stringify(
          tagged('sources', {
            study: { title: opened.study.title, case: opened.study.case, language: opened.study.language, root: displayPath(opened.study.root) },
            sources: rows,
            totals: {
              sources: rows.length,
              informants: informantTotals(rows, opened.informants).listed,
              segments: rows.reduce((n, r) => n + r.segments, 0),
              words: rows.reduce((n, r) => n + r.words, 0),
            },
            diagnostics,
          }),
          null,
          2,
        )
      : await table(rows, `${opened.study.title} (${opened.study.case})`, opened.informants, o.lang ?? opened.study.language);
  return { stdout, diagnostics, exitCode: hasErrors(diagnostics) ? 1 : 0, lang: o.lang ?? opened.study.language };
}
