import type { SourceInfo } from '../model/source.js';
import { lineColAt } from '../util/lines.js';

/**
 * The line of the file, 1-based as an editor numbers it, of an offset in a source's normalised
 * text: the one way every output turns a position into a line.
 */
export function lineAt(source: Pick<SourceInfo, 'bodyLine' | 'lineStarts'>, offset: number): number {
  return source.bodyLine + lineColAt(source.lineStarts, offset).line - 1;
}
