import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OrderedRows } from '../../src/pipeline/ordered-rows.js';
import type { SourcePass } from '../../src/pipeline/source-pass.js';
import type { StreamedPass } from '../../src/pipeline/streamed-pass.js';
import { emptyTally } from '../../src/render/coding-tally.js';
import type { Planned } from '../../src/sources/read.js';

/**
 * `qia code` writes each source's rows of codings.csv as soon as it and every source before it
 * are coded; threads finish files in any order. Whatever the order the passes come in, the file
 * must hold every kept source's rows once, by source id: a file's id is its path without
 * extension, so path order is not id order (`a-b.md` < `a.md` by path, `a` < `a-b` by id); of
 * two files with one id the first by path that could be read is kept; a source kept whole (its
 * rows known only after the merge) holds the later ones back without losing them.
 */

type Kind = 'streamed' | 'whole' | 'unreadable';
interface File {
  rel: string;
  kind: Kind;
}

const STEMS = ['a', 'a-b', 'a.b', 'a/b', 'a/b-c', 'b', 'b/a', 'c'];
const EXTS = ['.md', '.txt', '.docx'];
const idOf = (rel: string) => rel.slice(0, rel.lastIndexOf('.'));

const files = fc
  .uniqueArray(
    fc.record({
      stem: fc.constantFrom(...STEMS),
      ext: fc.constantFrom(...EXTS),
      kind: fc.constantFrom<Kind>('streamed', 'streamed', 'streamed', 'whole', 'unreadable'),
    }),
    { minLength: 1, maxLength: 20, selector: (f) => f.stem + f.ext },
  )
  .map((fs) => fs.map((f) => ({ rel: f.stem + f.ext, kind: f.kind })).sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0)));

function passOf(f: File): SourcePass | StreamedPass {
  const diag = { readDiagnostics: [], inlineDiagnostics: [], segmentCount: 1 };
  if (f.kind === 'unreadable') return { ...diag, coded: [], speakers: [], auto: [], inline: [] };
  const info = { id: idOf(f.rel), path: f.rel };
  if (f.kind === 'whole')
    return { ...diag, info: info as SourcePass['info'], whole: { source: {} as never, segments: [] }, coded: [], speakers: [], auto: [], inline: [] };
  return { ...diag, streamed: true, info, rows: `rows of ${f.rel}\r\n`, tally: { ...emptyTally(), codings: 1 } };
}

/** What codings.csv must hold, worked out without the code under test: kept sources by id. */
function expected(fs: readonly File[]): string {
  const kept = new Map<string, File>();
  for (const f of fs) if (f.kind !== 'unreadable' && !kept.has(idOf(f.rel))) kept.set(idOf(f.rel), f);
  return [...kept.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((id) => (kept.get(id)!.kind === 'whole' ? `whole ${id}\r\n` : `rows of ${kept.get(id)!.rel}\r\n`))
    .join('');
}

function written(fs: readonly File[], arrival: readonly number[]): { text: string; codings: number } {
  const planned = fs.map((f) => ({ rel: f.rel }) as Planned);
  const out: Uint8Array[] = [];
  const rows = new OrderedRows({ write: (b) => out.push(Buffer.from(b)) });
  try {
    for (const i of arrival) rows.take(i, passOf(fs[i]!), planned);
    rows.finish((id) => ({ rows: `whole ${id}\r\n`, tally: { ...emptyTally(), codings: 1 } }));
  } finally {
    rows.close();
  }
  return { text: Buffer.concat(out).toString(), codings: rows.tally.codings };
}

describe('the streamed writer of codings.csv', () => {
  it('writes every kept source once, in id order, whatever order the files finish in', () => {
    fc.assert(
      fc.property(
        files.chain((fs) =>
          fc.tuple(
            fc.constant(fs),
            fc.shuffledSubarray(
              fs.map((_, i) => i),
              { minLength: fs.length, maxLength: fs.length },
            ),
          ),
        ),
        ([fs, arrival]) => {
          const w = written(fs, arrival);
          expect(w.text).toBe(expected(fs));
          expect(w.codings).toBe(new Set(fs.filter((f) => f.kind !== 'unreadable').map((f) => idOf(f.rel))).size);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('holds rows that finish early, and rows after a source kept whole, until their turn', () => {
    const fs: File[] = [
      { rel: 'a-b.md', kind: 'streamed' },
      { rel: 'a.md', kind: 'streamed' },
      { rel: 'a.txt', kind: 'streamed' },
      { rel: 'b.md', kind: 'whole' },
      { rel: 'c.md', kind: 'streamed' },
      { rel: 'c/d.md', kind: 'unreadable' },
      { rel: 'd.md', kind: 'streamed' },
    ];
    // Last first: d, the unreadable c/d, c and the whole b wait for a (then a-b); a.txt is a.md's duplicate.
    expect(written(fs, [6, 5, 4, 3, 2, 0, 1]).text).toBe('rows of a.md\r\nrows of a-b.md\r\nwhole b\r\nrows of c.md\r\nrows of d.md\r\n');
  });
});
