import { addTally, emptyTally, type CodingTally } from '../render/coding-tally.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Planned } from '../sources/read.js';
import { outputOrder } from './run.js';
import type { SourcePass } from './source-pass.js';
import { isStreamed, type StreamedPass } from './streamed-pass.js';
import { Spool } from './spool.js';

export interface RowSink {
  write(rows: string | Uint8Array): void;
}

type Passed = SourcePass | StreamedPass;
const NO_ROWS = '';
const NO_TALLY: CodingTally = emptyTally();
/** Shared by every written pass that has nothing to say: passAll only reads them. */
const NO_DIAGNOSTICS = Object.freeze([]) as unknown as Diagnostic[];

/**
 * A written pass keeps only its head (id, path, diagnostics: passAll reports them at the end):
 * its rows and counts go, or a study of 50,000 files would keep 50,000 tallies. What is left is
 * kept to the end for every file, so it shares what it can: one empty list of diagnostics for
 * all, and the path string the plan holds already (the pass's came as a copy from its worker).
 */
function release(p: Passed, planned: Planned | undefined): void {
  if (!isStreamed(p)) return;
  p.rows = NO_ROWS;
  p.tally = NO_TALLY;
  if (p.readDiagnostics.length === 0) p.readDiagnostics = NO_DIAGNOSTICS;
  if (p.inlineDiagnostics.length === 0) p.inlineDiagnostics = NO_DIAGNOSTICS;
  if (planned && p.info.path === planned.rel) p.info.path = planned.rel;
}

/**
 * The reorder buffer: passes come in any order, each with its index in the planned files; rows
 * go out in the order the files were handed out (passAll's outputOrder), which is the order of
 * codings.csv. Of several files with one id only the first that could be read counts, as
 * claimId decides in passAll.
 */
export class OrderedRows {
  readonly tally = emptyTally();
  private order: readonly number[] = [];
  private planned: readonly Planned[] = [];
  private readonly passes = new Map<number, Passed>();
  private readonly spooled = new Map<number, { offset: number; length: number }>();
  private readonly spool = new Spool();
  private readonly claimed = new Set<string>();
  private cursor = 0;
  /** A source kept whole is next: its rows come only after the merge, so later ones are spooled. */
  private blocked = false;

  constructor(private readonly sink: RowSink) {}

  take(i: number, pass: Passed, planned: readonly Planned[]): void {
    if (this.order.length === 0) {
      this.order = outputOrder(planned);
      this.planned = planned;
    }
    this.passes.set(i, pass);
    if (this.blocked) this.setAside(i, pass);
    else this.drain();
  }

  private drain(): void {
    while (this.cursor < this.order.length) {
      const i = this.order[this.cursor]!;
      const p = this.passes.get(i);
      if (!p) return;
      if (!isStreamed(p) && this.counts(p)) {
        this.blocked = true;
        for (const [j, q] of this.passes) this.setAside(j, q);
        return;
      }
      this.emit(i, p, () => {
        throw new Error('a source kept whole was written before the merge');
      });
      this.cursor++;
    }
  }

  /** Every file passed and the whole ones merged: the rest in order. */
  finish(wholeRows: (id: string) => { rows: string; tally: CodingTally }): void {
    for (; this.cursor < this.order.length; this.cursor++) {
      const i = this.order[this.cursor]!;
      this.emit(i, this.passes.get(i)!, wholeRows);
    }
  }

  close(): void {
    this.spool.close();
  }

  /** Whether a pass is the source its id stands for (read, and the first with that id); claims the id. */
  private counts(p: Passed): boolean {
    return p.info !== undefined && !this.claimed.has(p.info.id);
  }

  private emit(i: number, p: Passed, wholeRows: (id: string) => { rows: string; tally: CodingTally }): void {
    this.passes.delete(i);
    if (!this.counts(p)) return release(p, this.planned[i]);
    this.claimed.add(p.info!.id);
    if (!isStreamed(p)) {
      const w = wholeRows(p.info!.id);
      this.sink.write(w.rows);
      addTally(this.tally, w.tally);
      return;
    }
    const at = this.spooled.get(i);
    this.sink.write(at ? this.spool.get(at) : p.rows);
    this.spooled.delete(i);
    addTally(this.tally, p.tally);
    release(p, this.planned[i]);
  }

  private setAside(i: number, p: Passed): void {
    if (!isStreamed(p) || p.rows.length === 0 || this.spooled.has(i)) return;
    this.spooled.set(i, this.spool.put(Buffer.from(p.rows)));
    p.rows = NO_ROWS;
  }
}
