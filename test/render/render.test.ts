import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse as parseCsv } from 'csv-parse/sync';
import { marked, type Tokens } from 'marked';
import { csvRecord, neutralised, renderCsv, renderHtml, renderJson, renderMd, renderTable, renderMatrix, MATRIX_FORMATS } from '../../src/render/index.js';
import { fitWidths, paintMarks, splitLongWords } from '../../src/render/table.js';
import { toGrid } from '../../src/render/grid.js';
import { csvDocument, unneutralised } from '../../src/render/csv-write.js';
import { buildDisplay, DISPLAY_TYPES, evidenceMatrix } from '../../src/display/index.js';
import type { Cell, Matrix } from '../../src/model/index.js';
import { fixtureAnalysis } from '../fixtures/displays/analysis.js';

/** A matrix whose cells hold whatever text the test needs. */
function matrixOf(texts: string[][], groups?: string[]): Matrix {
  const columns = texts[0]!.map((_, i) => ({ id: `c${i}`, label: `Col ${i}` }));
  const rows = texts.map((_, i) => ({ id: `r${i}`, label: `Row ${i}`, ...(groups ? { group: groups[i]! } : {}) }));
  const cells: Cell[] = texts.flatMap((row, i) =>
    row.map((text, j) => ({ row: `r${i}`, column: `c${j}`, text, count: 0, counts: { positive: 0, neutral: 0, negative: 0 }, refs: [] })),
  );
  return { kind: 'role', lang: 'en', title: 'T', corner: 'Who', ...(groups ? { groupLabel: 'G' } : {}), rows, columns, cells, notes: ['a note'] };
}

const HOSTILE = ['=SUM(A1:A3)', '+62 812', '-1', '@cmd', '\tTAB', '\rCR', 'a|b', 'line1\nline2', 'say "hi", ok', '<b>&', 'plain'];

/** One field as the CSV writer writes it, without the record's CRLF. */
const csvField = (v: string | number) => csvRecord([v]).slice(0, -2);

describe('csv', () => {
  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(csvField('=SUM(A1:A3)')).toBe("'=SUM(A1:A3)");
    expect(csvField('+62 812')).toBe("'+62 812");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField('\tTAB')).toBe("'\tTAB");
    expect(csvField('\rCR')).toBe('"\'\rCR"');
    expect(csvField('−1 (U+2212)')).toBe('−1 (U+2212)');
    expect(csvField('a=b')).toBe('a=b');
    // A guarded cell that already starts with an apostrophe gets one more, so reading back is exact.
    expect(csvField("'=x")).toBe("''=x");
    // A lone sign is a valence mark, not a formula: left as the coder typed it.
    expect(csvField('+')).toBe('+');
    expect(csvField('-')).toBe('-');
  });

  it('writes numbers as numbers and text as guarded text', () => {
    expect(csvRecord([-3, '-3', 0.25, '=1+1', null, undefined, ''])).toBe("-3,'-3,0.25,'=1+1,,,\r\n");
  });

  it('quotes a lone line feed, edge white space, the separator and quotes; one line end (CRLF)', () => {
    expect(csvRecord(['a\nb', ' x', 'y\u00a0', 'a,b', 'q"'])).toBe('"a\nb"," x","y\u00a0","a,b","q"""\r\n');
    expect(csvDocument([['h'], ['v']])).toBe('h\r\nv\r\n');
  });

  it('--excel: a UTF-8 BOM and `;` between fields, a `;` in text quoted, parsing back to the same cells', () => {
    const text = csvDocument(
      [
        ['kode', 'kutipan'],
        ['complexity', 'mudah; “cepat” −2'],
        ['x', '=A1'],
      ],
      { excel: true },
    );
    expect(text.startsWith('\uFEFFkode;kutipan\r\n')).toBe(true);
    expect(text).toContain('complexity;"mudah; “cepat” −2"\r\n');
    const back = parseCsv(text, { bom: true, delimiter: ';' }) as string[][];
    expect(back).toEqual([
      ['kode', 'kutipan'],
      ['complexity', 'mudah; “cepat” −2'],
      ['x', "'=A1"],
    ]);
    // The decimal mark of those locales: 0,25 is a number there, 0.25 text.
    expect(csvDocument([[0.25, -3, 1e21]], { excel: true })).toBe('\uFEFF0,25;-3;1e+21\r\n');
  });

  it('is RFC 4180: CRLF rows, quoted fields, doubled quotes; parses back to the grid', () => {
    const m = matrixOf([HOSTILE.slice(0, 6), HOSTILE.slice(5, 11)], ['g1', 'g2']);
    const out = renderCsv(m);
    expect(out.endsWith('\r\n')).toBe(true);
    expect(out.split('\r\n')[0]).toBe('G,Who,Col 0,Col 1,Col 2,Col 3,Col 4,Col 5');
    const back = parseCsv(out, { relax_column_count: false }) as string[][];
    expect(back.length).toBe(3);
    expect(back[1]).toEqual(['g1', 'Row 0', "'=SUM(A1:A3)", "'+62 812", "'-1", "'@cmd", "'\tTAB", "'\rCR"]);
    expect(back[2]).toEqual(['g2', 'Row 1', "'\rCR", 'a|b', 'line1\nline2', 'say "hi", ok', '<b>&', 'plain']);
  });

  it('round-trips any text, with only formula starts changed and the change undone on reading', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 12 }), { minLength: 1, maxLength: 4 }), (row) => {
        const back = parseCsv(renderCsv(matrixOf([row])), { relax_quotes: false }) as string[][];
        expect(back[1]).toEqual(['Row 0', ...row.map(neutralised)]);
        expect(back[1]!.slice(1).map(unneutralised)).toEqual(row);
      }),
      { numRuns: 200 },
    );
  });
});

function mdTableOf(md: string): Tokens.Table {
  const t = marked.lexer(md).find((x) => x.type === 'table');
  if (!t) throw new Error('no table in\n' + md);
  return t as Tokens.Table;
}

describe('md', () => {
  it('keeps pipes and line breaks inside their cell', () => {
    const m = matrixOf([
      ['a|b', 'line1\nline2\r\nline3'],
      ['back\\slash|', 'x'],
    ]);
    const t = mdTableOf(renderMd(m));
    expect(t.header.length).toBe(3);
    expect(t.rows.length).toBe(2);
    expect(t.rows[0]!.map((c) => c.text)).toEqual(['Row 0', 'a|b', 'line1 line2 line3']);
    expect(t.rows[1]!.map((c) => c.text)).toEqual(['Row 1', 'back\\\\slash|', 'x']);
  });

  it('keeps the column count for any cell text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 15 }), { minLength: 2, maxLength: 4 }), (row) => {
        const t = mdTableOf(renderMd(matrixOf([row, row])));
        expect(t.rows.length).toBe(2);
        for (const r of t.rows) expect(r.length).toBe(row.length + 1);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps transcript markup inert: <script> and <img onerror> render as text, not HTML', () => {
    const out = renderMd(matrixOf([['<script>alert(1)</script>', '<img src=x onerror=alert(2)> & co']]));
    expect(out).not.toMatch(/<script|<img/i);
    const html = marked.parse(out) as string;
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('prints a group once per group, the title first and the notes after', () => {
    const out = renderMd(matrixOf([['1'], ['2'], ['3']], ['A', 'A', 'B']));
    expect(out.split('\n').filter((l) => l.startsWith('| '))).toEqual(['| G | Who | Col 0 |', '| A | Row 0 | 1 |', '|  | Row 1 | 2 |', '| B | Row 2 | 3 |']);
    expect(out.startsWith('**T**\n\n')).toBe(true);
    expect(out.trimEnd().endsWith('*a note*')).toBe(true);
  });
});

describe('html', () => {
  it('escapes text and carries counts and segment ids per cell', () => {
    const out = renderHtml(matrixOf([['<script>alert("x")</script> & \'q\'']]));
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;');
    expect(out.startsWith('<table class="qia-matrix qia-role" lang="en">')).toBe(true);
    const a = fixtureAnalysis();
    const role = renderHtml(buildDisplay('role', a));
    expect(role).toContain('data-count="2" data-segments="interviews/w02-petugas:2 interviews/w02-petugas:3"');
  });
});

describe('json', () => {
  it('is the matrix itself, named by its format, with keys in a stable order', () => {
    const m = buildDisplay('checklist', fixtureAnalysis());
    const out = renderJson(m);
    expect(JSON.parse(out)).toEqual({ format: 'qia-matrix/1', ...(JSON.parse(JSON.stringify(m)) as object) });
    const keys = Object.keys(JSON.parse(out) as object);
    expect(keys).toEqual([...keys].sort());
    expect(out.indexOf('"cells"')).toBeLessThan(out.indexOf('"title"'));
  });
});

describe('table', () => {
  const a = fixtureAnalysis();
  it('fits the given width for every display', () => {
    for (const type of DISPLAY_TYPES) {
      for (const width of [50, 80, 100, 160]) {
        const out = renderTable(buildDisplay(type, a), { width });
        const tableLines = out.split('\n').filter((l) => /^[┌│├└]/.test(l));
        for (const l of tableLines) expect([...l].length, `${type} @${width}`).toBeLessThanOrEqual(width);
      }
    }
  });

  it('shares room so each column keeps its longest word where it can', () => {
    expect(fitWidths([10, 10], 100)).toEqual([12, 12]);
    const w = fitWidths([80, 20, 8], 60, [10, 22, 8]);
    expect(w.reduce((x, y) => x + y, 0)).toBe(60 - 4);
    expect(w[1]).toBeGreaterThanOrEqual(22);
    expect(w[2]).toBe(10);
  });

  it('never cuts a cell: long words (segment ids, codes) wrap in pieces instead of ending in an ellipsis', () => {
    for (const type of DISPLAY_TYPES) {
      const m = buildDisplay(type, a);
      const cell = m.cells.find((c) => c.count > 0)!;
      for (const shown of [m, evidenceMatrix(a, m, cell)]) {
        const cellEllipses =
          shown.cells.reduce((n, c) => n + (c.text.match(/…/g) ?? []).length, 0) + shown.rows.reduce((n, r) => n + (r.label.match(/…/g) ?? []).length, 0);
        for (const width of [60, 80, 100]) {
          const out = renderTable(shown, { width });
          const body = out
            .split('\n')
            .filter((l) => /^[│]/.test(l))
            .join('\n');
          expect((body.match(/…/g) ?? []).length, `${type} @${width}`).toBeLessThanOrEqual(cellEllipses);
        }
      }
    }
    expect(splitLongWords('lihat interviews/w02-penata-pelayanan:10 ya', 12)).toBe('lihat interviews/\nw02-penata-\npelayanan:10 ya');
    const w = fitWidths([4, 36, 5, 12, 28, 6, 300], 100, [2, 36, 5, 10, 28, 4, 14]);
    expect(w[6], 'the quote keeps a quarter of the room').toBeGreaterThanOrEqual(Math.floor((100 - 8) / 4));
  });

  it('colours valence marks only', () => {
    const paint = { positive: (s: string) => `<g>${s}</g>`, negative: (s: string) => `<r>${s}</r>` };
    expect(paintMarks('+3 −1 ·2 “tidak −2 kali” (S1)', paint)).toBe('<g>+3</g> <r>−1</r> ·2 “tidak <r>−2</r> kali” (S1)');
    expect(paintMarks('2 (+1 ·1)', paint)).toBe('2 (<g>+1</g> ·1)');
    expect(paintMarks('+62812', undefined)).toBe('+62812');
    expect(paintMarks('K-1 a+b', paint)).toBe('K-1 a+b');
    const out = renderTable(buildDisplay('role', a), { width: 100 });
    expect(out).not.toMatch(/\u001b\[/);
  });
});

describe('registry', () => {
  it('renders every display in every format deterministically', () => {
    const a = fixtureAnalysis();
    for (const type of DISPLAY_TYPES) {
      const m = buildDisplay(type, a);
      for (const f of MATRIX_FORMATS) {
        const out = renderMatrix(f, m);
        expect(out.length).toBeGreaterThan(0);
        expect(renderMatrix(f, m)).toBe(out);
      }
      expect(toGrid(m).rows.length).toBe(m.rows.length);
    }
  });
});
