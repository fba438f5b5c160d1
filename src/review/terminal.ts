import type { ReviewIO } from './types.js';

const CSI = '\u001b[';
const ENTER = `${CSI}?1049h${CSI}?25l${CSI}?7l${CSI}2J${CSI}H`;
// Autowrap back on, cursor shown, main screen back, colours reset: the shell as it was.
const LEAVE = `${CSI}0m${CSI}?7h${CSI}?25h${CSI}?1049l`;

export interface Terminal {
  cols(): number;
  rows(): number;
  /** Draw these lines, rewriting only the rows that changed unless `full`. */
  draw(lines: readonly string[], full: boolean): void;
  /** Leave the alternate screen and raw mode; safe to call twice, and from an 'exit' handler. */
  close(): void;
}

/**
 * The terminal for the loop: alternate screen (the shell's scrollback is left as it was), no
 * cursor, raw keys, and autowrap off so a line that fills the last column cannot scroll the
 * screen. Every way out goes through `close`.
 */
export function openTerminal(io: ReviewIO): Terminal {
  const { input, output } = io;
  let open = true;
  let shown: readonly string[] = [];
  input.setRawMode(true);
  input.resume();
  output.write(ENTER);
  return {
    cols: () => output.columns || 80,
    rows: () => output.rows || 24,
    draw(lines, full) {
      if (!open) return;
      let out = full ? `${CSI}2J` : '';
      for (let i = 0; i < lines.length; i++) {
        if (!full && shown[i] === lines[i]) continue;
        // Erase first, then write: with autowrap off the cursor stays on the last column after a
        // full-width line, so an erase after it would take that column's character away.
        out += `${CSI}${i + 1};1H${CSI}0m${CSI}2K${lines[i]!}${CSI}0m`;
      }
      shown = lines.slice();
      if (out !== '') output.write(out);
    },
    close() {
      if (!open) return;
      open = false;
      try {
        output.write(LEAVE);
      } catch {
        // The terminal may be gone (SIGHUP); there is nothing left to restore on it.
      }
      try {
        if (input.isTTY) input.setRawMode(false);
      } catch {
        // Same: a closed terminal has no mode to restore.
      }
      input.pause();
    },
  };
}
