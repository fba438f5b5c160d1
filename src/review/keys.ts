import { chosen, confirmed, emptyCompletion, erased, tabbed, typed, type Completion } from './complete.js';
import { atEnd, currentCoding, type ReviewAction, type SessionState } from './session.js';
import type { CodeChoice, Valence } from './types.js';

/** A key as `readline.emitKeypressEvents` reports it, with the text it typed. */
export interface Key {
  name?: string;
  ctrl?: boolean;
  meta?: boolean;
  shift?: boolean;
  sequence?: string;
  str?: string;
}

/** What the lower part of the screen is doing: reviewing, picking a code, asking a valence, taking a memo, or help. */
export type Mode =
  | { kind: 'review' }
  | { kind: 'pick'; purpose: 'recode' | 'add'; completion: Completion }
  | { kind: 'valence'; purpose: 'recode' | 'add'; code: string; fallback: Valence }
  | { kind: 'memo'; code: string; text: string }
  | { kind: 'help' };

export interface UiState {
  readonly mode: Mode;
  /** First wrapped line of the segment shown; the renderer clamps it. */
  readonly scroll: number;
}

export const initialUi: UiState = { mode: { kind: 'review' }, scroll: 0 };

/** What a key asks the loop to do besides changing the screen's state. */
export type Command =
  { kind: 'action'; action: ReviewAction } | { kind: 'quit' } | { kind: 'redraw' } | { kind: 'no-match' } | { kind: 'refuse-empty' } | { kind: 'none' };

export interface Step {
  ui: UiState;
  command: Command;
}

const NONE: Command = { kind: 'none' };

function printable(k: Key): string | undefined {
  if (k.ctrl || k.meta) return undefined;
  const s = k.str;
  if (s === undefined || s === '') return undefined;
  // Keypress decoding hands control characters over as named keys; those are not text.
  if (/[\u0000-\u001f\u007f]/.test(s)) return undefined;
  return s;
}

function valenceOf(s: string | undefined): Valence | undefined {
  if (s === '+' || s === '=') return 1;
  if (s === '-' || s === '_') return -1;
  if (s === '0') return 0;
  return undefined;
}

const review = (ui: UiState): UiState => ({ ...ui, mode: { kind: 'review' } });

/**
 * The key map: a pure function from a key to the screen's next state and the loop's command,
 * so every binding is tested without a terminal. `page` is how many text lines a page scrolls.
 */
export function onKey(ui: UiState, s: SessionState, k: Key, codes: readonly CodeChoice[], page: number): Step {
  if (k.ctrl && k.name === 'c') return { ui, command: { kind: 'quit' } };
  if (k.ctrl && k.name === 'l') return { ui, command: { kind: 'redraw' } };
  const m = ui.mode;
  switch (m.kind) {
    case 'help':
      return { ui: review(ui), command: NONE };
    case 'pick':
      return onPickKey(ui, m, k, codes, s);
    case 'valence': {
      if (k.name === 'escape') return { ui: review(ui), command: NONE };
      const v = k.name === 'return' || k.name === 'enter' ? m.fallback : valenceOf(printable(k));
      if (v === undefined) return { ui, command: NONE };
      const action: ReviewAction = m.purpose === 'add' ? { kind: 'add', code: m.code, valence: v } : { kind: 'recode', to: m.code, valence: v };
      return { ui: review(ui), command: { kind: 'action', action } };
    }
    case 'memo': {
      if (k.name === 'escape') return { ui: review(ui), command: NONE };
      if (k.name === 'return' || k.name === 'enter') {
        if (m.text.trim() === '') return { ui: review(ui), command: { kind: 'refuse-empty' } };
        return { ui: review(ui), command: { kind: 'action', action: { kind: 'memo', memo: m.text } } };
      }
      if (k.name === 'backspace') return { ui: { ...ui, mode: { ...m, text: [...m.text].slice(0, -1).join('') } }, command: NONE };
      if (k.ctrl && k.name === 'u') return { ui: { ...ui, mode: { ...m, text: '' } }, command: NONE };
      const t = printable(k);
      return t === undefined ? { ui, command: NONE } : { ui: { ...ui, mode: { ...m, text: m.text + t } }, command: NONE };
    }
    case 'review':
      return onReviewKey(ui, s, k, page);
  }
}

function act(ui: UiState, action: ReviewAction): Step {
  return { ui, command: { kind: 'action', action } };
}

function onReviewKey(ui: UiState, s: SessionState, k: Key, page: number): Step {
  const t = printable(k);
  const scroll = (by: number): Step => ({ ui: { ...ui, scroll: Math.max(0, ui.scroll + by) }, command: NONE });
  switch (k.name) {
    case 'left':
      return act(ui, { kind: 'back' });
    case 'right':
      return act(ui, { kind: 'next' });
    case 'return':
    case 'enter':
      return atEnd(s) ? { ui, command: { kind: 'quit' } } : act(ui, { kind: 'next' });
    case 'up':
      return act(ui, { kind: 'move', by: -1 });
    case 'down':
      return act(ui, { kind: 'move', by: 1 });
    case 'pagedown':
      return scroll(Math.max(1, page - 1));
    case 'pageup':
      return scroll(-Math.max(1, page - 1));
    case 'space':
      return act(ui, { kind: 'skip' });
    default:
      break;
  }
  const v = valenceOf(t);
  if (v !== undefined) return act(ui, { kind: 'valence', valence: v });
  switch (t) {
    case 'y':
      return act(ui, { kind: 'accept' });
    case 'n':
      return act(ui, { kind: 'reject' });
    case 'v':
      return act(ui, { kind: 'flip' });
    case 's':
      return act(ui, { kind: 'skip' });
    case 'u':
      return act(ui, { kind: 'undo' });
    case 'b':
      return act(ui, { kind: 'back' });
    case 'j':
      return scroll(1);
    case 'k':
      return scroll(-1);
    case 'q':
      return { ui, command: { kind: 'quit' } };
    case '?':
      return { ui: { ...ui, mode: { kind: 'help' } }, command: NONE };
    case 'c': {
      const p = currentCoding(s);
      // Let the session refuse (no coding, a manual one) before the picker opens for nothing.
      if (!p || p.status === 'manual' || atEnd(s)) return act(ui, { kind: 'recode', to: p?.shown ?? '' });
      return { ui: { ...ui, mode: { kind: 'pick', purpose: 'recode', completion: emptyCompletion } }, command: NONE };
    }
    case 'a':
      if (atEnd(s)) return act(ui, { kind: 'add', code: '', valence: 0 });
      return { ui: { ...ui, mode: { kind: 'pick', purpose: 'add', completion: emptyCompletion } }, command: NONE };
    case 'm': {
      const p = currentCoding(s);
      if (!p || atEnd(s)) return act(ui, { kind: 'memo', memo: '' });
      return { ui: { ...ui, mode: { kind: 'memo', code: p.code, text: p.memo ?? '' } }, command: NONE };
    }
    default:
      return { ui, command: NONE };
  }
}

function onPickKey(ui: UiState, m: Extract<Mode, { kind: 'pick' }>, k: Key, codes: readonly CodeChoice[], s: SessionState): Step {
  const withCompletion = (completion: Completion): Step => ({ ui: { ...ui, mode: { ...m, completion } }, command: NONE });
  switch (k.name) {
    case 'escape':
      return { ui: review(ui), command: NONE };
    case 'tab':
      return withCompletion(tabbed(m.completion, codes));
    case 'up':
      return withCompletion(chosen(m.completion, codes, -1));
    case 'down':
      return withCompletion(chosen(m.completion, codes, 1));
    case 'backspace':
      return withCompletion(erased(m.completion));
    case 'return':
    case 'enter': {
      const c = confirmed(m.completion, codes);
      if (!c) return { ui, command: { kind: 'no-match' } };
      const p = currentCoding(s);
      const fallback: Valence = m.purpose === 'recode' && p ? p.valence : 0;
      return { ui: { ...ui, mode: { kind: 'valence', purpose: m.purpose, code: c.id, fallback } }, command: NONE };
    }
    default:
      break;
  }
  if (k.ctrl && k.name === 'u') return withCompletion(emptyCompletion);
  const t = printable(k);
  return t === undefined ? { ui, command: NONE } : withCompletion(typed(m.completion, t));
}
