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
  const codesBySource = new Map<string, string[]>();
  const countBySource = new Map<string, number>();
  for (const f of index.all) {
    const id = f.coding.sourceId;
    let list = codesBySource.get(id);
    if (!list) codesBySource.set(id, (list = []));
    list.push(f.coding.code);
    countBySource.set(id, (countBySource.get(id) ?? 0) + 1);
  }
  const seen = new Set<string>();
  const steps: SaturationStep[] = [];
  let lastNewAt = 0;
  ordered.forEach((src, i) => {
    const fresh = new Set<string>();
    for (const code of codesBySource.get(src.id) ?? []) {
      for (const id of ancestry(code, index.codes)) {
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
      codings: countBySource.get(src.id) ?? 0,
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
