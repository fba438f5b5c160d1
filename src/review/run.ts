import { emitKeypressEvents, type Interface } from 'node:readline';
import { fill, labels, valenceText, type Labels } from './i18n.js';
import { initialUi, onKey, type Key, type UiState } from './keys.js';
import { assertInteractive } from './refuse.js';
import { renderFrame, type Message } from './render.js';
import { applyRecorded, decide, decidedCount, startSession, type ReviewAction, type SessionState } from './session.js';
import { openTerminal } from './terminal.js';
import type { DecisionDraft, ReviewOptions, ReviewResult } from './types.js';

type Signal = NonNullable<ReviewResult['signal']>;
const SIGNALS: readonly Signal[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

// A lone Esc is told from the start of an arrow key's sequence by a pause; readline's default
// of half a second makes Esc feel stuck, and a terminal sends a sequence's bytes together.
const ESCAPE_TIMEOUT_MS = 50;

function doneText(L: Labels, d: DecisionDraft, seq: number): string {
  let text = fill(L.done[d.op], {
    seq,
    code: d.code ?? '',
    to: d.to ?? '',
    v: d.valence === undefined ? '' : valenceText(d.valence),
    undoes: d.undoes ?? '',
  });
  if (d.op === 'recode' && d.valence !== undefined) text += ` ${valenceText(d.valence)}`;
  return text;
}

/**
 * The review loop: one segment at a time, one key at a time, every decision appended to the
 * log through `record` before the screen moves on. Keys are handled strictly in order, so a
 * burst of typed keys never races a write. Resolves with where the review stopped; the
 * terminal is restored on every way out, a thrown error and a signal included.
 */
export function runReview(opts: ReviewOptions): Promise<ReviewResult> {
  const io = opts.io ?? { input: process.stdin, output: process.stdout };
  try {
    assertInteractive(io);
  } catch (err) {
    // A rejection, like every other failure of the loop, so `.catch` and `await` both see it.
    return Promise.reject(err);
  }
  if (opts.items.length === 0) return Promise.resolve({ decided: 0, quitAt: 0 });
  const L = labels(opts.lang);

  return new Promise<ReviewResult>((resolve, reject) => {
    let session: SessionState = startSession(opts.items, opts.startAt);
    let ui: UiState = initialUi;
    // A warning printed before the full screen opened would vanish under it: it shows here.
    let message: Message | undefined = opts.notice ? { text: opts.notice, tone: 'warn' } : undefined;
    let page = 1;
    let finished = false;
    let busy = false;
    const queue: Key[] = [];

    // Of the interface it is handed, emitKeypressEvents reads the escape timeout (and marks
    // pastes on it); a whole readline Interface would also take over the input's line editing.
    emitKeypressEvents(io.input, { escapeCodeTimeout: ESCAPE_TIMEOUT_MS } as unknown as Interface);
    const term = openTerminal(io);

    const draw = (full = false) => {
      const frame = renderFrame({
        session,
        ui,
        codes: opts.codes,
        labels: L,
        coder: opts.coder,
        color: opts.color,
        cols: term.cols(),
        rows: term.rows(),
        ...(message ? { message } : {}),
      });
      page = frame.page;
      if (frame.scroll !== ui.scroll) ui = { ...ui, scroll: frame.scroll };
      term.draw(frame.lines, full);
    };

    const act = async (a: ReviewAction) => {
      const from = session.index;
      const o = decide(session, a);
      if (o.kind === 'refuse') {
        message = { text: fill(L.refused[o.refusal.reason], { code: o.refusal.code ?? '' }), tone: 'warn' };
      } else if (o.kind === 'move') {
        session = o.state;
        message = undefined;
      } else {
        const seq = await opts.record(o.draft);
        session = applyRecorded(session, o.draft, seq);
        message = { text: doneText(L, o.draft, seq), tone: 'ok' };
      }
      if (session.index !== from) ui = { ...ui, scroll: 0 };
    };

    /** Returns true when the loop should end. */
    const handle = async (k: Key): Promise<boolean> => {
      const step = onKey(ui, session, k, opts.codes, page);
      ui = step.ui;
      const c = step.command;
      switch (c.kind) {
        case 'quit':
          return true;
        case 'redraw':
          draw(true);
          return false;
        case 'no-match':
          message = { text: L.noMatch, tone: 'warn' };
          return false;
        case 'refuse-empty':
          message = { text: L.refused['empty-memo'], tone: 'warn' };
          return false;
        case 'action':
          await act(c.action);
          return false;
        case 'none':
          return false;
      }
    };

    const pump = async () => {
      if (busy || finished) return;
      busy = true;
      try {
        while (queue.length > 0 && !finished) {
          if (await handle(queue.shift()!)) {
            finish();
            return;
          }
          if (queue.length === 0) draw();
        }
      } catch (err) {
        finish(err);
      } finally {
        busy = false;
      }
    };

    const onKeypress = (str: string | undefined, key: Omit<Key, 'str'> | undefined) => {
      queue.push({ ...(key ?? {}), ...(str === undefined ? {} : { str }) });
      void pump();
    };
    const onResize = () => {
      try {
        draw(true);
      } catch (err) {
        finish(err);
      }
    };
    const onSignal = (signal: Signal) => finish(undefined, signal);
    // The terminal went away under the loop (a closed window's input ends): stop where it stood.
    const onEnd = () => finish();
    const onError = (err: unknown) => finish(err);
    const signalHandlers = SIGNALS.map((s) => [s, () => onSignal(s)] as const);
    // Last resort: whatever ends the process (an uncaught error elsewhere) leaves the shell usable.
    const onExit = () => term.close();

    function finish(err?: unknown, signal?: Signal) {
      if (finished) return;
      finished = true;
      io.input.off('keypress', onKeypress);
      io.input.off('end', onEnd);
      io.input.off('error', onError);
      io.output.off('error', onError);
      io.output.off('resize', onResize);
      for (const [s, h] of signalHandlers) process.off(s, h);
      process.off('exit', onExit);
      term.close();
      if (err !== undefined) reject(err);
      else resolve({ decided: decidedCount(session), quitAt: session.index, ...(signal ? { signal } : {}) });
    }

    io.input.on('keypress', onKeypress);
    io.input.on('end', onEnd);
    io.input.on('error', onError);
    io.output.on('error', onError);
    io.output.on('resize', onResize);
    for (const [s, h] of signalHandlers) process.on(s, h);
    process.on('exit', onExit);
    try {
      draw(true);
    } catch (err) {
      finish(err);
    }
  });
}
