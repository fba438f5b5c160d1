import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildDisplay, DISPLAY_TYPES, evidenceMatrix, findCell, strengthOf } from '../../src/display/index.js';
import { checklistMatrix } from '../../src/display/checklist.js';
import { cooccurrenceMatrix } from '../../src/display/cooccurrence.js';
import { roleMatrix } from '../../src/display/role.js';
import { timeMatrix } from '../../src/display/time.js';
import { indexAnalysis, type CodingContext } from '../../src/index/analysis-index.js';
import { topLevel } from '../../src/codebook/codes.js';
import { countValences } from '../../src/condense/condense.js';
import { gistOf, strongestQuote } from '../../src/display/common.js';
import { valenceMarks } from '../../src/i18n/labels.js';
import { MATRIX_FORMATS, renderMatrix } from '../../src/render/index.js';
import type { Analysis, Coding, Matrix } from '../../src/model/index.js';
import { fixtureAnalysis } from '../fixtures/displays/analysis.js';

const a = fixtureAnalysis();
const cellAt = (m: Matrix, row: string, col: string) => m.cells.find((c) => c.row === row && c.column === col)!;

describe.each(DISPLAY_TYPES)('%s display', (type) => {
  for (const lang of ['id', 'en'] as const) {
    const m = buildDisplay(type, a, { lang });

    it(`has one cell per row × column, in order (${lang})`, () => {
      const expected = m.rows.flatMap((r) => m.columns.map((c) => `${r.id}|${c.id}`));
      expect(m.cells.map((c) => `${c.row}|${c.column}`)).toEqual(expected);
    });

    it(`links every cell to codings that resolve to real segments and lines (${lang})`, () => {
      const segs = new Map(a.segments.map((s) => [s.id, s]));
      const keys = new Set(indexAnalysis(a).contexts.map((c) => c.ref.coding));
      for (const cell of m.cells) {
        expect(cell.count).toBe(cell.refs.length);
        expect(cell.counts.positive + cell.counts.neutral + cell.counts.negative).toBe(cell.count);
        for (const r of cell.refs) {
          const s = segs.get(r.segmentId);
          expect(s, r.segmentId).toBeDefined();
          expect(r.sourceId).toBe(s!.sourceId);
          expect(r.line).toBeGreaterThanOrEqual(s!.line);
          expect(r.endLine).toBeLessThanOrEqual(s!.endLine);
          expect(keys.has(r.coding)).toBe(true);
          if (r.pair) expect(keys.has(r.pair)).toBe(true);
        }
      }
    });

    it(`is byte-identical across runs and whatever the order of the codings (${lang})`, () => {
      const reversed: Analysis = { ...a, codings: [...a.codings].reverse() };
      for (const f of MATRIX_FORMATS) {
        expect(renderMatrix(f, buildDisplay(type, fixtureAnalysis(), { lang }))).toBe(renderMatrix(f, m));
        expect(renderMatrix(f, buildDisplay(type, reversed, { lang }))).toBe(renderMatrix(f, m));
      }
    });
  }
});

describe('cell counts equal the codings behind them', () => {
  it('role matrix: staff × complexity counts the staff codings of complexity and its sub-codes', () => {
    const m = roleMatrix(a);
    const staff = new Set(a.informants.filter((i) => i.role === 'staff').map((i) => i.id));
    const segInf = new Map(a.segments.map((s) => [s.id, s.informant]));
    const expected = a.codings.filter((c) => staff.has(segInf.get(c.segmentId) ?? '') && (c.code === 'complexity' || c.code.startsWith('complexity.')));
    const cell = cellAt(m, 'staff', 'complexity');
    expect(cell.count).toBe(expected.length);
    expect(cell.count).toBe(2);
    expect(cell.text).toMatch(/^\+1 −1 “/);
  });

  it('holds for random subsets of codings in every display', () => {
    fc.assert(
      fc.property(fc.subarray(a.codings), fc.constantFrom(...DISPLAY_TYPES), (subset: Coding[], type) => {
        const m = buildDisplay(type, { ...a, codings: subset });
        for (const cell of m.cells) expect(cell.count).toBe(cell.refs.length);
        const total = m.cells.filter((c) => c.row === m.rows[0]?.id).length;
        expect(total).toBe(m.rows.length ? m.columns.length : 0);
      }),
      { numRuns: 60 },
    );
  });
});

describe('cells counted by position say what their codings say', () => {
  // The oracle: the codings under each cell, filtered from the index's objects one by one.
  it('gives each role, cluster and method cell the counts, the strongest quote and the distinct sources of its codings (random subsets)', () => {
    fc.assert(
      fc.property(fc.subarray(a.codings), (subset: Coding[]) => {
        const b: Analysis = { ...a, codings: subset };
        const index = indexAnalysis(b);
        const under = (row: (c: CodingContext) => boolean, column: string) => index.contexts.filter((c) => row(c) && topLevel(c.coding.code) === column);
        for (const cell of roleMatrix(b, { index }).cells) {
          const here = under((c) => c.role === cell.row, cell.column);
          expect(cell.counts).toEqual(countValences(here));
          expect(cell.text).toBe(here.length ? `${valenceMarks(countValences(here))} ${strongestQuote(here)}` : '');
        }
        for (const cell of buildDisplay('cluster', b, { index }).cells) {
          const here = under((c) => c.informantId === cell.row, cell.column);
          expect(cell.count).toBe(here.length);
          expect(cell.text).toBe(here.length ? `${valenceMarks(countValences(here))}: ${gistOf(here)}` : '');
        }
        for (const cell of buildDisplay('method', b, { index }).cells) {
          const here = under((c) => c.kind === cell.row, cell.column);
          expect(cell.count).toBe(here.length);
          if (here.length) expect(cell.text).toContain(`(${new Set(here.map((c) => c.segment.sourceId)).size} `);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('conceptually clustered matrix', () => {
  const m = buildDisplay('cluster', a);
  it('groups informants by role in the thesis order and labels them', () => {
    expect(m.rows.map((r) => [r.id, r.group])).toEqual([
      ['K1', 'Pimpinan'],
      ['S1', 'Pegawai'],
      ['S2', 'Pegawai'],
      ['U1', 'Pengguna layanan'],
      ['U2', 'Pengguna layanan'],
      ['M1', 'Mitra'],
    ]);
    expect(m.rows[0]!.label).toBe('K1 (Pak H)');
    expect(m.columns.map((c) => c.id)).toEqual(['relative_advantage', 'compatibility', 'complexity', 'trialability', 'observability']);
  });
  it('summarises a cell with valence marks and a gist of the strongest quote', () => {
    expect(cellAt(m, 'U2', 'complexity').text).toBe('−1 ·1: Awalnya bingung, langkah-langkahnya tidak jelas bagi saya, tetapi akhirnya…');
    expect(cellAt(m, 'K1', 'compatibility').text).toBe('');
  });
  it('says what it leaves out', () => {
    expect(m.notes.join(' ')).toMatch(/4 koding dari sumber tanpa informan/);
  });
});

describe('role-ordered matrix', () => {
  it('can order by side (group) instead of role, and speaks English', () => {
    const m = roleMatrix(a, { by: 'group', lang: 'en' });
    expect(m.rows.map((r) => r.label)).toEqual(['Service provider', 'Service users', 'Partners']);
    expect(m.columns.map((c) => c.label)).toContain('Internal obstacles');
    expect(cellAt(m, 'provider', 'obstacle_internal').count).toBe(2);
  });
});

describe('method matrix', () => {
  it('lists every source kind and counts distinct sources', () => {
    const m = buildDisplay('method', a);
    expect(m.rows.map((r) => r.id)).toEqual(['interview', 'observation', 'document']);
    expect(cellAt(m, 'interview', 'complexity').text).toBe('+2 −2 ·1 (3 sumber)');
    expect(cellAt(m, 'document', 'observability').count).toBe(2);
  });
});

describe('checklist matrix', () => {
  it('lists each attribute’s indicators with presence, strength and evidence', () => {
    const m = checklistMatrix(a);
    const rows = m.rows.filter((r) => r.group === 'Kerumitan').map((r) => r.id);
    expect(rows).toEqual(['complexity.ease_of_use', 'complexity.clear_procedure', 'complexity.skills', 'complexity#general']);
    expect(cellAt(m, 'complexity.skills', 'evidence').text).toBe('2 (−2)');
    expect(cellAt(m, 'trialability.sop', 'present').text).toBe('tidak');
    expect(cellAt(m, 'trialability.sop', 'strength').strength).toBe('none');
    expect(cellAt(m, 'complexity.ease_of_use', 'strength').text).toBe('sebagian');
  });
  it('applies the documented thresholds', () => {
    const m = checklistMatrix(a, { thresholds: { strongCount: 2 } });
    expect(cellAt(m, 'complexity.ease_of_use', 'strength').strength).toBe('strong'); // 2 codings, U1 and S1
    expect(cellAt(m, 'observability.numbers', 'strength').strength).toBe('some'); // 2 codings, one document
    expect(m.notes[0]).toMatch(/sedikitnya 2 koding dari sedikitnya 2/);
    expect(strengthOf([])).toBe('none');
  });
});

describe('obstacles table', () => {
  const m = buildDisplay('obstacles', a, { lang: 'en' });
  it('lists only the obstacles found, internal first, with who and where', () => {
    expect(m.rows.map((r) => [r.group, r.label])).toEqual([
      ['Internal obstacles', 'Server and system'],
      ['External obstacles', "Users' devices"],
      ['External obstacles', "Users' understanding"],
      ['External obstacles', 'Brokers'],
    ]);
    expect(cellAt(m, 'obstacle_internal.server_system', 'who').text).toBe('K1 (Pak H, Head); S2 (Mas D, Staff)');
    expect(cellAt(m, 'obstacle_internal.server_system', 'sources').text).toBe('interviews/w01-kepala; interviews/w02-petugas');
    expect(cellAt(m, 'obstacle_internal.server_system', 'count').text).toBe('2 (−2)');
  });
});

describe('co-occurrence', () => {
  const m = cooccurrenceMatrix(a);
  it('is symmetric in counts and gives the Jaccard coefficient over segments', () => {
    for (const c of m.cells) expect(cellAt(m, c.column, c.row).count).toBe(c.count);
    const c = cellAt(m, 'relative_advantage', 'complexity');
    expect(c.count).toBe(1);
    expect(c.coefficient).toBeCloseTo(1 / 6, 4); // 1 shared segment; 2 + 5 − 1 with either
    expect(c.text).toBe('1 (0.17)');
    expect(c.refs[0]!.pair).toMatch(/^interviews\/w03-peserta:2\|complexity\.ease_of_use\|/);
    expect(cellAt(m, 'complexity', 'complexity').count).toBe(5);
  });
  it('can work on sub-codes', () => {
    const s = cooccurrenceMatrix(a, { level: 'sub' });
    expect(cellAt(s, 'complexity.skills', 'obstacle_external.understanding').count).toBe(1);
  });
  it('counts a segment once even when its codings do not come together in text order', () => {
    // A coder's coding filed under one segment but placed after the next segment's text: in
    // text order it comes after that segment's codings, so its segment comes back.
    const byId = new Map(a.segments.map((s) => [s.id, s]));
    const first = a.codings.find((c) => {
      const next = byId.get(`${c.sourceId}:${byId.get(c.segmentId)!.n + 1}`);
      return next !== undefined && a.codings.some((o) => o.segmentId === next.id && o.code.split('.')[0] !== c.code.split('.')[0]);
    })!;
    const next = byId.get(`${first.sourceId}:${byId.get(first.segmentId)!.n + 1}`)!;
    const other = a.codings.find((o) => o.segmentId === next.id && o.code.split('.')[0] !== first.code.split('.')[0])!;
    const late: Coding = { ...first, code: other.code, coder: 'late', origin: 'manual', span: { start: next.span.end + 1, end: next.span.end + 2 } };
    const b: Analysis = { ...a, codings: [...a.codings, late] };
    const m = cooccurrenceMatrix(b);
    const columns = m.columns.map((c) => c.id);
    const under = (code: string) => columns.filter((col) => code === col || code.startsWith(`${col}.`));
    const present = new Map<string, Set<string>>();
    for (const c of b.codings) {
      let set = present.get(c.segmentId);
      if (!set) present.set(c.segmentId, (set = new Set()));
      for (const col of under(c.code)) set.add(col);
    }
    for (const cell of m.cells) {
      const both = [...present.values()].filter((set) => set.has(cell.row) && set.has(cell.column)).length;
      expect(cell.count, `${cell.row} × ${cell.column}`).toBe(both);
      expect(cell.refs.length).toBe(both);
    }
    expect(cellAt(m, first.code.split('.')[0]!, other.code.split('.')[0]!).refs.some((r) => r.segmentId === first.segmentId)).toBe(true);
  });
});

describe('time-ordered matrix', () => {
  it('puts dated sources into periods and counts what is left out', () => {
    const m = timeMatrix(a);
    expect(m.rows.map((r) => r.id)).toEqual(['2021-06', '2021-07']);
    expect(cellAt(m, '2021-07', 'obstacle_external').text).toBe('−2');
    expect(m.notes.join(' ')).toMatch(/5 dari 7 sumber bertanggal.*6 koding dari sumber tanpa tanggal/s);
    expect(timeMatrix(a, { period: 'day' }).rows.map((r) => r.id)).toEqual(['2021-06-10', '2021-06-11', '2021-07-02', '2021-07-15']);
  });
  it('says clearly when no source carries a date', () => {
    const undated: Analysis = { ...a, sources: a.sources.map(({ date: _d, ...s }) => s) };
    const m = timeMatrix(undated, { lang: 'en' });
    expect(m.rows).toEqual([]);
    expect(m.cells).toEqual([]);
    expect(m.notes[0]).toMatch(/No source carries a date/);
    expect(renderMatrix('md', m)).toMatch(/No source carries a date/);
    expect(renderMatrix('table', m)).toMatch(/No source carries a date/);
  });
});

describe('evidence behind one cell', () => {
  const m = roleMatrix(a);
  it('finds a cell by id or by the label shown, in any case', () => {
    expect(findCell(m, 'staff', 'complexity')).toBe(cellAt(m, 'staff', 'complexity'));
    expect(findCell(m, 'pegawai', 'Kerumitan')).toBe(cellAt(m, 'staff', 'complexity'));
    expect(findCell(m, 'nobody', 'complexity')).toBeUndefined();
  });
  it('lists each coding with segment, lines, informant and role, code, valence, coder with what a person made of it, and the quote', () => {
    const cell = findCell(m, 'staff', 'complexity')!;
    const e = evidenceMatrix(a, m, cell);
    expect(e.rows.length).toBe(cell.count);
    const row = (i: number) => Object.fromEntries(e.columns.map((c) => [c.id, cellAt(e, e.rows[i]!.id, c.id).text]));
    expect(row(0)).toEqual({
      source: 'interviews/w02-petugas:2',
      lines: '7',
      informant: 'S1 (Bu R, Pegawai)',
      code: 'complexity.ease_of_use',
      valence: '+',
      coder: 'auto (belum ditinjau)',
      quote: 'Menurut saya cukup mudah, peserta cukup mengisi formulir lalu mengunggah berkas dari HP.',
    });
    expect(row(1).valence).toBe('−');
    expect(e.title).toMatch(/Pegawai × Kerumitan: 2 koding$/);
  });
});
