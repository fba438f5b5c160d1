import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { decisionLine, decisionLogName } from '../coding/decision-log.js';
import type { Decision } from '../model/decision.js';

/**
 * A coder's decision log, written one line at a time and never rewritten: each decision goes to
 * the disk (fsync) before the command or the review loop moves on, so quitting, a crash or a power
 * cut loses nothing that was shown as recorded.
 */
export class DecisionLogFile {
  readonly path: string;
  private seq: number;
  /** A line cut short by a crash must not swallow the next one. */
  private endsMidLine: boolean;

  constructor(
    root: string,
    readonly coder: string,
  ) {
    this.path = join(root, 'codings', decisionLogName(coder));
    const text = read(this.path);
    this.seq = lastSeq(text);
    this.endsMidLine = text !== '' && !text.endsWith('\n');
  }

  /** Appends the decision with the next number and the time now; returns its number. */
  append(d: Omit<Decision, 'v' | 'seq' | 'at' | 'coder'>): number {
    const line: Decision = { v: 1, seq: ++this.seq, at: new Date().toISOString(), coder: this.coder, ...d };
    mkdirSync(join(this.path, '..'), { recursive: true });
    const fd = openSync(this.path, 'a');
    try {
      writeSync(fd, (this.endsMidLine ? '\n' : '') + decisionLine(line));
      this.endsMidLine = false;
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return line.seq;
  }
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** The highest decision number in a log (0 for none): numbers go on from there, whatever lines are unreadable. */
function lastSeq(text: string): number {
  let max = 0;
  for (const m of text.matchAll(/"seq":(\d+)/g)) max = Math.max(max, Number(m[1]));
  return max;
}
