import { describe, expect, it } from 'vitest';
import { candidates, chosen, confirmed, emptyCompletion, tabbed, typed } from '../../src/review/complete.js';
import { initialUi, onKey, type Key, type UiState } from '../../src/review/keys.js';
import { startSession } from '../../src/review/session.js';
import type { CodeChoice } from '../../src/review/types.js';
import { item, proposal, threeItems } from './items.js';

const CODES: CodeChoice[] = [
  { id: 'complexity', label: 'Kerumitan', group: 'attribute' },
  { id: 'complexity.ease_of_use', label: 'Kemudahan penggunaan', group: 'attribute' },
  { id: 'complexity.skills', label: 'Keterampilan yang dibutuhkan', group: 'attribute' },
  { id: 'observability', label: 'Kemudahan diamati', group: 'attribute' },
  { id: 'obstacle_internal.server_system', label: 'Server dan sistem', group: 'obstacle' },
];

const ch = (s: string): Key => ({ str: s, sequence: s, ...(/^[a-z0-9]$/.test(s) ? { name: s } : {}) });
const named = (name: string, more: Partial<Key> = {}): Key => ({ name, ...more });

describe('code completion', () => {
  it('filters by id or label substring, ids starting with the query first', () => {
    expect(candidates(CODES, 'mudah').map((c) => c.id)).toEqual(['complexity.ease_of_use', 'observability']);
    expect(candidates(CODES, 'COMPLEXITY.').map((c) => c.id)).toEqual(['complexity.ease_of_use', 'complexity.skills']);
    expect(candidates(CODES, 'skill').map((c) => c.id)).toEqual(['complexity.skills']);
    expect(candidates(CODES, '')).toHaveLength(CODES.length);
    // A word's start beats the middle of one: "serv" is in obSERVability too.
    expect(candidates(CODES, 'serv').map((c) => c.id)).toEqual(['obstacle_internal.server_system', 'observability']);
    expect(candidates(CODES, 'dibutuh').map((c) => c.id)).toEqual(['complexity.skills']);
  });

  it('Tab extends to what the matching ids share, then takes the chosen one', () => {
    let c = typed(emptyCompletion, 'comp');
    c = tabbed(c, CODES);
    expect(c.query).toBe('complexity');
    // Nothing shared to add: Tab takes the chosen match (arrows choose it).
    c = tabbed(typed(c, '.'), CODES);
    expect(c.query).toBe('complexity.ease_of_use');
    c = tabbed(chosen(typed(emptyCompletion, 'complexity.'), CODES, 1), CODES);
    expect(c.query).toBe('complexity.skills');
    expect(tabbed(typed(emptyCompletion, 'server'), CODES).query).toBe('obstacle_internal.server_system');
  });

  it('Enter takes an exact id, else the chosen match, else nothing', () => {
    expect(confirmed({ query: 'complexity', selected: 2 }, CODES)?.id).toBe('complexity');
    expect(confirmed({ query: 'mudah', selected: 1 }, CODES)?.id).toBe('observability');
    expect(confirmed({ query: 'zzz', selected: 0 }, CODES)).toBeUndefined();
  });
});

describe('key map', () => {
  const s = startSession(threeItems());
  const press = (ui: UiState, ...keys: Key[]) => {
    let u = ui;
    let last;
    for (const k of keys) {
      last = onKey(u, s, k, CODES, 10);
      u = last.ui;
    }
    return last!;
  };

  it('maps the review keys to actions', () => {
    const cases: [Key, unknown][] = [
      [ch('y'), { kind: 'accept' }],
      [ch('n'), { kind: 'reject' }],
      [ch('v'), { kind: 'flip' }],
      [ch('+'), { kind: 'valence', valence: 1 }],
      [ch('-'), { kind: 'valence', valence: -1 }],
      [ch('0'), { kind: 'valence', valence: 0 }],
      [ch('s'), { kind: 'skip' }],
      [named('space', { str: ' ' }), { kind: 'skip' }],
      [ch('u'), { kind: 'undo' }],
      [ch('b'), { kind: 'back' }],
      [named('left'), { kind: 'back' }],
      [named('right'), { kind: 'next' }],
      [named('return', { str: '\r' }), { kind: 'next' }],
      [named('down'), { kind: 'move', by: 1 }],
    ];
    for (const [k, action] of cases) expect(onKey(initialUi, s, k, CODES, 10).command, JSON.stringify(k)).toEqual({ kind: 'action', action });
    expect(onKey(initialUi, s, ch('q'), CODES, 10).command).toEqual({ kind: 'quit' });
    expect(onKey(initialUi, s, named('c', { ctrl: true }), CODES, 10).command).toEqual({ kind: 'quit' });
  });

  it('j/k and PgDn/PgUp scroll the text', () => {
    expect(press(initialUi, ch('j'), ch('j')).ui.scroll).toBe(2);
    expect(press(initialUi, named('pagedown')).ui.scroll).toBe(9);
    expect(press(initialUi, named('pagedown'), ch('k')).ui.scroll).toBe(8);
    expect(press(initialUi, ch('k')).ui.scroll).toBe(0);
  });

  it('c opens the picker: typing filters, Tab completes, Enter asks the valence, Enter keeps it', () => {
    const step = press(initialUi, ch('c'), ...'server'.split('').map(ch), named('tab'), named('return'));
    expect(step.ui.mode).toEqual({ kind: 'valence', purpose: 'recode', code: 'obstacle_internal.server_system', fallback: -1 });
    const done = onKey(step.ui, s, named('return'), CODES, 10);
    expect(done.command).toEqual({ kind: 'action', action: { kind: 'recode', to: 'obstacle_internal.server_system', valence: -1 } });
    expect(done.ui.mode.kind).toBe('review');
  });

  it('a adds with the same picker, arrows choose, and + sets the valence', () => {
    const step = press(initialUi, ch('a'), ...'mudah'.split('').map(ch), named('down'), named('return'), ch('+'));
    expect(step.command).toEqual({ kind: 'action', action: { kind: 'add', code: 'observability', valence: 1 } });
  });

  it('Esc cancels the picker, the valence question and the memo', () => {
    expect(press(initialUi, ch('c'), ch('x'), named('escape')).ui.mode.kind).toBe('review');
    expect(press(initialUi, ch('a'), named('return'), named('escape')).ui.mode.kind).toBe('review');
    expect(press(initialUi, ch('m'), ch('x'), named('escape')).command).toEqual({ kind: 'none' });
  });

  it('Enter in the picker with nothing matching says so and stays', () => {
    const step = press(initialUi, ch('c'), ch('z'), ch('z'), named('return'));
    expect(step.command).toEqual({ kind: 'no-match' });
    expect(step.ui.mode.kind).toBe('pick');
  });

  it('m takes a line of text, with backspace and Ctrl-U, and Enter records it', () => {
    const step = press(initialUi, ch('m'), ...'cek  lagi'.split('').map(ch), named('backspace'), ch('I'), named('return'));
    expect(step.command).toEqual({ kind: 'action', action: { kind: 'memo', memo: 'cek  lagI' } });
    expect(press(initialUi, ch('m'), ch('x'), named('u', { ctrl: true }), named('return')).command).toEqual({ kind: 'refuse-empty' });
  });

  it('c on a segment without codings or on a manual coding goes to the session, which refuses', () => {
    const none = startSession([item('x:1', [])]);
    expect(onKey(initialUi, none, ch('c'), CODES, 10).command).toMatchObject({ kind: 'action', action: { kind: 'recode' } });
    const manual = startSession([item('x:1', [proposal('complexity', 1, { status: 'manual', origin: 'inline' })])]);
    expect(onKey(initialUi, manual, ch('c'), CODES, 10).ui.mode.kind).toBe('review');
  });

  it('? shows help and any key closes it', () => {
    const help = onKey(initialUi, s, ch('?'), CODES, 10).ui;
    expect(help.mode.kind).toBe('help');
    expect(onKey(help, s, ch('y'), CODES, 10)).toEqual({ ui: { ...help, mode: { kind: 'review' } }, command: { kind: 'none' } });
  });

  it('Enter on the end screen finishes', () => {
    const end = startSession(threeItems(), 3);
    expect(onKey(initialUi, end, named('return'), CODES, 10).command).toEqual({ kind: 'quit' });
  });
});
