import { candidates } from './complete.js';
import type { ProposalState } from './effects.js';
import { fill, valenceText, type Labels } from './i18n.js';
import type { UiState } from './keys.js';
import { atEnd, currentCodings, decidedCount, progress, type Progress, type SessionState } from './session.js';
import type { CodeChoice, ReviewItem } from './types.js';
import { fit, painter, styledLine, type Paint, type Part, type Style } from './paint.js';
import { reasonShown } from './reason.js';
import { flatten, markText, sanitize, toCells, truncate, truncateStart, width, wrapCells, wrapText } from './wrap.js';

export interface Message {
  text: string;
  tone: 'ok' | 'warn';
}

export interface View {
  session: SessionState;
  ui: UiState;
  codes: readonly CodeChoice[];
  labels: Labels;
  coder: string;
  color: boolean;
  cols: number;
  rows: number;
  message?: Message;
}

export interface Frame {
  /** Exactly `rows` lines, none wider than `cols`. */
  lines: string[];
  /** Text lines one page scrolls. */
  page: number;
  /** The scroll offset actually used (clamped). */
  scroll: number;
}

export const MIN_COLS = 40;
export const MIN_ROWS = 12;

function valenceStyle(v: number): Style {
  return v > 0 ? 'pos' : v < 0 ? 'neg' : 'zero';
}

function statusStyle(p: ProposalState): Style | undefined {
  switch (p.status) {
    case 'accepted':
      return 'ok';
    case 'rejected':
      return 'bad';
    case 'changed':
      return 'changed';
    case 'manual':
      return 'manual';
    default:
      return undefined;
  }
}

interface Ctx {
  v: View;
  L: Labels;
  paint: Paint;
  cols: number;
  prog: Progress;
}

export function renderFrame(v: View): Frame {
  const paint = painter(v.color);
  const { cols, rows } = v;
  if (cols < MIN_COLS || rows < MIN_ROWS) {
    const lines = [fit(paint, [[fill(v.labels.tooSmall, { w: cols, h: rows })]], Math.max(1, cols))];
    return { lines: padRows(lines, rows), page: 1, scroll: 0 };
  }
  const ctx: Ctx = { v, L: v.labels, paint, cols, prog: progress(v.session) };
  if (v.ui.mode.kind === 'help') return { lines: padRows(helpScreen(ctx), rows), page: 1, scroll: v.ui.scroll };
  if (atEnd(v.session)) return { lines: padRows(endScreen(ctx), rows), page: 1, scroll: 0 };
  return reviewScreen(ctx);
}

function padRows(lines: string[], rows: number): string[] {
  const out = lines.slice(0, rows);
  while (out.length < rows) out.push('');
  return out;
}

function header(c: Ctx): string {
  const { v, L } = c;
  const s = v.session;
  const n = Math.min(s.index + 1, s.items.length);
  const parts: Part[] = [
    [' qia review · '],
    [fill(L.item, { n, total: s.items.length })],
    [' · '],
    [fill(L.proposalsDecided, { d: c.prog.decided, t: c.prog.total })],
    [' · '],
    [fill(L.coder, { c: sanitize(v.coder) })],
  ];
  return fit(c.paint, parts, c.cols, 'bar');
}

function rule(c: Ctx, title: string, right = ''): string {
  const left = `── ${title} `;
  const tail = right === '' ? '' : ` ${right} ──`;
  const dashes = Math.max(0, c.cols - width(left) - width(tail));
  return fit(c.paint, [[left + '─'.repeat(dashes) + tail, 'dim']], c.cols);
}

function metaLines(c: Ctx, item: ReviewItem): string[] {
  const { L, paint, cols } = c;
  const lines = item.endLine > item.line ? fill(L.lines, { a: item.line, b: item.endLine }) : fill(L.line, { a: item.line });
  const who = [item.informant, item.role]
    .filter((x): x is string => Boolean(x))
    .map(sanitize)
    .join(' · ');
  return [
    fit(paint, [[`${L.source}  `, 'label'], [sanitize(item.sourcePath)], [`  ${lines}`], [` (${L.kind[item.kind]})`, 'dim']], cols),
    fit(paint, [[`${L.informant}  `, 'label'], [who === '' ? '—' : who], [`   ${L.segment} ${sanitize(item.id)}`, 'dim']], cols),
  ];
}

/** Context shown around the segment: the question and the turn before lead, the turn after follows. */
function contextBlock(c: Ctx, label: string, text: string | undefined, max: number, keepEnd: boolean): string[] {
  if (!text || max <= 0) return [];
  const flat = flatten(text);
  if (flat === '') return [];
  const head = `${label}: `;
  const room = c.cols - 2;
  const wrapped = wrapText(head + flat, room);
  let shown = wrapped;
  if (wrapped.length > max) {
    if (keepEnd) {
      // The words right before the segment matter most, so a long turn is cut at its start.
      let tail = truncateStart(flat, Math.max(10, room * max - width(head) - 2));
      // Start at a word, not in the middle of one.
      const space = tail.indexOf(' ');
      if (space > 0 && space < tail.length - 1) tail = `…${tail.slice(space + 1)}`;
      shown = wrapText(head + tail, room).slice(-max);
    } else {
      shown = wrapped.slice(0, max);
      shown[max - 1] = truncate(`${shown[max - 1]!} …`, room);
    }
  }
  return shown.map((l, i) => {
    if (i === 0 && l.startsWith(head)) return fit(c.paint, [['  '], [head, 'label'], [l.slice(head.length), 'dim']], c.cols);
    return fit(c.paint, [['  '], [l, 'dim']], c.cols);
  });
}

function tally(c: Ctx, code: string): string {
  const t = c.prog.byCode.find((x) => x.code === code);
  return t ? `${t.decided}/${t.total}` : '';
}

/** Below this width a coding's row has no score column: the code needs the room. */
const SCORE_COLUMN_MIN_COLS = 60;

/** The score a coding's row shows: the proposal's own, not for a code a person added. */
function rowScore(p: ProposalState, src: ReviewItem['proposals'][number] | undefined): string {
  return !p.added && src?.score !== undefined ? src.score.toFixed(2) : '';
}

/** How many rows the coder's reason may take under the cursor's coding: more in a tall window. */
function reasonRows(rows: number): number {
  return rows >= 30 ? 4 : rows >= 20 ? 2 : 1;
}

/**
 * What shows under the cursor's coding: the rule, score and origin; the coder's reason (its
 * memo), wrapped with a hanging indent and cut with "…" when longer than its rows; the
 * reviewer's own memo.
 */
function detailLines(c: Ctx, p: ProposalState, src: ReviewItem['proposals'][number] | undefined): string[] {
  const { L, paint, cols, v } = c;
  const bits: string[] = [];
  if (src?.rule) bits.push(`${L.rule} ${sanitize(src.rule)}`);
  if (src?.score !== undefined) bits.push(`${L.score} ${src.score.toFixed(2)}${src.suggestion ? ` (${L.suggestion})` : ''}`);
  const coder = p.added ? v.coder : (src?.coder ?? '');
  // "learned by learned" says nothing twice.
  bits.push(coder === '' || coder === p.origin ? p.origin : `${p.origin} ${L.by} ${sanitize(coder)}`);
  const out = [fit(paint, [['    '], [bits.join(' · '), 'dim']], cols)];
  const reason = !p.added && src?.reason ? reasonShown(L, src.reason, src.rule) : '';
  if (reason !== '') {
    const head = `${L.reason}: `;
    const room = Math.max(8, cols - 4 - width(head));
    const max = reasonRows(v.rows);
    let lines = wrapText(reason, room);
    if (lines.length > max) {
      lines = lines.slice(0, max);
      lines[max - 1] = truncate(`${lines[max - 1]!} …`, room);
    }
    lines.forEach((l, i) => out.push(fit(paint, [[i === 0 ? '    ' : ' '.repeat(4 + width(head))], [i === 0 ? head : '', 'label'], [l]], cols)));
  }
  if (p.memo) out.push(fit(paint, [['    '], [`${L.memo}: `, 'label'], [flatten(p.memo)]], cols));
  return out;
}

/** `details`: the rows under the cursor's coding (cursorDetails), made once per frame. */
function codingLines(c: Ctx, list: readonly ProposalState[], item: ReviewItem, cursor: number, maxRows: number, details: readonly string[]): string[] {
  const { L, paint, cols, v } = c;
  if (list.length === 0) return [fit(paint, [[`  ${L.noCodings}`, 'dim']], cols)];
  const loaded = new Map(item.proposals.map((p) => [p.code, p]));
  const labelOf = new Map(v.codes.map((x) => [x.id, x.label]));
  const withScore = cols >= SCORE_COLUMN_MIN_COLS;
  const out: string[] = [];
  // When the list is longer than the room, it scrolls so the cursor's coding and its details show.
  const fitCount = Math.max(1, maxRows - details.length);
  const first = Math.max(0, Math.min(cursor - Math.floor(fitCount / 2), list.length - fitCount));
  for (let i = first; i < list.length && out.length < maxRows; i++) {
    const p = list[i]!;
    const isHere = i === cursor;
    // A code a coder typed, and a label from the codebook, are text from the study too.
    const name = sanitize(p.shown === p.code ? p.code : `${p.code} → ${p.shown}`);
    const status = L.status[p.status];
    const score = withScore ? `${rowScore(p, loaded.get(p.code)).padStart(4)} ` : '';
    const right = `${score}${valenceText(p.valence).padStart(3)}  ${status.padEnd(9)}${tally(c, p.code).padStart(7)}`;
    const room = cols - 2 - width(right) - 1;
    const rawLabel = labelOf.get(p.shown);
    const label = rawLabel === undefined ? undefined : flatten(rawLabel);
    const nameCut = truncate(name, room);
    const extra = label && width(nameCut) + 3 + width(label) <= room ? `  ${label}` : '';
    const pad = ' '.repeat(Math.max(0, room - width(nameCut) - width(extra)));
    out.push(
      fit(
        paint,
        [
          [isHere ? '▸ ' : '  ', isHere ? 'bold' : undefined],
          [nameCut, isHere ? 'bold' : undefined],
          [extra, 'dim'],
          [pad + ' '],
          [score, 'dim'],
          [valenceText(p.valence).padStart(3), valenceStyle(p.valence)],
          ['  '],
          [status.padEnd(9), statusStyle(p)],
          [tally(c, p.code).padStart(7), 'dim'],
        ],
        cols,
      ),
    );
    if (isHere) for (const d of details) if (out.length < maxRows) out.push(d);
  }
  return out;
}

/** Rows under the cursor's coding (rule line, reason, memo): they size the codings panel and end its cursor's row. */
function cursorDetails(c: Ctx, list: readonly ProposalState[], item: ReviewItem, cursor: number): string[] {
  const p = list[cursor];
  return p
    ? detailLines(
        c,
        p,
        item.proposals.find((x) => x.code === p.code),
      )
    : [];
}

function pickLines(c: Ctx, maxRows: number): string[] {
  const { v, L, paint, cols } = c;
  const m = v.ui.mode;
  if (m.kind !== 'pick') return [];
  const cur = currentCodings(v.session)[v.session.cursor];
  const title = m.purpose === 'recode' ? fill(L.pickRecode, { code: cur?.shown ?? '' }) : L.pickAdd;
  const out = [rule(c, title), fit(paint, [['> ', 'bold'], [sanitize(m.completion.query)], ['█']], cols)];
  const list = candidates(v.codes, m.completion.query);
  if (list.length === 0) out.push(fit(paint, [[`  ${L.noMatch}`, 'warn']], cols));
  const room = Math.max(1, maxRows - out.length);
  const sel = Math.min(m.completion.selected, Math.max(0, list.length - 1));
  const first = Math.max(0, Math.min(sel - room + 1, list.length - room));
  const idWidth = Math.min(36, Math.max(0, ...list.map((y) => width(y.id))));
  for (let i = Math.max(0, first); i < list.length && out.length < maxRows; i++) {
    const x = list[i]!;
    const here = i === sel;
    const parts: Part[] = [
      [here ? '▸ ' : '  ', here ? 'bold' : undefined],
      [x.id.padEnd(idWidth), here ? 'select' : undefined],
      ['  '],
      [sanitize(x.label), 'dim'],
    ];
    out.push(fit(paint, parts, cols));
  }
  return out;
}

function reviewScreen(c: Ctx): Frame {
  const { v, L, paint, cols } = c;
  const rows = v.rows;
  const s = v.session;
  const item = s.items[s.index]!;
  const list = currentCodings(s);
  const mode = v.ui.mode;

  const top = [header(c), ...metaLines(c, item)];
  const help = helpLine(c);
  const message = messageLine(c);

  // The lower panel: the codings, or the code picker in its place.
  let lower: string[];
  if (mode.kind === 'pick') {
    lower = pickLines(c, Math.max(4, Math.min(10, Math.floor(rows / 2) - 1)));
  } else {
    const details = cursorDetails(c, list, item, s.cursor);
    const maxCodings = Math.max(2, Math.min(list.length + Math.max(1, details.length), Math.floor(rows / 3)));
    // Its rule is laid once the text's scroll is known (it says what is below).
    lower = ['', ...codingLines(c, list, item, s.cursor, maxCodings, details)];
  }

  const fixed = top.length + 1 + lower.length + 2;
  const avail = Math.max(1, rows - fixed);

  const textWidth = cols - 2;
  const marks = (() => {
    const p = list[s.cursor];
    const src = p ? item.proposals.find((x) => x.code === p.code) : undefined;
    return src ? markText(item.text.length, src.matches, src.cues) : undefined;
  })();
  const wrapped = wrapCells(toCells(sanitize(item.text), marks, !v.color), textWidth);

  // Context gets up to two lines each, then gives way so the segment keeps at least
  // six lines (or all it needs) before anything of it is hidden.
  const sameAsQuestion = item.before && item.question && flatten(item.before) === flatten(item.question);
  const wants = [item.question ? 2 : 0, item.before && !sameAsQuestion ? 2 : 0, item.after ? 2 : 0];
  const needText = Math.min(wrapped.length, 6);
  const order = [2, 1, 0];
  for (const k of order) {
    while (wants[k]! > 0 && wants.reduce((a, b) => a + b, 0) + needText > avail) wants[k]!--;
  }
  const q = contextBlock(c, L.question, item.question, wants[0]!, false);
  const b = sameAsQuestion ? [] : contextBlock(c, L.before, item.before, wants[1]!, true);
  const a = contextBlock(c, L.after, item.after, wants[2]!, false);
  const textRows = Math.max(1, avail - q.length - b.length - a.length);
  const maxScroll = Math.max(0, wrapped.length - textRows);
  const scroll = Math.min(v.ui.scroll, maxScroll);
  const gutter = paint('dim', '│') + ' ';
  const textLines = wrapped.slice(scroll, scroll + textRows).map((l) => styledLine(paint, l, gutter));
  // The turn after follows the segment directly; the free rows go below it.
  const free = textRows - textLines.length;

  // Where the text goes on: "↑" on the rule above it, "↓" on the rule of the codings below.
  const below = Math.max(0, wrapped.length - scroll - textRows);
  const up = scroll > 0 ? L.moreAbove : '';
  const down = below > 0 ? fill(L.moreBelow, { n: below }) : '';
  const aboveNote = mode.kind === 'pick' ? [up, down].filter(Boolean).join('  ') : up;
  const sep = aboveNote === '' ? fit(paint, [['─'.repeat(cols), 'dim']], cols) : rule(c, aboveNote);
  if (mode.kind !== 'pick') lower[0] = rule(c, down === '' ? L.codings : `${L.codings} · ${down}`, L.perCode);

  const lines = [...top, sep, ...q, ...b, ...textLines, ...a, ...Array<string>(free).fill(''), ...lower, message, help];
  return { lines: padRows(lines, rows), page: textRows, scroll };
}

function messageLine(c: Ctx): string {
  const { v, L, paint, cols } = c;
  const m = v.ui.mode;
  if (m.kind === 'valence') return fit(paint, [[fill(L.valencePrompt, { code: m.code, v: valenceText(m.fallback) }), 'warn']], cols);
  if (m.kind === 'memo') {
    const prompt = fill(L.memoPrompt, { code: m.code });
    const room = cols - width(prompt) - 1;
    return fit(paint, [[prompt, 'label'], [truncateStart(sanitize(m.text), Math.max(1, room))], ['█']], cols);
  }
  if (!v.message) return '';
  return fit(paint, [[sanitize(v.message.text), v.message.tone === 'ok' ? 'ok' : 'warn']], cols);
}

function helpLine(c: Ctx): string {
  const { v, L, paint, cols } = c;
  const m = v.ui.mode;
  let text: string;
  if (m.kind === 'pick') text = L.pickHelp;
  else if (m.kind === 'valence') text = fill(L.valenceHelp, { v: valenceText(m.fallback) });
  else if (m.kind === 'memo') text = L.memoHelp;
  else text = [L.keysLong, L.keysMid, L.keysShort].find((t) => width(t) <= cols) ?? L.keysShort;
  return fit(paint, [[text, 'dim']], cols);
}

function progressLines(c: Ctx, maxRows: number): string[] {
  const { paint, cols } = c;
  const list = c.prog.byCode;
  if (list.length === 0 || maxRows <= 0) return [];
  const idw = Math.min(40, Math.max(...list.map((x) => width(x.code))));
  const cell = idw + 8;
  const perRow = Math.max(1, Math.floor((cols - 2) / cell));
  const out: string[] = [];
  for (let i = 0; i < list.length && out.length < maxRows; i += perRow) {
    const parts: Part[] = [['  ']];
    for (const x of list.slice(i, i + perRow)) {
      parts.push([truncate(x.code, idw).padEnd(idw)], [`${x.decided}/${x.total}`.padStart(6), x.decided === x.total ? 'ok' : 'dim'], ['  ']);
    }
    out.push(fit(paint, parts, cols));
  }
  return out;
}

function helpScreen(c: Ctx): string[] {
  const { L, paint, cols, v } = c;
  const keyw = Math.max(...L.keys.map(([k]) => width(k)));
  const opw = Math.max(...L.keys.map(([, , op]) => width(op)));
  const out = [fit(paint, [[` ${L.helpTitle}`]], cols, 'bar'), ''];
  // Key, what the log gets, what it does: the log column is short and must not be cut.
  for (const [k, what, op] of L.keys) {
    out.push(fit(paint, [[`  ${k.padEnd(keyw)}  `, 'label'], [(op === '—' ? '' : op).padEnd(opw) + '  ', 'dim'], [what]], cols));
  }
  out.push('', rule(c, L.perCode));
  out.push(...progressLines(c, v.rows - out.length - 2));
  while (out.length < v.rows - 1) out.push('');
  out.push(fit(paint, [[L.helpClose, 'dim']], cols));
  return out;
}

function endScreen(c: Ctx): string[] {
  const { L, paint, cols, v } = c;
  const out = [header(c), '', fit(paint, [[`  ${fill(L.endTitle, { total: v.session.items.length })}`, 'bold']], cols)];
  out.push(fit(paint, [[`  ${fill(L.endBody, { d: decidedCount(v.session) })}`]], cols), '', rule(c, L.perCode));
  out.push(...progressLines(c, v.rows - out.length - 3));
  while (out.length < v.rows - 2) out.push('');
  out.push(messageLine(c), fit(paint, [[L.endHelp, 'dim']], cols));
  return out;
}
