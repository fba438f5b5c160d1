import type { Analysis } from '../model/analysis.js';
import type { Cell, Header, Matrix } from '../model/matrix.js';
import { childCodes, codeLabel, topCodes } from '../codebook/codes.js';
import { addValence, emptyCounts, keyComparator } from '../condense/condense.js';
import type { CodingContext } from '../index/analysis-index.js';
import { displayContext, quoteOf, sharedCells, splitUnder, type DisplayOptions } from './common.js';
import { codingColumns, type CodingColumns } from '../index/columns.js';
import { roleLabel, t, valenceMarks } from '../i18n/labels.js';

/** "S1 (Bu Rina, Staff)": who said it, as the informant table names them. */
export function whoSaid(contexts: readonly CodingContext[], analysis: Analysis, lang: 'id' | 'en'): string {
  // Each informant once, with the role of their first coding (for informants not in informants.csv).
  const firstRole = new Map<string, string | undefined>();
  for (const c of contexts) if (c.informantId !== undefined && !firstRole.has(c.informantId)) firstRole.set(c.informantId, c.role);
  return namedWithRoles(firstRole, analysis, lang);
}

function namedWithRoles(firstRole: ReadonlyMap<string, string | undefined>, analysis: Analysis, lang: 'id' | 'en'): string {
  const ids = [...firstRole.keys()];
  ids.sort(keyComparator(analysis, 'informant'));
  const known = new Map(analysis.informants.map((i) => [i.id, i]));
  return ids
    .map((id) => {
      const inf = known.get(id);
      const role = inf?.role ?? firstRole.get(id);
      const parts = [inf?.label && inf.label !== id ? inf.label : undefined, role ? roleLabel(role, lang) : undefined].filter(Boolean);
      return parts.length ? `${id} (${parts.join(', ')})` : id;
    })
    .join('; ');
}

/**
 * What a row of the obstacles table says of its codings, in one pass that reads only each
 * coding's position (its `order`) and the index's columns: who said it (as whoSaid), the
 * sources in id order, counts by valence and the strongest coding.
 */
function obstacleFigures(contexts: readonly CodingContext[], cols: CodingColumns, analysis: Analysis, lang: 'id' | 'en') {
  const firstRole = new Map<string, string | undefined>();
  const informantSeen = new Uint8Array(cols.informants.length);
  const sourceSeen = new Uint8Array(cols.sourceIds.length);
  const sources: string[] = [];
  const counts = emptyCounts();
  const { valence, score, informant, role, source } = cols;
  let b = -1;
  let best: CodingContext | undefined;
  for (const c of contexts) {
    const p = c.order;
    const v = valence[p]!;
    addValence(counts, v);
    const id = informant[p]!;
    if (id >= 0 && !informantSeen[id]) {
      informantSeen[id] = 1;
      const r = role[p]!;
      firstRole.set(cols.informants[id]!, r < 0 ? undefined : cols.roles[r]);
    }
    const src = source[p]!;
    if (!sourceSeen[src]) {
      sourceSeen[src] = 1;
      sources.push(cols.sourceIds[src]!);
    }
    // As byStrength(c, best) < 0, over the columns.
    if (b < 0 || (score[b]! - score[p]! || Math.abs(valence[b]!) - Math.abs(v) || p - b) < 0) {
      b = p;
      best = c;
    }
  }
  return { who: namedWithRoles(firstRole, analysis, lang), sources: sources.sort(), counts, best };
}

/**
 * Obstacles table ("Temuan Kendala Internal dan Eksternal"): every internal and external
 * obstacle found, what it is, who named it, in which sources, and how often.
 */
export function obstaclesMatrix(analysis: Analysis, options: DisplayOptions = {}): Matrix {
  const ctx = displayContext(analysis, options);
  const { lang, index } = ctx;
  const columns: Header[] = [
    { id: 'who', label: t(lang, 'who') },
    { id: 'sources', label: lang === 'id' ? 'Sumber' : 'Sources' },
    { id: 'count', label: t(lang, 'count') },
    { id: 'quote', label: t(lang, 'quote') },
  ];
  const rows: Header[] = [];
  const cells: Cell[] = [];
  const obstacles = topCodes(analysis.codebook, 'obstacle').map((id) => ({ id, children: childCodes(analysis.codebook, id) }));
  const cols = codingColumns(index);
  const splits = splitUnder(index.contexts, obstacles, cols);
  obstacles.forEach(({ id: top, children }, oi) => {
    const group = codeLabel(analysis.codebook, top, lang);
    const split = splits[oi]!;
    const found: { id: string; label: string; contexts: CodingContext[] }[] = [];
    children.forEach((sub, i) => {
      const here = split.byChild[i]!;
      if (here.length) found.push({ id: sub, label: codeLabel(analysis.codebook, sub, lang), contexts: here });
    });
    if (split.rest.length) found.push({ id: `${top}#general`, label: `${group} (${t(lang, 'general')})`, contexts: split.rest });
    for (const f of found) {
      rows.push({ id: f.id, label: f.label, group });
      const fig = obstacleFigures(f.contexts, cols, analysis, lang);
      const texts: Record<string, string> = {
        who: fig.who,
        sources: fig.sources.join('; '),
        count: `${f.contexts.length} (${valenceMarks(fig.counts)})`,
        quote: quoteOf(fig.best, 100),
      };
      cells.push(
        ...sharedCells(
          f.id,
          f.contexts,
          columns.map((col) => [col.id, texts[col.id]!] as const),
        ),
      );
    }
  });
  const notes =
    lang === 'id'
      ? ['Hanya kendala yang ditemukan yang ditampilkan. Tanda: −n = kendala ada dan menghambat, +n = kendala teratasi atau tidak ada, ·n = netral.']
      : ['Only obstacles found are listed. Marks: −n = the obstacle is present and hinders, +n = overcome or absent, ·n = neutral.'];
  if (rows.length === 0) notes.push(lang === 'id' ? 'Tidak ada kendala yang dikode.' : 'No obstacle was coded.');
  return {
    kind: 'obstacles',
    lang,
    title: lang === 'id' ? 'Temuan kendala internal dan eksternal' : 'Internal and external obstacles found',
    corner: t(lang, 'obstacle'),
    groupLabel: t(lang, 'type'),
    rows,
    columns,
    cells,
    notes,
  };
}
