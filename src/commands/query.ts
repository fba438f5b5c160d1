import { dialectOf } from '../render/csv-write.js';
import type { Lang } from '../model/codebook.js';
import { LISTING_LINES } from '../i18n/listing.js';
import { renderList, type Column, type ListFormat } from '../render/listing.js';
import { didYouMean } from '../util/did-you-mean.js';
import { isUnder } from '../coding/merge.js';
import { RowMaker, type CodingRow } from '../render/coding-rows.js';
import { parseValence } from '../coding/valence.js';
import type { Coding } from '../model/coding.js';
import { codedStudy } from './study.js';
import { QiaError } from '../util/diagnostics.js';
import type { CommandResult } from './result.js';

export interface QueryOptions {
  code: string;
  role?: string;
  kind?: string;
  valence?: string;
  format?: ListFormat;
  lang?: Lang;
}

interface Hit {
  coding: Coding;
  row: CodingRow;
  lines: string;
}

const COLUMNS: Column<Hit>[] = [
  { key: 'segment', get: (h) => h.row.segment },
  { key: 'source', get: (h) => h.row.source },
  { key: 'lines', get: (h) => h.lines, right: true },
  { key: 'informant', get: (h) => h.row.informant },
  { key: 'role', get: (h) => h.row.role },
  { key: 'kind', get: (h) => h.row.kind },
  { key: 'code', get: (h) => h.row.code },
  { key: 'valence', get: (h) => h.row.valence },
  { key: 'coder', get: (h) => h.row.coder },
  { key: 'status', get: (h) => h.row.status },
  { key: 'quote', get: (h) => h.row.quote, clip: 90 },
];

/** `qia query [study] --code C`: the coded segments under a code (a parent finds its sub-codes), filtered. */
export async function run(args: string[], opts: Record<string, unknown>): Promise<CommandResult> {
  const o = opts as unknown as QueryOptions;
  const { analysis } = await codedStudy(args[0], { allowOutside: Boolean(opts['allowOutside']) });
  const code = o.code.trim();
  const known = analysis.codebook.codes.map((c) => c.id);
  if (!known.includes(code)) {
    throw new QiaError('query/unknown-code', `no code "${code}" in the codebook`, {}, didYouMean(code, known, 'see `qia codebook show` for the code ids'));
  }
  const valence = o.valence === undefined ? undefined : parseValence(o.valence);
  // Roles are stored lower-case (informants.csv, study.yaml), so `--role User` means user.
  const role = o.role?.trim().toLowerCase();
  const maker = new RowMaker(analysis);
  const hits: Hit[] = [];
  for (const c of analysis.codings) {
    if (!isUnder(c.code, code)) continue;
    if (valence !== undefined && c.valence !== valence) continue;
    const row = maker.row(c);
    if (role && row.role !== role) continue;
    if (o.kind && row.kind !== o.kind) continue;
    const src = maker.source(c.sourceId);
    const endLine = maker.lineOf(src, Math.max(c.span.start, c.span.end - 1));
    hits.push({ coding: c, row, lines: endLine > row.line ? `${row.line}-${endLine}` : String(row.line) });
  }
  const diagnostics = [...analysis.diagnostics];
  if (role) {
    const roles = new Set(analysis.informants.map((i) => i.role));
    if (!roles.has(role))
      diagnostics.push({
        severity: 'warning',
        code: 'query/unknown-role',
        message: `no informant has role "${o.role}"`,
        hint: `roles in this study: ${[...roles].sort().join(', ') || '(none)'}`,
      });
  }
  const format = o.format ?? 'table';
  const lang = o.lang ?? analysis.study.language;
  let stdout = renderList(hits, COLUMNS, format, 'query', lang, dialectOf(opts));
  if (format === 'table') stdout += `\n${LISTING_LINES.codingsUnder(hits.length, code, lang)}`;
  return { stdout, diagnostics, lang };
}
