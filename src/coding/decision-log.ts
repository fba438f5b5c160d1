import { createHash } from 'node:crypto';
import type { Valence } from '../model/codebook.js';
import { DECISION_OPS, type Decision, type DecisionAnchor, type DecisionOp } from '../model/decision.js';
import type { Diagnostics } from '../util/diagnostics.js';

/**
 * A coder's decision log, `codings/<coder>.decisions.jsonl`: one JSON object a line, appended to
 * by `qia review`, `qia tag` and `qia untag` and never rewritten (model/decision.ts). Read line
 * by line, so one bad line costs that line: it is a diagnostic at its line and column, and the
 * others load. A last line cut short (a crash while writing) is a warning, not an error.
 */

/** The file name of a coder's log in codings/. */
export const DECISION_LOG_SUFFIX = '.decisions.jsonl';

export function decisionLogName(coder: string): string {
  return `${coder}${DECISION_LOG_SUFFIX}`;
}

/** A decision with where it was written, for diagnostics and for `from` on the codings it makes. */
export interface LoggedDecision extends Decision {
  file: string;
  line: number;
}

export function parseDecisionLog(text: string, file: string, diags: Diagnostics): LoggedDecision[] {
  const out: LoggedDecision[] = [];
  const seqs = new Set<number>();
  const lines = text.split('\n');
  const last = lines.length - (text.endsWith('\n') ? 2 : 1);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      if (i === last && !text.endsWith('\n')) {
        diags.warn(
          'decision/truncated',
          'the last line of the decision log is cut short (qia stopped while writing it); it was left out',
          { file, line, column: 1 },
          'judge that coding again; the lines before it stand',
        );
        return;
      }
      diags.error(
        'decision/bad-line',
        `not a JSON object: ${(err as Error).message}`,
        { file, line, column: jsonColumn(err) },
        'the log is written by qia review, qia tag and qia untag; remove the line if it was edited by hand',
      );
      return;
    }
    const d = decisionOf(value, (problem) =>
      diags.error(
        'decision/bad-line',
        problem,
        { file, line, column: 1 },
        'the log is written by qia review, qia tag and qia untag; remove the line if it was edited by hand',
      ),
    );
    if (!d) return;
    if (seqs.has(d.seq)) {
      diags.warn('decision/duplicate-seq', `decision number ${d.seq} appears twice; the later line was left out`, { file, line, column: 1 });
      return;
    }
    seqs.add(d.seq);
    out.push({ ...d, file, line });
  });
  return out;
}

/** The decisions that stand: every undo cancels the decision it names (an undo can be undone), and undos themselves drop out. */
export function standing<T extends Decision>(log: readonly T[]): T[] {
  const cancelled = new Set<number>();
  for (const d of [...log].sort((a, b) => b.seq - a.seq)) {
    if (cancelled.has(d.seq)) continue;
    if (d.op === 'undo' && d.undoes !== undefined) cancelled.add(d.undoes);
  }
  return log.filter((d) => d.op !== 'undo' && !cancelled.has(d.seq)).sort((a, b) => a.seq - b.seq);
}

/** The fingerprint a decision keeps of its segment's words: white space collapsed, sha256, 16 hex digits. */
export function fingerprint(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 16);
}

/** One line of a log, as JSON. */
export function decisionLine(d: Decision): string {
  return JSON.stringify(d) + '\n';
}

function decisionOf(v: unknown, problem: (message: string) => void): Decision | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return void problem('a decision must be a JSON object');
  const o = v as Record<string, unknown>;
  if (o['v'] !== 1) return void problem(`unknown format version ${JSON.stringify(o['v'])}; this qia reads version 1`);
  const seq = o['seq'];
  if (!Number.isInteger(seq) || (seq as number) < 1) return void problem('`seq` must be a whole number from 1');
  const op = o['op'];
  if (typeof op !== 'string' || !(DECISION_OPS as readonly string[]).includes(op))
    return void problem(`unknown operation ${JSON.stringify(op)}; one of ${DECISION_OPS.join(', ')}`);
  const anchor = anchorOf(o['anchor']);
  if (!anchor) return void problem('`anchor` must name the source, the segment, its fingerprint and a line');
  const d: Decision = {
    v: 1,
    seq: seq as number,
    at: typeof o['at'] === 'string' ? o['at'] : '',
    coder: typeof o['coder'] === 'string' ? o['coder'] : '',
    op: op as DecisionOp,
    anchor,
  };
  for (const k of ['code', 'to', 'memo'] as const) {
    const x = o[k];
    if (x === undefined) continue;
    if (typeof x !== 'string' || x.trim() === '') return void problem(`\`${k}\` must be text`);
    d[k] = x;
  }
  if (o['valence'] !== undefined) {
    if (o['valence'] !== -1 && o['valence'] !== 0 && o['valence'] !== 1) return void problem('`valence` must be -1, 0 or 1');
    d.valence = o['valence'] as Valence;
  }
  if (o['undoes'] !== undefined) {
    if (!Number.isInteger(o['undoes'])) return void problem('`undoes` must be the number of a decision');
    d.undoes = o['undoes'] as number;
  }
  const needs: Partial<Record<DecisionOp, (keyof Decision)[]>> = {
    accept: ['code'],
    reject: ['code'],
    recode: ['code', 'to'],
    valence: ['code', 'valence'],
    add: ['code'],
    remove: ['code'],
    memo: ['code', 'memo'],
    undo: ['undoes'],
  };
  const missing = (needs[d.op] ?? []).filter((k) => d[k] === undefined);
  if (missing.length > 0) return void problem(`\`${d.op}\` needs ${missing.map((k) => `\`${k}\``).join(' and ')}`);
  return d;
}

function anchorOf(v: unknown): DecisionAnchor | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o['source'] !== 'string' || typeof o['segment'] !== 'string' || typeof o['fingerprint'] !== 'string' || !Number.isInteger(o['line']))
    return undefined;
  const a: DecisionAnchor = { source: o['source'], segment: o['segment'], fingerprint: o['fingerprint'], line: o['line'] as number };
  for (const k of ['quote', 'prefix', 'suffix'] as const) if (typeof o[k] === 'string') a[k] = o[k];
  return a;
}

/** JSON.parse reports "at position N" in its message; the column is N + 1. */
function jsonColumn(err: unknown): number {
  const m = /position (\d+)/.exec((err as Error).message);
  return m ? Number(m[1]) + 1 : 1;
}
