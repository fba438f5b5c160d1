/**
 * A one-line progress report on a terminal for long work (`qia run`, `qia code` on a large
 * study): files done of all, megabytes, MB/s and the time left, redrawn in place at most ten
 * times a second and wiped when the work ends, so nothing of it is left in the scrollback or in
 * a log. Only on a terminal: piped or redirected, and with --quiet, nothing is written.
 */

export interface Progress {
  /** The work ahead: files and their bytes. */
  start(files: number, bytes: number): void;
  /** One file done, of this many bytes. */
  done(bytes: number): void;
  /** The work is over: the line goes. */
  end(): void;
}

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(s: string): unknown;
}

/** Nothing drawn before this many ms: a study read in a blink does not flash a line. */
const DEFAULT_DELAY_MS = 400;
const REDRAW_MS = 100;

function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0);
}

function duration(s: number): string {
  if (!Number.isFinite(s)) return '?';
  const r = Math.max(0, Math.round(s));
  return r < 60 ? `${r}s` : `${Math.floor(r / 60)}m${String(r % 60).padStart(2, '0')}s`;
}

/** The line itself: `reading and coding: 12/40 files · 3.1/10.2 MB · 2.4 MB/s · 3s left`. */
export function progressText(label: string, s: { files: number; totalFiles: number; bytes: number; totalBytes: number; elapsedMs: number }): string {
  const secs = s.elapsedMs / 1000;
  const rate = secs > 0 ? s.bytes / 1e6 / secs : 0;
  const left = rate > 0 ? (s.totalBytes - s.bytes) / 1e6 / rate : Infinity;
  return `${label}: ${s.files}/${s.totalFiles} files · ${mb(s.bytes)}/${mb(s.totalBytes)} MB · ${rate.toFixed(1)} MB/s · ${duration(left)} left`;
}

/**
 * A Progress on `stream` when it is a terminal and not `quiet`, else undefined (callers then
 * do no bookkeeping at all). `QIA_PROGRESS_DELAY_MS` sets the wait before the first drawing.
 */
export function terminalProgress(label: string, opts: { quiet?: boolean; stream?: ProgressStream; now?: () => number } = {}): Progress | undefined {
  const stream = opts.stream ?? process.stderr;
  if (opts.quiet || !stream.isTTY) return undefined;
  const now = opts.now ?? (() => performance.now());
  const delayEnv = Number(process.env['QIA_PROGRESS_DELAY_MS']);
  const delay = Number.isFinite(delayEnv) && process.env['QIA_PROGRESS_DELAY_MS'] !== '' ? delayEnv : DEFAULT_DELAY_MS;
  let t0 = now();
  let last = -Infinity;
  let shown = false;
  const s = { files: 0, totalFiles: 0, bytes: 0, totalBytes: 0 };
  const draw = (force: boolean) => {
    const t = now();
    if (t - t0 < delay || (!force && t - last < REDRAW_MS)) return;
    last = t;
    let text = progressText(label, { ...s, elapsedMs: t - t0 });
    // A terminal that reports no width (0: some ptys) gets 80 columns.
    const width = stream.columns || 80;
    if (text.length > width - 1) text = text.slice(0, Math.max(0, width - 2)) + '…';
    // Carriage return and erase-line: the line is redrawn in place.
    stream.write(`\r\x1b[2K${text}`);
    shown = true;
  };
  return {
    start(files, bytes) {
      t0 = now();
      s.totalFiles = files;
      s.totalBytes = bytes;
    },
    done(bytes) {
      s.files++;
      s.bytes += bytes;
      draw(s.files === s.totalFiles);
    },
    end() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
