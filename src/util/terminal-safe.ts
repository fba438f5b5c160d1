/**
 * Text from a study (a transcript, front matter, a file name, a codebook label) is shown on a
 * researcher's terminal by `qia sources`, `kwic`, `code --explain`, `query`, the review screen
 * and every diagnostic. A terminal obeys control characters wherever they come from: an escape
 * sequence in a transcript could retitle the window, clear the screen, or turn a quote into an
 * OSC 8 link to anywhere. So every such output passes through `terminalSafe` at the edge where
 * it is written: escape sequences are removed whole (CSI, OSC with OSC 8 links, DCS, SOS, PM,
 * APC, and the two-character ones, in their 7-bit and 8-bit forms), and any other C0 control
 * but newline, tab and the CR of a CRLF, DEL and every C1 control becomes U+FFFD, so the
 * reader sees something was there.
 */

// ESC [ … final  |  CSI (0x9B) … final
const CSI = String.raw`(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]`;
// ESC ] … (BEL | ESC \ | ST), and DCS, SOS, PM, APC alike (ESC P, X, ^, _ or 0x90, 0x98, 0x9E, 0x9F,
// 0x9D). The body stops at the first terminator or control, so an unterminated one costs only
// its introducer and the text after it is kept.
const STRING = String.raw`(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\x00-\x06\x08-\x1a\x1c-\x1f]*(?:\x07|\x1b\\|\x9c)?`;
// ESC followed by one intermediate-or-final byte (ESC c resets the terminal, ESC 7 saves…).
const SHORT = String.raw`\x1b[\x20-\x2f]*[\x30-\x7e]`;
// A sequence first, so its introducer is not taken for a lone control.

// A carriage return is kept only as half of a CRLF line end (CSV on stdout ends its rows so);
// alone it would let text overwrite the line it is on.
const UNSAFE = new RegExp(`${CSI}|${STRING}|${SHORT}|\\r(?!\\n)|[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f]`, 'g');
// SGR (colour) only: what qia's own colouring writes.

const SGR = /^\x1b\[[\d;]*m$/;

const ANY_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

export interface TerminalSafeOptions {
  /**
   * Keep colour (SGR) sequences: for output qia coloured itself, on a terminal that shows colour.
   * Colour is all such a sequence can change, so one from a study survives too.
   */
  keepColour?: boolean;
}

/** `text` with every terminal control removed or made visible; newlines, tabs and CRLF kept. */
export function terminalSafe(text: string, options: TerminalSafeOptions = {}): string {
  if (!ANY_CONTROL.test(text)) return text;
  const keep = options.keepColour === true;
  return text.replace(UNSAFE, (m) => (m.length === 1 ? '\uFFFD' : keep && SGR.test(m) ? m : ''));
}
