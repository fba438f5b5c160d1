import type { Coding } from '../model/coding.js';
import type { Informant } from '../model/informant.js';
import type { Lookup } from '../util/lookup.js';
import type { CodedSegment } from '../model/segment.js';
import type { SourceInfo } from '../model/source.js';
import { lineAt } from '../segment/lines.js';
import { CSV_EOL, csvRecord, csvRecordsFast, csvStart, fieldOf, type CsvDialect, type CsvRow } from './csv-write.js';
import { formatValence } from '../coding/valence.js';

/** A coding with what a researcher needs beside it: who said it, in which kind of source, on which line. */
export interface CodingRow {
  segment: string;
  source: string;
  informant: string;
  role: string;
  group: string;
  kind: string;
  line: number;
  code: string;
  valence: '+' | '-' | '0';
  coder: string;
  origin: string;
  /** auto (not reviewed), accepted, changed, rejected, manual. */
  status: string;
  start: number;
  end: number;
  quote: string;
  /** Rule ids that fired, `;`-separated, in order of first match. */
  rules: string;
  memo: string;
  /** The automatic coder's confidence in [0, 1] (src/coding/decide.ts); empty for a person's coding. */
  score: string;
}

export const CODING_COLUMNS: readonly (keyof CodingRow)[] = [
  'segment',
  'source',
  'informant',
  'role',
  'group',
  'kind',
  'line',
  'code',
  'valence',
  'coder',
  'origin',
  'status',
  'start',
  'end',
  'quote',
  'rules',
  'memo',
  'score',
];

/** Looks up segments, sources and informants once, then describes codings cheaply. */
export class RowMaker {
  private readonly sources = new Map<string, SourceInfo>();
  private readonly segments = new Map<string, CodedSegment>();

  private readonly informants: Lookup<Informant>;

  /** `informants` may come as a lookup by id, made once: a worker makes a RowMaker for every source. */
  constructor(data: { sources: Iterable<SourceInfo>; segments: Iterable<CodedSegment>; informants: Iterable<Informant> | Lookup<Informant> }) {
    for (const s of data.sources) this.sources.set(s.id, s);
    for (const s of data.segments) this.segments.set(s.id, s);
    this.informants = 'get' in data.informants ? data.informants : informantsById(data.informants);
  }

  segment(id: string): CodedSegment | undefined {
    return this.segments.get(id);
  }

  source(id: string): SourceInfo | undefined {
    return this.sources.get(id);
  }

  /** The informant who said a segment: the turn's speaker, else the source's one informant. */
  informantOf(seg: CodedSegment | undefined, src: SourceInfo | undefined): Informant | undefined {
    const id = seg?.informant ?? (seg?.interviewer ? undefined : src?.informant);
    return id === undefined ? undefined : this.informants.get(id);
  }

  /** 1-based line in the file of an offset of the source's text. */
  lineOf(src: SourceInfo | undefined, offset: number): number {
    return src ? lineAt(src, offset) : 0;
  }

  /** The role column of a coding's row, without the rest of the row. */
  roleOf(c: Coding): string {
    const seg = this.segments.get(c.segmentId);
    const src = this.sources.get(c.sourceId);
    return roleColumn(this.informantOf(seg, src), seg, src);
  }

  /** Rows made one at a time as they are read: a large study's rows are never all in memory. */
  *rows(codings: Iterable<Coding>): Iterable<CodingRow> {
    for (const c of codings) yield this.row(c);
  }

  /**
   * A coding's row as CSV cells in CODING_COLUMNS' order, without the row object in between:
   * what `cells(row(c))` gives, made once per coding of a large study.
   */
  csvCells(c: Coding): CsvRow {
    const seg = this.segments.get(c.segmentId);
    const src = this.sources.get(c.sourceId);
    const inf = this.informantOf(seg, src);
    return [
      c.segmentId,
      c.sourceId,
      inf?.id ?? (seg?.interviewer ? 'interviewer' : ''),
      roleColumn(inf, seg, src),
      inf?.group ?? src?.group ?? '',
      src?.kind ?? '',
      this.lineOf(src, c.span.start),
      c.code,
      formatValence(c.valence),
      c.coder,
      c.origin,
      c.status,
      c.span.start,
      c.span.end,
      c.quote,
      ruleIds(c),
      c.memo ?? '',
      c.origin === 'rule' ? c.score.toFixed(2) : '',
    ];
  }

  row(c: Coding): CodingRow {
    const seg = this.segments.get(c.segmentId);
    const src = this.sources.get(c.sourceId);
    const inf = this.informantOf(seg, src);
    return {
      segment: c.segmentId,
      source: c.sourceId,
      informant: inf?.id ?? (seg?.interviewer ? 'interviewer' : ''),
      role: roleColumn(inf, seg, src),
      group: inf?.group ?? src?.group ?? '',
      kind: src?.kind ?? '',
      line: this.lineOf(src, c.span.start),
      code: c.code,
      valence: formatValence(c.valence),
      coder: c.coder,
      origin: c.origin,
      status: c.status,
      start: c.span.start,
      end: c.span.end,
      quote: c.quote,
      rules: ruleIds(c),
      memo: c.memo ?? '',
      score: c.origin === 'rule' ? c.score.toFixed(2) : '',
    };
  }
}

export function informantsById(informants: Iterable<Informant>): Map<string, Informant> {
  const m = new Map<string, Informant>();
  for (const i of informants) m.set(i.id, i);
  return m;
}

/** A coding's role: its informant's, else `interviewer` for an interviewer turn, else the source's. */
function roleColumn(inf: Informant | undefined, seg: CodedSegment | undefined, src: SourceInfo | undefined): string {
  return inf?.role ?? (seg?.interviewer ? 'interviewer' : (src?.role ?? ''));
}

export function ruleIds(c: Coding): string {
  if (c.matches.length === 0) return '';
  if (c.matches.length === 1) return c.matches[0]!.ruleId;
  return [...new Set(c.matches.map((m) => m.ruleId))].join(';');
}

/**
 * One row of codings.csv as CSV cells. line, start and end are numbers and written as numbers;
 * every other column is text and goes through the formula guard (csv-write.ts): a source file
 * named `=HYPERLINK(1).md`, a coder `@coder` or a quote starting with `-` cannot run in a
 * spreadsheet. Valence stays `+`/`-`: a lone sign is no formula.
 */
function cells(r: CodingRow): CsvRow {
  return CODING_COLUMNS.map((k) => r[k]);
}

/** One line of codings.csv. */
export function codingCsvLine(r: CodingRow, dialect: CsvDialect = {}): string {
  return csvRecord(cells(r), dialect);
}

// Rows are turned into CSV this many at a time: one csv-stringify call per batch, not per row.
const BATCH = 512;

/** codings.csv in pieces of a few hundred lines: a large study's file is never one string in memory. */
export function* codingsCsvPieces(rows: Iterable<CodingRow>, dialect: CsvDialect = {}): Iterable<string> {
  yield csvStart(dialect) + csvRecord(CODING_COLUMNS, dialect);
  let batch: CsvRow[] = [];
  for (const r of rows) {
    batch.push(cells(r));
    if (batch.length === BATCH) {
      yield csvRecordsFast(batch, dialect);
      batch = [];
    }
  }
  if (batch.length > 0) yield csvRecordsFast(batch, dialect);
}

/**
 * codings.csv as UTF-8 bytes, in chunks of about a megabyte: each piece is encoded straight into
 * the chunk, where joined string pieces had to be flattened and then encoded again (about half
 * the time of writing the file for a large study). Each chunk is a new buffer, so a consumer may
 * keep it.
 */
export function* codingsCsvChunks(rows: Iterable<CodingRow>, dialect: CsvDialect = {}): Iterable<Uint8Array> {
  const CHUNK = 1 << 20;
  let buf = Buffer.allocUnsafe(CHUNK);
  let n = 0;
  for (const piece of codingsCsvPieces(rows, dialect)) {
    // Three bytes per UTF-16 code unit is the most UTF-8 needs.
    if (n + piece.length * 3 > buf.length) {
      if (n > 0) yield buf.subarray(0, n);
      buf = Buffer.allocUnsafe(Math.max(CHUNK, piece.length * 3));
      n = 0;
    }
    n += buf.write(piece, n);
  }
  if (n > 0) yield buf.subarray(0, n);
}

/** The first bytes of codings.csv: the BOM under `--excel`, and the header. */
export function codingsCsvHead(dialect: CsvDialect = {}): Uint8Array {
  return ownBytes(csvStart(dialect) + csvRecord(CODING_COLUMNS, dialect));
}

/**
 * Rows of codings.csv, without header: the same text codingsCsvChunks makes for these rows, as
 * CSV records do not depend on their neighbours. Text, not bytes: a worker's string reaches the
 * main thread as a copy in that thread's heap, collected there, where a buffer made in one
 * thread and freed in another left the C allocator's per-thread pools holding memory that grew
 * with the run (peak 607 MB on 1 GB of transcripts with buffers).
 */
export function codingsCsvRun(codings: Iterable<Coding>, maker: RowMaker, dialect: CsvDialect = {}): string {
  const w = new CodingLineWriter(maker, dialect);
  const lines: string[] = [];
  for (const c of codings) lines.push(w.line(c));
  if (lines.length === 0) return '';
  lines.push('');
  return lines.join(CSV_EOL);
}

/**
 * Lines of codings.csv (without their CRLF) written straight from codings: the bytes
 * `csvRecordsFast(codings.map(csvCells))` gives (test/render/coding-line-writer.test.ts), for a
 * fraction of its work. A segment's codings share the first six cells (segment, source,
 * informant, role, group, kind), written once per segment; the code, valence, coder, origin,
 * status and rule-id cells come from a small set and are quoted once each; only the line, the
 * offsets, the quote, the memo and the score are written per coding. (Each coding's 18 cells
 * went through the one-cell writer, and they were an eighth of a worker's time at 100 MB.)
 */
export class CodingLineWriter {
  private readonly delimiter: string;
  private readonly excel: boolean;
  private headSegment: string | undefined;
  private headSource: string | undefined;
  private head = '';
  private readonly quoted = new Map<string, string>();

  constructor(
    private readonly maker: RowMaker,
    dialect: CsvDialect = {},
  ) {
    this.excel = dialect.excel === true;
    this.delimiter = this.excel ? ';' : ',';
  }

  line(c: Coding): string {
    const d = this.delimiter;
    if (c.segmentId !== this.headSegment || c.sourceId !== this.headSource) {
      this.head = this.headOf(c);
      this.headSegment = c.segmentId;
      this.headSource = c.sourceId;
    }
    const src = this.maker.source(c.sourceId);
    return (
      this.head +
      this.number(this.maker.lineOf(src, c.span.start)) +
      d +
      this.small(c.code) +
      d +
      formatValence(c.valence) +
      d +
      this.small(c.coder) +
      d +
      this.small(c.origin) +
      d +
      this.small(c.status) +
      d +
      this.number(c.span.start) +
      d +
      this.number(c.span.end) +
      d +
      fieldOf(c.quote, d, this.excel) +
      d +
      this.small(ruleIds(c)) +
      d +
      (c.memo === undefined || c.memo === '' ? '' : fieldOf(c.memo, d, this.excel)) +
      d +
      (c.origin === 'rule' ? fieldOf(c.score.toFixed(2), d, this.excel) : '')
    );
  }

  /** The first six cells and the separator after them, as csvCells gives them. */
  private headOf(c: Coding): string {
    const cells = this.maker.csvCells(c);
    let out = '';
    for (let i = 0; i < 6; i++) out += fieldOf(cells[i], this.delimiter, this.excel) + this.delimiter;
    return out;
  }

  private number(n: number): string {
    return this.excel ? fieldOf(n, this.delimiter, true) : String(n);
  }

  /** A cell from a small set (codes, coders, statuses, rule ids), quoted once. */
  private small(s: string): string {
    let q = this.quoted.get(s);
    if (q === undefined) {
      q = fieldOf(s, this.delimiter, this.excel);
      if (this.quoted.size < 4096) this.quoted.set(s, q);
    }
    return q;
  }
}

function ownBytes(text: string): Uint8Array {
  const out = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  out.write(text);
  return out;
}

export function codingsCsv(rows: Iterable<CodingRow>, dialect: CsvDialect = {}): string {
  return [...codingsCsvPieces(rows, dialect)].join('');
}

/** The JSON form `qia code --format json` prints: the row plus the spans behind it. */
export function codingJson(c: Coding, r: CodingRow): Record<string, unknown> {
  const o: Record<string, unknown> = {
    segmentId: c.segmentId,
    sourceId: c.sourceId,
    informant: r.informant || null,
    role: r.role || null,
    kind: r.kind,
    line: r.line,
    code: c.code,
    valence: c.valence,
    coder: c.coder,
    origin: c.origin,
    status: c.status,
    start: c.span.start,
    end: c.span.end,
    quote: c.quote,
    prefix: c.prefix,
    suffix: c.suffix,
    score: c.score,
    matches: c.matches.map((m) => ({ rule: m.ruleId, start: m.span.start, end: m.span.end, text: m.text })),
    cues: c.cues.map((m) => ({ rule: m.ruleId, start: m.span.start, end: m.span.end, text: m.text })),
  };
  if (c.memo) o['memo'] = c.memo;
  if (c.from) o['from'] = c.from;
  if (c.reviewer !== undefined) o['reviewer'] = c.reviewer;
  if (c.proposed) o['proposed'] = c.proposed;
  if (c.replaces) o['replaces'] = c.replaces;
  return o;
}
