import { PassThrough, Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { assertInteractive, interactiveProblem, NotInteractiveError } from '../../src/review/refuse.js';
import { runReview } from '../../src/review/run.js';
import type { DecisionDraft, ReviewIO, ReviewOptions } from '../../src/review/types.js';
import { threeItems } from './items.js';

/** A terminal made of streams: keys are written to `input`, the screen collects in `screen`. */
function fakeTerminal(cols = 80, rows = 24) {
  const modes: boolean[] = [];
  const input = Object.assign(new PassThrough(), {
    isTTY: true,
    setRawMode(mode: boolean) {
      modes.push(mode);
      return input;
    },
  });
  let screen = '';
  const output = Object.assign(
    new Writable({
      write(chunk: Buffer, _enc, done) {
        screen += chunk.toString();
        done();
      },
    }),
    { isTTY: true, columns: cols, rows },
  );
  const io = { input, output } as unknown as ReviewIO;
  return {
    io,
    modes,
    screen: () => screen,
    keys: (s: string) => input.write(s),
    resize(c: number, r: number) {
      output.columns = c;
      output.rows = r;
      output.emit('resize');
    },
  };
}

function options(io: ReviewIO, record: (d: DecisionDraft) => Promise<number>): ReviewOptions {
  return { items: threeItems(), codes: [{ id: 'complexity', label: 'Kerumitan', group: 'attribute' }], coder: 'rina', lang: 'en', record, color: false, io };
}

const LEAVE = '\u001b[?1049l';
const tick = () => new Promise((r) => setTimeout(r, 20));

let pending: Promise<unknown> | undefined;
afterEach(async () => {
  // No test may leave a loop listening for signals.
  await pending?.catch(() => undefined);
  pending = undefined;
});

describe('runReview', () => {
  it('logs each decision through record, in order, and resolves where it stopped with the terminal restored', async () => {
    const t = fakeTerminal();
    const drafts: DecisionDraft[] = [];
    const run = runReview(options(t.io, async (d) => drafts.push(d)));
    pending = run;
    t.keys('vyyu');
    await tick();
    t.keys('q');
    const r = await run;
    expect(drafts.map((d) => [d.op, d.code ?? d.undoes])).toEqual([
      ['valence', 'relative_advantage.time_saving'],
      ['accept', 'complexity.ease_of_use'],
      ['accept', 'obstacle_internal.server_system'],
      ['undo', 3],
    ]);
    expect(r).toEqual({ decided: 2, quitAt: 1 });
    expect(t.modes).toEqual([true, false]);
    expect(t.screen().endsWith(`\u001b[?25h${LEAVE}`)).toBe(true);
  });

  it('a failing record rejects the loop, after the terminal is restored', async () => {
    const t = fakeTerminal();
    const run = runReview(options(t.io, () => Promise.reject(new Error('disk full'))));
    pending = run;
    t.keys('y');
    await expect(run).rejects.toThrow('disk full');
    expect(t.modes).toEqual([true, false]);
    expect(t.screen()).toContain(LEAVE);
  });

  it('SIGTERM and SIGINT end it with the terminal restored and say which', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const t = fakeTerminal();
      const run = runReview(options(t.io, async () => 1));
      pending = run;
      await tick();
      process.emit(signal);
      expect(await run).toEqual({ decided: 0, quitAt: 0, signal });
      expect(t.screen()).toContain(LEAVE);
      expect(process.listenerCount(signal)).toBe(0);
    }
  });

  it('ends where it stood when its input ends (the terminal closed)', async () => {
    const t = fakeTerminal();
    const run = runReview(options(t.io, async () => 1));
    pending = run;
    t.keys('s');
    await tick();
    (t.io.input as unknown as PassThrough).end();
    expect(await run).toEqual({ decided: 0, quitAt: 1 });
    expect(t.screen()).toContain(LEAVE);
  });

  it('redraws the whole screen at the new size on resize', async () => {
    const t = fakeTerminal();
    const run = runReview(options(t.io, async () => 1));
    pending = run;
    await tick();
    const before = t.screen().length;
    t.resize(120, 40);
    const after = t.screen().slice(before);
    expect(after.startsWith('\u001b[2J')).toBe(true);
    expect(after).toContain('─'.repeat(120));
    expect(after).toContain('\u001b[40;1H');
    t.keys('q');
    await run;
  });

  it('with no items resolves at once without touching the terminal', async () => {
    const t = fakeTerminal();
    expect(await runReview({ ...options(t.io, async () => 1), items: [] })).toEqual({ decided: 0, quitAt: 0 });
    expect(t.screen()).toBe('');
  });

  it('refuses streams that are not terminals with exit status 2, as a rejection', async () => {
    const io = { input: new PassThrough(), output: new PassThrough() } as unknown as ReviewIO;
    const err = await runReview(options(io, async () => 1)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotInteractiveError);
    expect((err as NotInteractiveError).exitCode).toBe(2);
    expect((err as Error).message).toBe('qia review needs a terminal: stdin and stdout are not TTYs; use `qia tag` to code from scripts');
  });
});

describe('assertInteractive', () => {
  const tty = { isTTY: true };
  it('names the stream that is not a terminal', () => {
    expect(interactiveProblem({ input: {}, output: tty }, {})).toBe('qia review needs a terminal: stdin is not a TTY; use `qia tag` to code from scripts');
    expect(interactiveProblem({ input: tty, output: {} }, {})).toContain('stdout is not a TTY');
    expect(interactiveProblem({ input: tty, output: tty }, { TERM: 'dumb' })).toContain('TERM=dumb');
    expect(interactiveProblem({ input: tty, output: tty }, { TERM: 'xterm-256color' })).toBeUndefined();
    expect(() => assertInteractive({ input: {}, output: {} }, {})).toThrow(NotInteractiveError);
  });
});
