import type { Analysis } from '../model/analysis.js';
import type { Cell, Header, Matrix } from '../model/matrix.js';
import { childCodes, codeLabel, isWithin, topCodes } from '../condense/codes.js';
import { keyComparator } from '../condense/condense.js';
import type { CodingContext } from '../condense/context.js';
import { cellOf, displayContext, strongestQuote, type DisplayOptions } from './common.js';
import { roleLabel, t, valenceMarks } from './labels.js';

/** "S1 (Bu Rina, Staff)": who said it, as the informant table names them. */
export function whoSaid(contexts: readonly CodingContext[], analysis: Analysis, lang: 'id' | 'en'): string {
  const ids = [...new Set(contexts.map((c) => c.informantId).filter((x): x is string => x !== undefined))];
  ids.sort(keyComparator(analysis, 'informant'));
  return ids
    .map((id) => {
      const inf = analysis.informants.find((i) => i.id === id);
      const role = inf?.role ?? contexts.find((c) => c.informantId === id)?.role;
      const parts = [inf?.label && inf.label !== id ? inf.label : undefined, role ? roleLabel(role, lang) : undefined].filter(Boolean);
      return parts.length ? `${id} (${parts.join(', ')})` : id;
    })
    .join('; ');
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
  for (const top of topCodes(analysis.codebook, 'obstacle')) {
    const group = codeLabel(analysis.codebook, top, lang);
    const inTop = index.contexts.filter((c) => isWithin(c.coding.code, top));
    const found: { id: string; label: string; contexts: CodingContext[] }[] = [];
    for (const sub of childCodes(analysis.codebook, top)) {
      const here = inTop.filter((c) => isWithin(c.coding.code, sub));
      if (here.length) found.push({ id: sub, label: codeLabel(analysis.codebook, sub, lang), contexts: here });
    }
    const rest = inTop.filter((c) => !found.some((f) => isWithin(c.coding.code, f.id)));
    if (rest.length) found.push({ id: `${top}#general`, label: `${group} (${t(lang, 'general')})`, contexts: rest });
    for (const f of found) {
      rows.push({ id: f.id, label: f.label, group });
      const sources = [...new Set(f.contexts.map((c) => c.segment.sourceId))].sort();
      const texts: Record<string, string> = {
        who: whoSaid(f.contexts, analysis, lang),
        sources: sources.join('; '),
        count: `${f.contexts.length} (${valenceMarks(cellOf('', '', f.contexts, '').counts)})`,
        quote: strongestQuote(f.contexts, 100),
      };
      for (const col of columns) cells.push(cellOf(f.id, col.id, f.contexts, texts[col.id]!));
    }
  }
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
