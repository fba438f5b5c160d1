import { stripVTControlCharacters } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labels } from '../../src/review/i18n.js';
import { initialUi, type Mode } from '../../src/review/keys.js';
import { renderFrame, type View } from '../../src/review/render.js';
import { startSession } from '../../src/review/session.js';
import type { CodeChoice, ReviewItem } from '../../src/review/types.js';
import { width as stringWidth } from '../../src/review/width.js';
import { markText, toCells, wrapCells, wrapText } from '../../src/review/wrap.js';
import { item, proposal } from './items.js';

const TEXT = 'Iya lebih baik, tidak perlu naik angkot ke kantor, saya tidak kuat antre lama.';
const span = (w: string) => ({ start: TEXT.indexOf(w), end: TEXT.indexOf(w) + w.length });
const LONG = Array.from({ length: 30 }, (_, i) => `Kalimat ke-${i + 1} dari dokumen SOP yang panjang sekali.`).join(' ');

function items(): ReviewItem[] {
  const first = item(
    'interviews/w07:4',
    [
      proposal('relative_advantage.time_saving', -1, { matches: [span('naik angkot'), span('antre')], cues: [span('tidak kuat')] }),
      // A long reason with a control character, so every size and mode below also lays it out.
      proposal('complexity', 1, { score: 0.33, reason: `learned from 54 segments a person coded; weighed \u001b[31mmost: ${'kata '.repeat(60)}` }),
    ],
    TEXT,
  );
  first.question = 'Menurut Ibu, lebih baik lewat LAPAK ASIK atau datang langsung ke kantor? '.repeat(3);
  first.before = 'Sebelumnya informan bercerita panjang tentang pekerjaannya di pabrik. '.repeat(4);
  first.after = 'Waktu itu Ibu mengurus klaim apa?';
  const long = item('documents/d02:2', [proposal('trialability.sop', 1)], LONG);
  long.kind = 'document';
  const hostile = item(
    'interviews/w09:1',
    [proposal('complexity', 1, { matches: [{ start: 0, end: 5 }] })],
    'Hello\u001b[31m red \u0007 bell\ttab \u009b1m \u202egnirts desrever',
  );
  return [first, long, hostile];
}

const CODES: CodeChoice[] = [
  { id: 'relative_advantage.time_saving', label: 'Hemat waktu', group: 'attribute' },
  { id: 'complexity', label: 'Kerumitan', group: 'attribute' },
  { id: 'obstacle_internal.server_system', label: 'Server dan sistem', group: 'obstacle' },
];

function view(over: Partial<View> & { index?: number; mode?: Mode } = {}): View {
  const { index = 0, mode, ...rest } = over;
  return {
    session: startSession(items(), index),
    ui: mode ? { ...initialUi, mode } : initialUi,
    codes: CODES,
    labels: labels('id'),
    coder: 'rina',
    color: false,
    cols: 80,
    rows: 24,
    ...rest,
  };
}

const MODES: (Mode | undefined)[] = [
  undefined,
  { kind: 'pick', purpose: 'recode', completion: { query: 'com', selected: 0 } },
  { kind: 'pick', purpose: 'add', completion: { query: 'zzz', selected: 0 } },
  { kind: 'valence', purpose: 'add', code: 'complexity', fallback: 0 },
  { kind: 'memo', code: 'complexity', text: 'memo yang panjang '.repeat(10) },
  { kind: 'help' },
];

describe('the screen', () => {
  it('is exactly rows lines, none wider than the terminal, at 80×24, 120×40 and the smallest size, in both languages and colours', () => {
    for (const [cols, rows] of [
      [80, 24],
      [120, 40],
      [40, 12],
      [30, 8],
      [200, 60],
    ] as const) {
      for (const index of [0, 1, 2, 3]) {
        for (const mode of MODES) {
          for (const color of [false, true]) {
            for (const lang of ['id', 'en'] as const) {
              const f = renderFrame(view({ cols, rows, index, color, labels: labels(lang), ...(mode ? { mode } : {}) }));
              expect(f.lines).toHaveLength(rows);
              for (const l of f.lines)
                expect(stringWidth(stripVTControlCharacters(l)), `${cols}x${rows} ${index} ${mode?.kind} «${l}»`).toBeLessThanOrEqual(cols);
            }
          }
        }
      }
    }
  });

  it('shows source, informant, role, lines, the question, context and the proposal with valence, rule and score', () => {
    const text = renderFrame(view()).lines.join('\n');
    for (const want of [
      'segmen 1 dari 3',
      'sources/interviews/w07.md',
      'baris 3–4',
      'P1 · peserta',
      'Pertanyaan:',
      'Sebelumnya:',
      'Sesudahnya: Waktu itu Ibu',
      'relative_advantage.time_saving',
      '-1',
      'aturan relative_advantage.time_saving#1',
      'skor 0.50',
      '0/1',
    ]) {
      expect(text).toContain(want);
    }
  });

  it('marks a proposal under coding.min_score as a suggestion that does not count yet', () => {
    const sessionItems = [item('interviews/w07:4', [proposal('complexity', 1, { score: 0.12, suggestion: true })], TEXT)];
    for (const [lang, want] of [
      ['id', 'skor 0.12 (saran, belum dihitung)'],
      ['en', 'score 0.12 (suggestion, not counted)'],
    ] as const) {
      const text = renderFrame({ ...view({ labels: labels(lang) }), session: startSession(sessionItems, 0) }).lines.join('\n');
      expect(text).toContain(want);
    }
    expect(renderFrame(view()).lines.join('\n')).not.toContain('saran');
  });

  it('without colour marks matched words [so] and cues {so}, and has no escape codes even when the transcript has some', () => {
    const lines = renderFrame(view()).lines;
    expect(lines.join('\n')).toContain('[naik angkot] ke kantor, saya {tidak kuat} [antre]');
    for (const index of [0, 1, 2]) for (const l of renderFrame(view({ index })).lines) expect(l).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
  });

  it('shows a codebook label and a typed code with escape sequences as inert text', () => {
    const codes = CODES.map((c) => (c.id === 'complexity' ? { ...c, label: 'Keru\u001b]0;pwned\u0007mitan\u001b[2J' } : c));
    const session = startSession(items(), 0);
    for (const index of [0, 2]) {
      const lines = renderFrame({ ...view({ index }), codes, cols: 120, session: index === 0 ? session : startSession(items(), index) }).lines;
      const text = lines.join('\n');
      expect(text).not.toMatch(/[\u001b\u0007\u009b]/);
      if (index === 2) expect(text).toContain('Keru ]0;pwned mitan [2J');
    }
  });

  it('with colour the marks are colours, not brackets', () => {
    const text = renderFrame(view({ color: true })).lines.join('\n');
    expect(text).toContain('\u001b[');
    expect(stripVTControlCharacters(text)).toContain('naik angkot ke kantor, saya tidak kuat antre');
  });

  it('keeps the key line visible: abbreviated at 80 columns, longer on wide terminals', () => {
    const L = labels('en');
    expect(renderFrame(view({ labels: L })).lines[23]).toBe(L.keysShort);
    expect(renderFrame(view({ labels: L, cols: 120, rows: 40 })).lines[39]).toBe(L.keysMid);
    expect(renderFrame(view({ labels: L, cols: 200, rows: 40 })).lines[39]).toBe(L.keysLong);
  });

  it('a segment taller than the room scrolls and says how much is left', () => {
    const top = renderFrame(view({ index: 1 }));
    const text = top.lines.join('\n');
    expect(text).toMatch(/↓ \d+ baris lagi: j\/PgDn/);
    expect(text).toContain('Kalimat ke-1 ');
    const down = renderFrame({ ...view({ index: 1 }), ui: { ...initialUi, scroll: 1000 } });
    expect(down.scroll).toBeGreaterThan(0);
    expect(down.lines.join('\n')).toContain('Kalimat ke-30 ');
    expect(down.lines.join('\n')).toContain('↑ k/PgUp');
    expect(down.lines.join('\n')).not.toContain('baris lagi');
  });

  it('the picker lists matching codes with their labels', () => {
    const text = renderFrame(view({ mode: { kind: 'pick', purpose: 'recode', completion: { query: 'server', selected: 0 } } })).lines.join('\n');
    expect(text).toContain('Ubah relative_advantage.time_saving menjadi');
    expect(text).toContain('▸ obstacle_internal.server_system  Server dan sistem');
  });

  it('the help screen fits 80 columns without cutting a line, in both languages', () => {
    for (const lang of ['id', 'en'] as const) {
      const lines = renderFrame(view({ labels: labels(lang), mode: { kind: 'help' } })).lines;
      expect(lines.join('\n')).not.toContain('…');
      expect(lines.join('\n')).toContain(lang === 'id' ? 'tolak (tambahan sesi ini: dicabut)' : 'reject / remove');
    }
  });

  it('the end screen says so and how to finish', () => {
    const text = renderFrame(view({ index: 3 })).lines.join('\n');
    expect(text).toContain('Semua 3 segmen sudah ditinjau.');
    expect(text).toContain('Enter/q selesai');
  });

  it('says when the window is too small instead of drawing a broken screen', () => {
    expect(renderFrame(view({ cols: 30, rows: 8 })).lines[0]).toContain('terlalu kecil');
  });
});

describe("why a coding was proposed: the coder's reason (its memo) under the cursor's coding", () => {
  const QUESTION = 'question-context: answer to interviews/w07:3 (line 5) "Menurut Ibu, lebih baik lewat LAPAK ASIK?"';
  const LEARNED = 'learned from 54 segments a person coded; weighed most: foto, tidak pernah, tolak';
  const MANY = `learned from 120 segments a person coded; weighed most: ${Array.from({ length: 90 }, (_, i) => `kata${i + 1}`).join(', ')}`;

  function screen(reason: string, over: Partial<View> = {}, rule = 'question-context', cursorOn = 0): string[] {
    const it = item(
      'interviews/w07:4',
      [
        proposal('complexity.ease_of_use', 1, { rule, score: 0.41, reason }),
        proposal('relative_advantage', 1, { score: 0.77, reason: 'not under the cursor' }),
      ],
      TEXT,
    );
    const session = { ...startSession([it], 0), cursor: cursorOn };
    return renderFrame({ ...view(over), session }).lines;
  }

  it("shows the reason in the screen's language, without repeating the rule id the rule line already names", () => {
    const id = screen(QUESTION, { cols: 120, rows: 40 }).join('\n');
    expect(id).toContain('aturan question-context · skor 0.41');
    expect(id).toContain('alasan: jawaban atas pertanyaan "Menurut Ibu, lebih baik lewat LAPAK ASIK?" (interviews/w07:3, baris 5)');
    expect(id).not.toContain('question-context:');
    expect(id).not.toContain('answer to');
    expect(screen(QUESTION, { labels: labels('en') }).join('\n')).toContain('    why: answer to interviews/w07:3 (line 5) "Menurut Ibu');
  });

  it("shows a learned coding's words that weighed most, and only the cursor's coding's reason", () => {
    const text = screen(LEARNED, { cols: 120, rows: 40 }, '').join('\n');
    expect(text).toContain('alasan: dipelajari dari 54 segmen yang dikoding orang; paling berbobot: foto, tidak pernah, tolak');
    expect(text).not.toContain('not under the cursor');
    expect(screen(LEARNED, {}, '', 1).join('\n')).toContain('alasan: not under the cursor');
  });

  it('wraps a long reason under its label and cuts it with "…": two rows at 80×24, four at 120×40, one at 40×12', () => {
    for (const [cols, rows, max] of [
      [80, 24, 2],
      [120, 40, 4],
      [40, 12, 1],
    ] as const) {
      const lines = screen(MANY, { cols, rows, labels: labels('en') }, '');
      const at = lines.findIndex((l) => l.startsWith('    why: learned from 120'));
      expect(at, `${cols}x${rows}`).toBeGreaterThan(0);
      const block = [lines[at]!];
      for (let i = at + 1; lines[i]!.startsWith(' '.repeat(4 + 'why: '.length)) && lines[i]!.trim() !== ''; i++) block.push(lines[i]!);
      expect(block, `${cols}x${rows}`).toHaveLength(max);
      expect(block[max - 1]!.trimEnd().endsWith('…'), block.join('\n')).toBe(true);
      for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(cols);
      // Every word shown is the memo's, in its order: wrapped, not reordered or broken mid-word.
      const shown = block
        .map((l, i) => (i === 0 ? l.slice('    why: '.length) : l.trim()))
        .join(' ')
        .replace(/ ?…$/, '');
      expect(MANY.startsWith(shown.replace(/ \S*$/, ''))).toBe(true);
    }
  });

  it('a short reason is shown whole, on one row', () => {
    const lines = screen(LEARNED, { cols: 120, rows: 40 }, '');
    expect(lines.filter((l) => l.includes('paling berbobot'))).toEqual([
      '    alasan: dipelajari dari 54 segmen yang dikoding orang; paling berbobot: foto, tidak pernah, tolak',
    ]);
  });

  it('any memo (a coder CSV can hold anything) is laid out in the window: no line too wide, no escape code, the key line kept', () => {
    const memo = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 400 }),
      fc.string({ unit: fc.constantFrom('a', ' ', ':', '\n', '\t', '\u001b', '[', '日', '😀', 'e\u0301', '\u202e', 'question-context'), maxLength: 200 }),
    );
    const size = fc.constantFrom([40, 12], [60, 18], [80, 24], [120, 40]);
    fc.assert(
      fc.property(memo, size, fc.constantFrom('id', 'en'), (reason, [cols, rows], lang) => {
        const L = labels(lang as 'id' | 'en');
        const lines = screen(reason, { cols: cols!, rows: rows!, labels: L });
        expect(lines).toHaveLength(rows!);
        for (const l of lines) {
          expect(stringWidth(l)).toBeLessThanOrEqual(cols!);
          expect(l).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
        }
        // The key line stays the last line, whatever the memo pushed above it.
        expect(lines[rows! - 1]!.startsWith(L.keysShort.slice(0, 8))).toBe(true);
      }),
      { numRuns: 150, seed: 18 },
    );
  });

  it("each coding's row shows its score beside valence and status, from 60 columns up", () => {
    const rows80 = screen(QUESTION);
    expect(rows80.find((l) => l.startsWith('▸ complexity.ease_of_use'))).toMatch(/0\.41\s+\+1\s+belum/);
    expect(rows80.find((l) => l.startsWith('  relative_advantage'))).toMatch(/0\.77\s+\+1\s+belum/);
    const rows40 = screen(QUESTION, { cols: 40, rows: 12 });
    const row40 = rows40.find((l) => l.startsWith('  relative_adv'));
    expect(row40).toMatch(/\+1\s+belum/);
    expect(row40).not.toContain('0.77');
  });
});

describe('wrapping', () => {
  it('breaks at spaces, keeps line breaks and cuts a word longer than the line', () => {
    expect(wrapText('satu dua tiga empat', 9)).toEqual(['satu dua', 'tiga', 'empat']);
    expect(wrapText('a\n\nb', 10)).toEqual(['a', '', 'b']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('measures columns as terminals lay them', () => {
    const cases: [string, number][] = [
      ['antre lama', 10],
      ['日本語', 6],
      ['e\u0301', 1],
      ['Café — “kata” …', 15],
      ['😀', 2],
      ['❤\ufe0f', 2],
      ['👩‍👩‍👧', 2],
      ['🇮🇩', 2],
      ['a\u200bb', 2],
      ['─│▸↓↑←→↶✓█·', 11],
    ];
    for (const [s, w] of cases) expect(stringWidth(s), s).toBe(w);
  });

  it('counts wide characters as two columns', () => {
    const lines = wrapText('日本語のテキスト', 6);
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(6);
    expect(lines.join('')).toBe('日本語のテキスト');
  });

  it('keeps the brackets with their words', () => {
    const t = 'tidak perlu naik angkot';
    const cells = toCells(t, markText(t.length, [{ start: 12, end: 23 }], []), true);
    expect(wrapCells(cells, 14).map((l) => l.map((c) => c.g).join(''))).toEqual(['tidak perlu', '[naik angkot]']);
  });
});
