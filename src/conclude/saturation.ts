import type { Analysis } from '../model/analysis.js';
import type { Saturation, SaturationStep } from '../model/conclusion.js';
import { ancestry, cmp, type FactIndex } from './facts.js';

/**
 * Sources in the stated order (dated ones by date, then the undated; ties by id) and, after
 * each, which codes appeared for the first time. A sub-code also makes its parents appear.
 */
export function saturation(analysis: Analysis, index: FactIndex): Saturation {
  const ordered = [...analysis.sources].sort((a, b) => {
    const da = validDate(a.date);
    const db = validDate(b.date);
    if (da !== db) return da === undefined ? 1 : db === undefined ? -1 : cmp(da, db);
    return cmp(a.id, b.id);
  });
  // Per source (by the table's number), its facts' codes, each distinct code once; the count of its facts.
  const t = index.table;
  const codesOf: number[][] = t.sourceIds.map(() => []);
  const codings = new Int32Array(t.sources);
  const mark = new Int32Array(index.codeIds.length).fill(-1);
  for (let p = 0; p < t.source.length; p++) {
    const s = t.source[p]!;
    const c = t.code[p]!;
    codings[s]!++;
    // A code is listed once per run of a source's facts (one run, in text order); were it
    // listed twice, the second would find it seen already.
    if (mark[c] !== s) {
      mark[c] = s;
      codesOf[s]!.push(c);
    }
  }
  const sourceNo = new Map(t.sourceIds.map((id, k) => [id, k]));
  const chains = index.codeIds.map((code) => ancestry(code, index.codes));
  const seen = new Set<string>();
  const steps: SaturationStep[] = [];
  let lastNewAt = 0;
  ordered.forEach((src, i) => {
    const fresh = new Set<string>();
    const k = sourceNo.get(src.id);
    for (const code of k === undefined ? [] : codesOf[k]!) {
      for (const id of chains[code]!) {
        if (!seen.has(id)) {
          seen.add(id);
          fresh.add(id);
        }
      }
    }
    const step: SaturationStep = {
      order: i + 1,
      sourceId: src.id,
      kind: src.kind,
      codings: k === undefined ? 0 : codings[k]!,
      newCodes: [...fresh].sort(cmp),
      cumulative: seen.size,
    };
    const date = validDate(src.date);
    if (date !== undefined) step.date = date;
    if (src.informant !== undefined) step.informant = src.informant;
    if (fresh.size > 0) lastNewAt = i + 1;
    steps.push(step);
  });
  return { order: 'date-then-id', steps, totalCodes: seen.size, lastNewAt, trailingWithoutNew: steps.length - lastNewAt };
}

function validDate(d: string | undefined): string | undefined {
  return d !== undefined && /^\d{4}-\d{2}-\d{2}/.test(d) ? d : undefined;
}
