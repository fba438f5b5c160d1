import { describe, expect, it } from 'vitest';
import { growingPercent, HEAP_GROWING_PERCENT } from '../../src/pipeline/heap-growth.js';
import { informantRows, informantsOfRows, people } from '../../src/pipeline/people.js';
import type { Informant } from '../../src/model/informant.js';

describe('how far qia code lets its heaps grow (QIA_HEAP_GROWING_PERCENT)', () => {
  it('takes a whole number of percent, 0 for V8 its own heuristics', () => {
    expect(growingPercent('0')).toBe(0);
    expect(growingPercent(' 35 ')).toBe(35);
    expect(growingPercent('100')).toBe(100);
  });

  it('keeps the default when unset or not a whole number', () => {
    for (const v of [undefined, '', 'x', '-5', '1.5', '12345']) expect(growingPercent(v)).toBe(HEAP_GROWING_PERCENT);
  });
});

describe('the informants a worker thread gets', () => {
  const informants: Informant[] = [
    { id: 'P1', label: 'Ibu Sari', role: 'staff', group: 'provider', attrs: { position: 'Kepala', location: 'Metro' }, line: 2 },
    { id: 'U2', label: '', role: 'user', group: 'user', attrs: {}, line: 3 },
  ];

  it('name, key and describe everyone as the full table does, without the further columns', () => {
    const thin = informantsOfRows(structuredClone(informantRows(informants)));
    expect(thin.map((i) => i.attrs)).toEqual([{}, {}]);
    expect(thin.map(({ attrs: _, ...rest }) => rest)).toEqual(informants.map(({ attrs: _, ...rest }) => rest));
    const full = people(informants);
    const here = people(thin);
    expect([...here.keys]).toEqual([...full.keys]);
    expect([...here.byId.keys()]).toEqual([...full.byId.keys()]);
  });
});
