import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Informant } from '../../src/model/informant.js';
import { SharedPeople, sharedPeopleData } from '../../src/pipeline/shared-people.js';
import { informantsById } from '../../src/render/coding-rows.js';
import { informantKeys } from '../../src/segment/labels.js';

/** Short names from a few letters, so ids and labels clash, differ only in case, and name each other. */
const name = fc.string({ unit: fc.constantFrom('p', 'P', '1', 'ı', 'İ', ' ', '😀', '\uD800'), maxLength: 3 });
const informant = fc.record({
  id: name,
  label: fc.oneof(fc.constant(''), name),
  role: fc.constantFrom('staff', 'user', ''),
  group: fc.constantFrom('provider', 'user', 'Kelompok Ü'),
  line: fc.integer({ min: 1, max: 100_000 }),
});

/** An informant as a worker sees it: informants.csv's further columns left out. */
const thin = (i: Informant | undefined) => (i === undefined ? undefined : { ...i, attrs: {} });

describe('the informants the worker threads share', () => {
  it('look up by lower-cased id, speaker key and id as the Maps of the main thread do', () => {
    fc.assert(
      fc.property(fc.array(informant, { maxLength: 30 }), fc.array(name, { maxLength: 10 }), (rows, probes) => {
        const informants: Informant[] = rows.map((r) => ({ ...r, attrs: { position: 'Kepala' } }));
        // As a worker gets it: through a structured clone, which shares the buffers.
        const shared = new SharedPeople(structuredClone(sharedPeopleData(informants)));
        // The Maps the pass used before the table, made as it made them.
        const full = { byId: new Map(informants.map((i) => [i.id.toLowerCase(), i])), keys: informantKeys(informants) };
        const exact = informantsById(informants);
        const asked = [...full.keys.keys(), ...exact.keys(), ...probes, ...probes.map((p) => p.toLowerCase())];
        for (const k of asked) {
          expect(thin(shared.byId.get(k))).toEqual(thin(full.byId.get(k)));
          expect(shared.byId.has(k)).toBe(full.byId.has(k));
          expect(shared.keys.get(k)).toBe(full.keys.get(k));
          expect(shared.keys.has(k)).toBe(full.keys.has(k));
          expect(thin(shared.byExactId.get(k))).toEqual(thin(exact.get(k)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives back the same informant, row for row, for a table far larger than it keeps made', () => {
    const informants: Informant[] = Array.from({ length: 3000 }, (_, i) => ({
      id: `S${i}`,
      label: `Inf-${i}`,
      role: i % 2 ? 'staff' : 'user',
      group: i % 3 ? 'provider' : 'user',
      attrs: {},
      line: i + 2,
    }));
    const shared = new SharedPeople(sharedPeopleData(informants));
    for (const round of [0, 1])
      for (const inf of informants) {
        expect(shared.byExactId.get(inf.id), `round ${round}`).toEqual(inf);
        expect(shared.keys.get(inf.label.toLowerCase())).toBe(inf.id);
      }
  });

  it('keeps a label longer than one piece of its decoding whole', () => {
    const label = 'Bu Rina '.repeat(1200);
    const shared = new SharedPeople(sharedPeopleData([{ id: 'P1', label, role: 'staff', group: 'provider', attrs: {}, line: 2 }]));
    expect(shared.byId.get('p1')?.label).toBe(label);
    expect(shared.keys.get(label.toLowerCase())).toBe('P1');
  });
});
